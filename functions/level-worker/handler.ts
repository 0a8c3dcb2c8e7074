// Escalation queue consumer, one function per level (SUPPORT_LEVEL): takes escalated cases
// into the level's queue.
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { QUEUED_LEVELS } from '../../shared/domain/support-model.ts';
import { queueFunction } from '../../shared/queue/queue-function.ts';
import { takeIntoLevelUseCase } from '../../shared/use-cases/take-into-level.ts';
import { FUNCTIONS } from '../system.ts';

const level = z.coerce
  .number()
  .pipe(z.union(QUEUED_LEVELS.map((l) => z.literal(l))))
  .parse(process.env.SUPPORT_LEVEL);
const spec = FUNCTIONS[`level${level}Worker`];
const wired = wire(spec);
const deps = { store: wired.caseStore(), clock: wired.clock };

const EscalationSchema = z.object({
  caseId: z.string().min(1),
  level: z.literal(level),
  reason: z.string(),
});

export const handler = queueFunction(spec, EscalationSchema, (message) =>
  takeIntoLevelUseCase(deps, message),
);
