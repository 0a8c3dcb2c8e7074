// POST /cases — first-level intake from web forms and the API.
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { defaultClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { HttpProblem } from '../../shared/http/api-error.ts';
import { CaseCreatedSchema, CreateCaseBody } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { openCaseUseCase } from '../../shared/use-cases/open-case.ts';
import { ENV, FUNCTIONS, INTAKE_ACCESS } from '../system.ts';

const IntakeAccessSchema = z.enum(INTAKE_ACCESS);

const spec = FUNCTIONS.createCase;
const wired = wire(spec);
const intakeAccess = IntakeAccessSchema.parse(wired.env[ENV.intakeAccess]);
const callers = intakeAccess === 'signed-in' ? wired.callers() : undefined;
const deps = {
  store: wired.caseStore(),
  queues: wired.workQueues(),
  classifier: defaultClassifier(),
  clock: wired.clock,
};

export const handler = httpFunction(spec, {
  'POST /cases': async (request) => {
    // An internal desk: who opens the case is known and recorded before the body is read.
    const openedBy = callers ? (await callers.signedIn(request.headers.authorization)).subject : undefined;
    const intake = parseBody(request, CreateCaseBody);
    const idempotencyKey = request.headers['idempotency-key'];
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 255)) {
      throw new HttpProblem(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1 to 255 characters',
        'Idempotency-Key',
      );
    }
    const result = await openCaseUseCase(deps, intake, {
      ...(idempotencyKey ? { idempotencyKey } : {}),
      languageHints: { acceptLanguage: request.headers['accept-language'] },
      source: {
        ip: request.event.requestContext.http.sourceIp,
        ...(openedBy ? { signedInAs: openedBy } : {}),
      },
    });
    const { replayed, ...body } = result;
    return {
      statusCode: 201,
      body: CaseCreatedSchema.parse(body),
      headers: { location: `/cases/${result.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
    };
  },
});
