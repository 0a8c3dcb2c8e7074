// GET /queues/{level} — an agent's work list: a level's active cases as summaries, P1 first,
// oldest first, by status, page by page. Agents list their own levels; the ticket desk
// (level 1) and admins every level, as they own every case.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import type { QueuedLevel } from '../../shared/domain/support-model.ts';
import { LevelPath } from '../../shared/http/api-schemas.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { QueueQuery } from '../../shared/http/ladder-schemas.ts';
import { caseSummary } from '../../shared/use-cases/case-access.ts';

const spec = FUNCTIONS.levelQueue;
const wired = wire(spec);
const store = wired.caseStore();

export const handler = httpFunction(
  spec,
  {
    'GET /queues/{level}': async (request) => {
      const level = LevelPath.parse(request.pathParameters).level as QueuedLevel;
      const { limit, status, cursor } = QueueQuery.parse(request.query);
      const { caller } = request;
      const owner = caller.kind === 'agent' && (caller.levels.includes(1) || caller.roles.includes('admin'));
      if (caller.kind !== 'agent' || !(owner || caller.levels.includes(level))) {
        throw new ForbiddenError(`Level ${level} is not one of your levels`);
      }
      const page = await store.listLevelQueue(level, {
        limit,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return {
        statusCode: 200,
        body: { level, cases: page.cases.map(caseSummary), ...(page.cursor ? { cursor: page.cursor } : {}) },
      };
    },
  },
  wired.callers(),
);
