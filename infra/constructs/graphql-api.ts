import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ApiConfig, Stage } from '../config';
import { logGroupPrefix, resourceName } from '../naming';

export const GRAPHQL_PATH = '/graphql';

/**
 * One access-log line per request: who (token subject, source IP), what (route, status, sizes, latencies) and why it
 * failed, if it did. Never bodies, query strings, headers or tokens: those carry patient data and credentials.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userId: '$context.authorizer.claims.sub',
  sourceIp: '$context.identity.sourceIp',
} as const;

export interface GraphqlApiProps {
  readonly stage: Stage;
  readonly api: ApiConfig;
  readonly handler: IFunction;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  readonly key: IKey;
  readonly logRetentionDays: number;
}

/**
 * HTTP API (payload v2) in front of the GraphQL function. API Gateway verifies the Cognito token before the function
 * runs and answers CORS preflight itself; the function reads identity only from the verified claims.
 */
export class GraphqlApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly graphqlUrl: string;

  constructor(scope: Construct, id: string, props: GraphqlApiProps) {
    super(scope, id);
    const { api } = props;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: resourceName(props.stage, 'api'),
      description: `Linkwork ${props.stage} GraphQL API`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...api.corsAllowedOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        // apollo-require-preflight: Apollo's CSRF guard wants it on GET requests from browsers.
        allowHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      authorizerName: 'cognito-staff',
      userPoolClients: [props.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi.addRoutes({
      path: GRAPHQL_PATH,
      methods: [HttpMethod.POST, HttpMethod.GET],
      integration: new HttpLambdaIntegration('GraphqlIntegration', props.handler, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
      authorizer,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      logGroupName: `${logGroupPrefix(props.stage)}api/access`,
      retention: props.logRetentionDays as RetentionDays,
      encryptionKey: props.key,
      removalPolicy: props.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: api.throttleRateLimit, burstLimit: api.throttleBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    // The $default stage's URL ends in a slash and has no stage segment.
    this.graphqlUrl = `${this.stage.url}${GRAPHQL_PATH.slice(1)}`;
  }
}
