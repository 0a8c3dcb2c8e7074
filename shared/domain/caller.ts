// Who acts: nobody, the holder of a case token, or an agent with their role and levels. The
// HTTP layer proves it (shared/http/caller.ts: JWT or case token); use cases only read it.
import type { QueuedLevel } from './support-model.ts';

export const AGENT_ROLES = ['agent', 'lead', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export type AgentCaller = { kind: 'agent'; subject: string; roles: AgentRole[]; levels: QueuedLevel[] };
export type Caller = { kind: 'anonymous' } | { kind: 'customer'; token: string } | AgentCaller;
