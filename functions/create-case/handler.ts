// POST /cases — first-level intake from web forms and the API.
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { ENV, FUNCTIONS, INTAKE_ACCESS } from '../../shared/declaration/index.ts';
import { defaultClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import type { Intake } from '../../shared/domain/intake-record.ts';
import { CaseCreatedSchema, CreateCaseBody, PhoneCaseBody } from '../../shared/http/api-schemas.ts';
import { idempotencyOf } from '../../shared/http/case-action.ts';
import { type HttpRequest, httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { openCaseUseCase } from '../../shared/use-cases/open-case.ts';

const IntakeAccessSchema = z.enum(INTAKE_ACCESS);

const spec = FUNCTIONS.createCase;
const wired = wire(spec);
const intakeAccess = IntakeAccessSchema.parse(wired.env[ENV.intakeAccess]);
const callers = wired.callers();
const deps = {
  store: wired.caseStore(),
  queues: wired.workQueues(),
  classifier: defaultClassifier(),
  clock: wired.clock,
};

async function open(request: HttpRequest, intake: Intake, openedBy: string | undefined) {
  const idempotencyKey = idempotencyOf(request).idempotency?.key;
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
}

export const handler = httpFunction(
  spec,
  {
    'POST /cases': async (request) => {
      // An internal desk: who opens the case is known and recorded before the body is read.
      const openedBy =
        intakeAccess === 'signed-in'
          ? (await callers.signedIn(request.headers.authorization)).subject
          : undefined;
      return open(request, parseBody(request, CreateCaseBody), openedBy);
    },
    // A caller on the telephone: the agent types the call in; the same intake, missing facts
    // and acknowledgement as the form, and the agent is recorded as who opened it.
    'POST /phone-cases': async (request) => {
      if (request.caller.kind !== 'agent') throw new ForbiddenError('This route is for agents only');
      return open(request, parseBody(request, PhoneCaseBody), request.caller.subject);
    },
  },
  callers,
);
