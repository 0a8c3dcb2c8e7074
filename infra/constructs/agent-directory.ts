// The agents' identities: a Cognito user pool whose groups carry an agent's role and levels
// (shared/http/caller.ts reads them from `cognito:groups`), and the app client their tokens
// are issued to. Customers are not in it: they prove themselves with a case token.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AGENT_ROLES } from '../../shared/declaration/index.ts';
import { QUEUED_LEVELS } from '../../shared/domain/support-model.ts';

/** `agent`, `lead`, `admin`, `level-1` … `level-4`: the names shared/http/caller.ts expects. */
export const AGENT_GROUPS: readonly string[] = [
  ...AGENT_ROLES,
  ...QUEUED_LEVELS.map((level) => `level-${level}`),
];

export type AgentDirectoryProps = { removalPolicy: RemovalPolicy };

export class AgentDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: AgentDirectoryProps) {
    super(scope, id);
    const retained = props.removalPolicy === RemovalPolicy.RETAIN;
    this.userPool = new UserPool(this, 'UserPool', {
      // Agents are invited by an admin; nobody makes themselves an agent.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Agents read customers' personal data: a password alone is not enough. TOTP only, so
      // no SMS role and no SMS phishing.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // The Plus plan's threat protection blocks sign-ins with leaked credentials and adapts
      // to risky ones; priced per active user, it costs a few dozen agents under a dollar a month.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: retained,
      removalPolicy: props.removalPolicy,
    });
    // Groups hold who is an agent of which level, so they stay with the pool.
    for (const group of AGENT_GROUPS) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group }).applyRemovalPolicy(props.removalPolicy);
    }
    this.client = this.userPool.addClient('AgentApp', {
      // A browser app cannot keep a secret; SRP keeps the password off the wire.
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
    });
    this.client.applyRemovalPolicy(props.removalPolicy);
  }

  /** The `iss` claim of the pool's tokens; its JWKS is at `<issuer>/.well-known/jwks.json`. */
  get issuerUrl(): string {
    // ProviderURL is `cognito-idp.<region>.amazonaws.com/<pool id>`, without the scheme.
    return `https://${this.userPool.userPoolProviderUrl}`;
  }
}
