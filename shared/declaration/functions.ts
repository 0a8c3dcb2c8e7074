// THE declaration of tierdesk: every function with its entry, its trigger and the resources
// it touches, one file per capability. The CDK stack (infra/) and the local runtime (local/)
// are both built from this object, and a test compares the synthesized template with what the
// local runtime serves, so the two cannot drift apart. Everything imports it downward:
// infra → functions → shared; nothing in shared/ imports a handler.
import { CASE_FUNCTIONS } from './case-functions.ts';
import { INTAKE_FUNCTIONS } from './intake-functions.ts';
import { LADDER_FUNCTIONS } from './ladder-functions.ts';
import type { FunctionSpec } from './model.ts';
import { PLATFORM_FUNCTIONS } from './platform-functions.ts';
import { REPORT_FUNCTIONS } from './report-functions.ts';

export const FUNCTIONS = {
  ...PLATFORM_FUNCTIONS,
  ...INTAKE_FUNCTIONS,
  ...CASE_FUNCTIONS,
  ...LADDER_FUNCTIONS,
  ...REPORT_FUNCTIONS,
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;
