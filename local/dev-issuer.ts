// The development issuer: on a laptop, agent JWTs are signed with a local ES256 key kept in
// the data folder, and verified by the functions through its JWKS — the same code path that
// verifies Cognito's tokens in AWS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { AgentRole } from '../shared/declaration/index.ts';
import { GROUPS_CLAIM } from '../shared/http/caller.ts';

export const LOCAL_ISSUER = 'https://tierdesk.local/dev-issuer';
export const LOCAL_AUDIENCE = 'tierdesk-local';
const KEY_ID = 'tierdesk-dev-1';

type StoredKey = { privateJwk: JWK; publicJwk: JWK };

/** Kept in `file` so that `npm run token` signs for the running desk; in memory without one. */
export async function loadOrCreateKey(file?: string): Promise<StoredKey> {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const stored: StoredKey = {
    privateJwk: { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'ES256', use: 'sig' },
  };
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  }
  return stored;
}

export function jwks(key: StoredKey) {
  return { keys: [key.publicJwk] };
}

export async function issueAgentToken(
  key: StoredKey,
  claims: { subject: string; roles: AgentRole[]; levels: number[]; expiresIn?: string },
): Promise<string> {
  // Shaped like a Cognito access token: groups carry roles and levels, client_id the app.
  return signDevToken(key, {
    payload: {
      [GROUPS_CLAIM]: [...claims.roles, ...claims.levels.map((l) => `level-${l}`)],
      client_id: LOCAL_AUDIENCE,
      token_use: 'access',
    },
    subject: claims.subject,
    expiresIn: claims.expiresIn ?? '8h',
  });
}

/**
 * Signs any payload with the development key. Tests use it to prove that tokens which are
 * correctly signed but wrong in some other way (expired, no expiry, an ID token, another
 * issuer or app) are refused.
 */
export async function signDevToken(
  key: StoredKey,
  options: {
    payload: Record<string, unknown>;
    subject?: string;
    issuer?: string;
    expiresIn?: string | number;
  },
): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, 'ES256');
  const jwt = new SignJWT(options.payload)
    .setProtectedHeader({ alg: 'ES256', kid: KEY_ID })
    .setIssuer(options.issuer ?? LOCAL_ISSUER)
    .setIssuedAt();
  if (options.subject) jwt.setSubject(options.subject);
  if (options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
  return jwt.sign(privateKey);
}
