// Who is calling: nobody, the holder of a case token, or an agent with a verified JWT.
// JWTs are verified here with jose — against Cognito's JWKS in AWS, against the local
// development issuer on a laptop — so the same code decides in both places.
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import type { Access } from '../declaration/index.ts';
import { isCustomerToken } from '../domain/access-token.ts';
import { AGENT_ROLES, type AgentCaller, type Caller } from '../domain/caller.ts';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors.ts';
import { QUEUED_LEVELS } from '../domain/support-model.ts';

export type { AgentCaller, Caller } from '../domain/caller.ts';

export type JwtSettings = { issuer: string; audience: string; jwksUrl: string };

/** Cognito groups carry roles (`agent`, `lead`, `admin`) and levels (`level-1` … `level-4`). */
export const GROUPS_CLAIM = 'cognito:groups';
export class CallerResolver {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: JwtSettings) {
    // Keys are cached across invocations of a warm function.
    this.jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { cacheMaxAge: 10 * 60_000 });
  }

  /** Resolves the caller and enforces the route's declared access rule. */
  async resolve(authorization: string | undefined, access: Access): Promise<Caller> {
    if (access.kind === 'public') return { kind: 'anonymous' };
    const token = bearerToken(authorization);
    if (!token) throw new UnauthenticatedError('This route needs an Authorization: Bearer credential');
    if (isCustomerToken(token)) {
      if (access.kind === 'agent') throw new ForbiddenError('This route is for agents only');
      return { kind: 'customer', token };
    }
    if (access.kind === 'customer') throw new ForbiddenError("This route is for the case's customer only");
    const agent = await this.verifyAgent(token);
    if (!agent.roles.some((role) => access.roles.includes(role))) {
      throw new ForbiddenError(`This route needs one of the roles ${access.roles.join(', ')}`);
    }
    return agent;
  }

  /**
   * A caller signed in to the user pool, whatever their groups (an internal desk's employee):
   * the same token checks as for agents.
   */
  async signedIn(authorization: string | undefined): Promise<AgentCaller> {
    const token = bearerToken(authorization);
    if (!token || isCustomerToken(token))
      throw new UnauthenticatedError(
        'This desk takes cases from signed-in callers: send Authorization: Bearer <access token>',
      );
    return this.verifyAgent(token);
  }

  private async verifyAgent(token: string): Promise<AgentCaller> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.settings.issuer,
        // Cognito signs with RS256, the development issuer with ES256; nothing else is trusted.
        algorithms: ['RS256', 'ES256'],
        // A token without an expiry would be a credential for ever.
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 30,
      }));
    } catch {
      throw new UnauthenticatedError('The bearer token is not a valid, unexpired tierdesk token');
    }
    // Only access tokens authorize calls; an ID token says who someone is, not what they may
    // do. Cognito access tokens name the app client in client_id (they carry no aud).
    if (payload.token_use !== 'access') {
      throw new UnauthenticatedError('The bearer token is not an access token');
    }
    if (payload.client_id !== this.settings.audience) {
      throw new UnauthenticatedError('The bearer token was issued for another application');
    }
    const groups = Array.isArray(payload[GROUPS_CLAIM])
      ? (payload[GROUPS_CLAIM] as unknown[]).map(String)
      : [];
    return {
      kind: 'agent',
      subject: String(payload.sub ?? 'unknown'),
      roles: AGENT_ROLES.filter((role) => groups.includes(role)),
      levels: QUEUED_LEVELS.filter((level) => groups.includes(`level-${level}`)),
    };
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
