// The public HTTP API: one route per declared RouteSpec, each to its function.
//
// An HTTP API rather than a REST API: it costs about a third per request, its JWT authorizer
// verifies Cognito tokens natively (no authorizer Lambda), and tierdesk needs none of the REST
// API's extras (usage plans, request validation, caching) — the functions validate with zod.
import { Duration, Lazy, type RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS, type RouteSpec } from '../../shared/declaration/index.ts';
import { acknowledgeNag } from '../nag.ts';

/**
 * Every route's own limit (an HTTP API stage throttles per route), unless the declaration gives
 * the route a stricter one.
 */
export const DEFAULT_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

export type TierdeskApiProps = {
  apiName: string;
  /** The Cognito issuer and app client whose tokens agents carry. */
  jwtIssuer: string;
  jwtAudience: string;
  logRemovalPolicy: RemovalPolicy;
};

export class TierdeskApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  private readonly agentAuthorizer: HttpJwtAuthorizer;
  private readonly routeThrottles: Record<
    string,
    { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
  > = {};

  constructor(scope: Construct, id: string, props: TierdeskApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      description: 'tierdesk: intake, customer and agent API',
      // Our own $default stage below: the built-in one takes neither access logs nor throttling.
      createDefaultStage: false,
      // The declaration's policy (shared/declaration CORS); the local gateway applies the same.
      corsPreflight: {
        allowOrigins: [...CORS.allowOrigins],
        allowMethods: CORS.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...CORS.allowHeaders],
        exposeHeaders: [...CORS.exposeHeaders],
        maxAge: Duration.seconds(CORS.maxAgeSeconds),
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_THROTTLE,
      // The REST API's AccessLogFormat is the one HTTP stages take too.
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });
    // Per-route throttling exists only on the L1 stage (RouteSettings, keyed by route key).
    (this.stage.node.defaultChild as CfnStage).routeSettings = Lazy.any({
      produce: () => (Object.keys(this.routeThrottles).length > 0 ? this.routeThrottles : undefined),
    });

    this.agentAuthorizer = new HttpJwtAuthorizer('AgentJwt', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });
  }

  /** The base URL callers use (no trailing slash). */
  get url(): string {
    return this.api.apiEndpoint;
  }

  addRoutes(functionId: string, handler: IFunction, routes: readonly RouteSpec[]): void {
    const integration = new HttpLambdaIntegration(`${functionId}Integration`, handler, {
      payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
    });
    for (const route of routes) {
      const routeKey =
        route.path === '$default'
          ? HttpRouteKey.DEFAULT
          : HttpRouteKey.with(route.path, HttpMethod[route.method]);
      const httpRoute = new HttpRoute(
        this,
        `${route.method}${route.path.replaceAll('/', '-').replace('$', '')}`,
        {
          httpApi: this.api,
          routeKey,
          integration,
          // API Gateway verifies what it can: agent-only routes need a valid Cognito JWT before
          // the function runs. A customer's case token is not a JWT, so routes a customer may
          // call ('customer', 'customer-or-agent') are authorized inside the function, which
          // checks the case token or the agent JWT itself.
          ...(route.access.kind === 'agent' ? { authorizer: this.agentAuthorizer } : {}),
        },
      );
      if (route.access.kind !== 'agent') {
        acknowledgeNag(
          httpRoute,
          route.access.kind === 'public'
            ? `${routeKey.key} is public by design (shared/declaration: access 'public'); it is rate-limited instead.`
            : `${routeKey.key} is authorized in its function (access '${route.access.kind}'): a customer's case token is not a JWT API Gateway could verify.`,
          'APIG4',
        );
      }
      if (route.throttle) {
        this.routeThrottles[routeKey.key] = {
          ThrottlingRateLimit: route.throttle.rate,
          ThrottlingBurstLimit: route.throttle.burst,
        };
        // CloudFormation rejects route settings for a route key that does not exist yet.
        this.stage.node.addDependency(httpRoute);
      }
    }
  }
}
