// npm run token -- --role agent --levels 1,2 [--subject alice] [--expires 8h]
// Prints an agent JWT signed by the local development issuer (the key of `npm start`).
import { parseArgs } from 'node:util';
import { AGENT_ROLES, type AgentRole } from '../shared/declaration/index.ts';
import { issueAgentToken, loadOrCreateKey } from './dev-issuer.ts';
import { devIssuerKeyFile } from './local-system.ts';
import { readLocalSettings } from './settings.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'agent' },
    levels: { type: 'string', default: '1' },
    subject: { type: 'string', default: 'local-agent' },
    expires: { type: 'string', default: '8h' },
  },
});
const roles = (values.role ?? 'agent').split(',').map((r) => r.trim());
const unknown = roles.filter((r) => !(AGENT_ROLES as readonly string[]).includes(r));
const levels = (values.levels ?? '').split(',').filter(Boolean).map(Number);
if (unknown.length > 0 || levels.some((l) => !Number.isInteger(l) || l < 1 || l > 4)) {
  console.error(`usage: npm run token -- --role ${AGENT_ROLES.join('|')} --levels 1,2   (levels 1-4)`);
  process.exit(2);
}
const key = await loadOrCreateKey(devIssuerKeyFile(readLocalSettings().TIERDESK_DATA_DIR));
console.log(
  await issueAgentToken(key, {
    subject: values.subject ?? 'local-agent',
    roles: roles as AgentRole[],
    levels,
    expiresIn: values.expires ?? '8h',
  }),
);
