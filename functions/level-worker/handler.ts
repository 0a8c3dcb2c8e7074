// A level's worker, one function per level (SUPPORT_LEVEL): does that level's work for each
// message of its queue — takes arrivals into the level, hands them off (callback team,
// experts' dossier, consent, vendor) and sends the mail events call for, each once.
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { ENV, FUNCTIONS } from '../../shared/declaration/index.ts';
import { QUEUED_LEVELS } from '../../shared/domain/support-model.ts';
import { queueFunction } from '../../shared/queue/queue-function.ts';
import { doLevelWork } from '../../shared/use-cases/level-work.ts';

const level = z.coerce
  .number()
  .pipe(z.union(QUEUED_LEVELS.map((l) => z.literal(l))))
  .parse(process.env.SUPPORT_LEVEL);
const spec = FUNCTIONS[`level${level}Worker`];
const wired = wire(spec);
const deps = {
  store: wired.caseStore(),
  ledger: wired.mailLedger(),
  mailer: wired.mailer(),
  recipients: wired.recipients(),
  clock: wired.clock,
  publicBaseUrl: wired.publicBaseUrl(),
  supportAddress: wired.env[ENV.mailFrom] ?? '',
};

const LevelWorkSchema = z.object({
  caseId: z.string().min(1),
  level: z.literal(level),
  reason: z.string(),
  eventId: z.string().min(1).max(100).optional(),
});

export const handler = queueFunction(spec, LevelWorkSchema, (message) => doLevelWork(deps, message));
