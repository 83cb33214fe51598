import { Match, type Template } from 'aws-cdk-lib/assertions';
import { SIGN_IN_ACCOUNT_ACTIONS } from '../../functions/identity/adapters/cognito-sign-in-accounts';
import { ACCESS_LOG_FIELDS } from '../../infra/constructs/graphql-api';
import { prodConfig, synthesiseStage } from './support';

type Statement = {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
};
type Resource = { Type: string; Properties: Record<string, unknown> };

const FUNCTIONS = {
  graphql: { memory: 1024, timeout: 20, concurrency: 50 },
  dispatcher: { memory: 512, timeout: 75, concurrency: 1 },
  'inbound-sms': { memory: 512, timeout: 30, concurrency: 5 },
  'fold-stream': { memory: 512, timeout: 60, concurrency: 5 },
  reconcile: { memory: 1024, timeout: 600, concurrency: 1 },
} as const;

/** Service actions IAM cannot scope to a resource ARN, so Resource "*" is the only way to allow them. */
const ACTIONS_THAT_NEED_ANY_RESOURCE = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'sns:Publish',
  'cloudwatch:PutMetricData',
  'dynamodb:ListStreams',
]);

describe('StatelessStack', () => {
  let template: Template;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    template = synthesiseStage().statelessTemplate;
    resources = template.toJSON().Resources;
  });

  function logicalIdOfFunction(name: string): string {
    const [id] = Object.keys(
      template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: `linkwork-prod-${name}` } }),
    );
    if (!id) throw new Error(`no function linkwork-prod-${name}`);
    return id;
  }

  /** Every statement of the policy attached to a function's role. */
  function statementsOf(name: string): Statement[] {
    const roleRef = (resources[logicalIdOfFunction(name)].Properties.Role as { 'Fn::GetAtt': [string] })[
      'Fn::GetAtt'
    ][0];
    return Object.values(resources)
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleRef),
      )
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  }

  const actionsOf = (statement: Statement) => [statement.Action].flat();

  describe('functions', () => {
    it.each(Object.entries(FUNCTIONS))(
      '%s runs Node.js 22 on arm64 with its memory, timeout and concurrency',
      (name, sizing) => {
        template.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: `linkwork-prod-${name}`,
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          MemorySize: sizing.memory,
          Timeout: sizing.timeout,
          ReservedConcurrentExecutions: sizing.concurrency,
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: Match.objectLike({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' }),
          Environment: {
            Variables: Match.objectLike({
              STAGE: 'prod',
              LOG_LEVEL: 'INFO',
              TABLE_NAME: Match.anyValue(),
              NODE_OPTIONS: '--enable-source-maps',
            }),
          },
        });
      },
    );

    it.each(Object.keys(FUNCTIONS))('%s logs to its own KMS-encrypted log group with a retention period', (name) => {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/linkwork/prod/lambda/${name}`,
        RetentionInDays: 365,
        KmsKeyId: Match.anyValue(),
      });
    });

    it('gives the dispatcher its SMS settings and run budget from config', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: 'linkwork-prod-dispatcher',
        Environment: {
          Variables: Match.objectLike({
            SMS_ORIGINATION_NUMBER: '+447900123456',
            SENDING_WINDOW: 'Mon-Fri 09:00-18:00 Europe/London',
            SMS_RATE_PER_SECOND: '5',
            RUN_BUDGET_MS: '58000',
            POWERTOOLS_METRICS_NAMESPACE: 'Linkwork',
          }),
        },
      });
    });

    it('gives the inbound SMS function the origination number it replies from', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: 'linkwork-prod-inbound-sms',
        Environment: { Variables: Match.objectLike({ SMS_ORIGINATION_NUMBER: '+447900123456' }) },
      });
    });

    it('sends failed asynchronous invocations to a dead-letter queue after their retries', () => {
      for (const [name, retries, maxAge] of [
        ['dispatcher', 0, 120],
        ['inbound-sms', 2, 21600],
        ['reconcile', 2, 21600],
      ] as const) {
        const id = logicalIdOfFunction(name);
        template.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: `linkwork-prod-${name}`,
          DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('DeadLetterQueue'), 'Arn'] } },
        });
        template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: id },
          MaximumRetryAttempts: retries,
          MaximumEventAgeInSeconds: maxAge,
        });
      }
    });
  });

  describe('paging cursor key', () => {
    it('is a generated secret encrypted with the data key, read only by the GraphQL function', () => {
      const [secretId] = Object.keys(
        template.findResources('AWS::SecretsManager::Secret', { Properties: { Name: 'linkwork-prod-cursor-key' } }),
      );
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: 'linkwork-prod-cursor-key',
        KmsKeyId: Match.anyValue(),
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: 'linkwork-prod-graphql',
        Environment: { Variables: Match.objectLike({ CURSOR_KEY_SECRET_ARN: { Ref: secretId } }) },
      });
      const readers = Object.keys(FUNCTIONS).filter((name) =>
        statementsOf(name).some(
          (s) =>
            actionsOf(s).includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes(secretId!),
        ),
      );
      expect(readers).toEqual(['graphql']);
    });
  });

  describe('staff administration', () => {
    it("lets the GraphQL function manage accounts in the staff user pool, with exactly the adapter's actions", () => {
      // The pool lives in the stateful stack: its id and ARN arrive as that stack's outputs.
      const statefulOutput = (name: RegExp) => ({
        'Fn::GetStackOutput': expect.objectContaining({
          StackName: 'Linkwork-prod-Stateful',
          OutputName: expect.stringMatching(name),
        }),
      });
      const graphql = resources[logicalIdOfFunction('graphql')]!.Properties as {
        Environment: { Variables: Record<string, unknown> };
      };
      expect(graphql.Environment.Variables.USER_POOL_ID).toEqual(
        statefulOutput(/^PublishOutputRefStaffIdentityUserPool/),
      );
      const cognito = statementsOf('graphql').filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito).toHaveLength(1);
      expect(cognito[0]).toMatchObject({
        Effect: 'Allow',
        Resource: statefulOutput(/^PublishOutputFnGetAttStaffIdentityUserPool\w+Arn/),
      });
      expect(actionsOf(cognito[0]!).sort()).toEqual([...SIGN_IN_ACCOUNT_ACTIONS].sort());
      expect(actionsOf(cognito[0]!)).not.toContain('cognito-idp:*');
    });

    it('gives no other function any Cognito action', () => {
      for (const name of ['dispatcher', 'inbound-sms', 'fold-stream', 'reconcile']) {
        expect(
          statementsOf(name)
            .flatMap(actionsOf)
            .filter((a) => a.startsWith('cognito-idp:')),
        ).toEqual([]);
      }
    });
  });

  describe('outcome folding', () => {
    it('reads the table stream in bisecting batches, reporting partial failures, with an on-failure queue', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalIdOfFunction('fold-stream') },
        EventSourceArn: Match.anyValue(),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 100,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        MaximumRecordAgeInSeconds: 86400,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FoldStreamFailures'), 'Arn'] } },
        },
      });
    });

    it('may read the stream', () => {
      const actions = statementsOf('fold-stream').flatMap(actionsOf);
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']),
      );
    });
  });

  describe('inbound SMS', () => {
    it('is subscribed to the inbound topic with its own dead-letter queue', () => {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'lambda',
        Endpoint: { 'Fn::GetAtt': [logicalIdOfFunction('inbound-sms'), 'Arn'] },
        TopicArn: Match.anyValue(),
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^InboundSmsDeadLetters'), 'Arn'] },
        },
      });
    });
  });

  describe('SMS permissions', () => {
    it.each(['dispatcher', 'inbound-sms'])('%s may publish to phone numbers and to no topic', (name) => {
      const statements = statementsOf(name);
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Resource: 'arn:*:sns:*:*:*' }),
      );
      expect(
        statements.some((s) => s.Effect === 'Allow' && actionsOf(s).includes('sns:Publish') && s.Resource === '*'),
      ).toBe(true);
    });

    it.each(['graphql', 'fold-stream', 'reconcile'])('%s may not publish at all', (name) => {
      expect(statementsOf(name).flatMap(actionsOf)).not.toContain('sns:Publish');
    });

    it('lets only the dispatcher put metrics, and only in the Linkwork namespace', () => {
      expect(statementsOf('dispatcher')).toContainEqual(
        expect.objectContaining({
          Action: 'cloudwatch:PutMetricData',
          Resource: '*',
          Condition: { StringEquals: { 'cloudwatch:namespace': 'Linkwork' } },
        }),
      );
      for (const name of ['graphql', 'inbound-sms', 'fold-stream', 'reconcile']) {
        expect(statementsOf(name).flatMap(actionsOf)).not.toContain('cloudwatch:PutMetricData');
      }
    });
  });

  describe('table permissions', () => {
    const indexGrants = (name: string) =>
      statementsOf(name)
        .filter((s) => s.Action === 'dynamodb:Query' && JSON.stringify(s.Resource).includes('/index/'))
        .flatMap((s) => [s.Resource].flat())
        .map((r) => JSON.stringify(r).match(/\/index\/([^"]+)"/)?.[1]);

    it.each([
      ['graphql', ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5']],
      ['dispatcher', ['gsi4', 'gsi3']],
      ['inbound-sms', ['gsi5', 'gsi3']],
      ['fold-stream', ['gsi3']],
      ['reconcile', ['gsi3']],
    ])('%s may query only the indexes its access patterns use', (name, indexes) => {
      expect(indexGrants(name).sort()).toEqual([...indexes].sort());
    });

    it.each(Object.keys(FUNCTIONS))('%s reads and writes the base table, and uses the data key', (name) => {
      const actions = statementsOf(name).flatMap(actionsOf);
      expect(actions).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'kms:Decrypt',
        ]),
      );
    });

    it('never grants every index or every table', () => {
      const everything = JSON.stringify(Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy'));
      expect(everything).not.toContain('/index/*');
      expect(everything).not.toMatch(/table\/\*/);
    });
  });

  it('allows Resource "*" only for actions that cannot name a resource', () => {
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    const anyResourceActions = policies
      .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => s.Effect === 'Allow' && [s.Resource].flat().includes('*'))
      .flatMap(actionsOf);

    expect(anyResourceActions.length).toBeGreaterThan(0);
    for (const action of anyResourceActions) expect(ACTIONS_THAT_NEED_ANY_RESOURCE).toContain(action);
  });

  describe('API', () => {
    it('puts the Cognito JWT authorizer on every GraphQL route', () => {
      const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual(['GET /graphql', 'POST /graphql']);
      for (const route of routes) {
        expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      }
    });

    it('verifies tokens from the staff user pool for the web client', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [Match.anyValue()],
          Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-2.amazonaws.com/', Match.anyValue()]] },
        },
      });
    });

    it('integrates the GraphQL function with payload format 2.0', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [logicalIdOfFunction('graphql'), 'Arn'] },
      });
    });

    it('answers CORS preflight for the configured origins', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: {
          AllowOrigins: ['https://linkwork.example.nhs.uk'],
          AllowMethods: ['GET', 'POST', 'OPTIONS'],
          AllowHeaders: ['authorization', 'content-type', 'apollo-require-preflight'],
          AllowCredentials: false,
          MaxAge: 3600,
        },
      });
    });

    it('throttles the default stage and writes access logs without bodies, headers or tokens', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: JSON.stringify(ACCESS_LOG_FIELDS) },
      });
      const format = Object.values(ACCESS_LOG_FIELDS).join(' ');
      expect(format).not.toMatch(/body|header|authorization|token|querystring|path/i);
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: '/linkwork/prod/api/access',
        KmsKeyId: Match.anyValue(),
      });
    });

    it('outputs the GraphQL URL', () => {
      template.hasOutput('GraphqlUrl', {
        Value: {
          'Fn::Join': ['', ['https://', Match.anyValue(), '.execute-api.eu-west-2.', Match.anyValue(), '/graphql']],
        },
      });
    });
  });

  describe('schedules', () => {
    it('runs the dispatcher every minute, with retries and a dead-letter queue', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: 'linkwork-prod-dispatcher',
        ScheduleExpression: 'rate(1 minute)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOfFunction('dispatcher'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 120 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulesDeadLetterQueue'), 'Arn'] } },
        }),
      });
    });

    it('runs reconciliation nightly at 02:30 London time, with retries and a dead-letter queue', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: 'linkwork-prod-reconcile',
        ScheduleExpression: 'cron(30 2 * * ? *)',
        ScheduleExpressionTimezone: 'Europe/London',
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOfFunction('reconcile'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      });
    });
  });

  describe('dead-letter queues', () => {
    it('are KMS-encrypted and refuse plain HTTP', () => {
      const queues = template.findResources('AWS::SQS::Queue');
      expect(Object.keys(queues)).toHaveLength(6);
      for (const queue of Object.values(queues)) {
        expect(queue.Properties).toMatchObject({ KmsMasterKeyId: expect.anything(), MessageRetentionPeriod: 1209600 });
      }
      const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
      expect(policies).toHaveLength(6);
      for (const policy of policies) {
        expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
    });
  });

  describe('alarms', () => {
    it('covers function errors and throttles, dead letters, dispatcher lag, table throttling and SMS', () => {
      const names = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName);
      const functions = Object.keys(FUNCTIONS);
      expect(names.sort()).toEqual(
        [
          ...functions.flatMap((f) => [`linkwork-prod-${f}-errors`, `linkwork-prod-${f}-throttles`]),
          ...['dispatcher', 'inbound-sms', 'inbound-sms-delivery', 'reconcile', 'fold-stream', 'schedules'].map(
            (q) => `linkwork-prod-${q}-dead-letters`,
          ),
          'linkwork-prod-dispatcher-lag',
          'linkwork-prod-dispatcher-not-running',
          'linkwork-prod-concern-unacknowledged',
          'linkwork-prod-table-read-throttles',
          'linkwork-prod-table-write-throttles',
          'linkwork-prod-sms-failures',
          'linkwork-prod-sms-success-rate',
          'linkwork-prod-sms-spend',
        ].sort(),
      );
    });

    it('send alarm and recovery to the alarm topic', () => {
      for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
        expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
        expect(alarm.Properties.OKActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
      }
    });

    it('watches dispatcher lag through the Linkwork OldestDueCheckInAgeSeconds metric', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'linkwork-prod-dispatcher-lag',
        Threshold: 900,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [
          Match.objectLike({ Expression: 'SELECT MAX(OldestDueCheckInAgeSeconds) FROM "Linkwork"', Period: 60 }),
        ],
      });
    });

    it('watches the oldest unacknowledged concern in working hours, at the configured threshold', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'linkwork-prod-concern-unacknowledged',
        Threshold: 4,
        ComparisonOperator: 'GreaterThanThreshold',
        Metrics: [
          Match.objectLike({
            Expression: 'SELECT MAX(OldestUnacknowledgedConcernWorkingHours) FROM "Linkwork"',
            Period: 60,
          }),
        ],
      });
    });

    it('treats a dispatcher that stops being invoked as an alarm', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'linkwork-prod-dispatcher-not-running',
        MetricName: 'Invocations',
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      });
    });

    it('watches DynamoDB throttling on the table and its indexes', () => {
      for (const kind of ['Read', 'Write']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          AlarmName: `linkwork-prod-table-${kind.toLowerCase()}-throttles`,
          Metrics: [
            Match.objectLike({
              Expression: Match.objectLike({
                'Fn::Join': [
                  '',
                  Match.arrayWith([`SELECT SUM(${kind}ThrottleEvents) FROM "AWS/DynamoDB" WHERE TableName = '`]),
                ],
              }),
            }),
          ],
        });
      }
    });

    it('watches SMS delivery failures, success rate and spend', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'linkwork-prod-sms-failures',
        Namespace: 'AWS/SNS',
        MetricName: 'NumberOfNotificationsFailed',
        Dimensions: [{ Name: 'PhoneNumber', Value: 'PhoneNumberDirect' }],
        Threshold: 5,
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'linkwork-prod-sms-success-rate',
        Namespace: 'AWS/SNS',
        MetricName: 'SMSSuccessRate',
        Threshold: 0.9,
        ComparisonOperator: 'LessThanThreshold',
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'linkwork-prod-sms-spend',
        MetricName: 'SMSMonthToDateSpentUSD',
        Threshold: 160,
      });
    });

    it("publish to an encrypted topic that only this stage's alarms may use, e-mailed to the configured address", () => {
      template.hasResourceProperties('AWS::SNS::Topic', {
        TopicName: 'linkwork-prod-alarms',
        KmsMasterKeyId: Match.anyValue(),
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Condition: {
                StringEquals: { 'aws:SourceAccount': '123456789012' },
                ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-2:123456789012:alarm:linkwork-prod-*' },
              },
            }),
          ]),
        },
      });
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: prodConfig().alarms.email,
      });
    });
  });
});
