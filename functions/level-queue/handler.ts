// GET /queues/{level} — an agent's work list: open cases of a level, P1 first, oldest first.
import { wire } from '../../shared/adapters/wiring.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import type { QueuedLevel } from '../../shared/domain/support-model.ts';
import { LevelPath, LevelQueueQuery } from '../../shared/http/api-schemas.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { agentView } from '../../shared/use-cases/case-access.ts';
import { FUNCTIONS } from '../system.ts';

const spec = FUNCTIONS.levelQueue;
const wired = wire(spec);
const store = wired.caseStore();

export const handler = httpFunction(
  spec,
  {
    'GET /queues/{level}': async (request) => {
      const level = LevelPath.parse(request.pathParameters).level as QueuedLevel;
      const { limit } = LevelQueueQuery.parse(request.query);
      const { caller } = request;
      if (caller.kind !== 'agent' || !(caller.levels.includes(level) || caller.roles.includes('admin'))) {
        throw new ForbiddenError(`Level ${level} is not one of your levels`);
      }
      const cases = await store.listLevelQueue(level, limit);
      return { statusCode: 200, body: { level, cases: cases.map((c) => agentView(c)) } };
    },
  },
  wired.callers(),
);
