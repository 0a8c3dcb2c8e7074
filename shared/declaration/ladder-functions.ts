// The ladder's machinery: one worker per level does that level's work for each message on its
// queue (take the case, mail the customer, the team, the vendor), and the minute sweep finds
// what is due (lost messages, reminders, cases that close by themselves).
import type { QueuedLevel } from '../domain/support-model.ts';
import type { FunctionSpec } from './model.ts';

const levelWorker = (level: QueuedLevel): FunctionSpec => ({
  entry: 'functions/level-worker/handler.ts',
  description: `Does level ${level}'s work for the cases on its queue and sends the mail it calls for`,
  trigger: { kind: 'queue', queue: `level${level}` },
  uses: { table: 'readwrite', sendMail: true },
  environment: { SUPPORT_LEVEL: String(level) },
});

export const LADDER_FUNCTIONS = {
  level1Worker: levelWorker(1),
  level2Worker: levelWorker(2),
  level3Worker: levelWorker(3),
  level4Worker: levelWorker(4),
  slaTimer: {
    entry: 'functions/sla-timer/handler.ts',
    description:
      'Every minute: records SLA warnings and breaches (and their escalation), re-queues lost work (classification, acknowledgements, mail), callback and vendor reminders, closes resolved cases nobody objected to',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    uses: { table: 'readwrite', queues: ['classify', 'level1', 'level2', 'level3', 'level4'] },
    timeoutSeconds: 50,
  },
} as const satisfies Record<string, FunctionSpec>;
