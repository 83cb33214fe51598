import { type App, Tags } from 'aws-cdk-lib';
import type { LinkworkConfig } from './config';
import type { FunctionKey } from './functions';
import { stackNames } from './naming';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';

export interface LinkworkStage {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export interface LinkworkStageOptions {
  /** Handler files by function; the real ones unless a test swaps in a fixture. */
  readonly functionEntries?: Partial<Record<FunctionKey, string>>;
}

/**
 * The two stacks of one stage. The stateful stack deploys first; the stateless one reads the table, key, topic and
 * user pool from it. Used by infra/app.ts and by the template tests, so both build exactly the same thing.
 */
export function addLinkworkStage(app: App, config: LinkworkConfig, options: LinkworkStageOptions = {}): LinkworkStage {
  const env = { account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: config.region };
  const names = stackNames(config.stage);
  const prod = config.stage === 'prod';

  const stateful = new StatefulStack(app, names.stateful, {
    env,
    config,
    description: `Linkwork ${config.stage}: table, data key, backups, staff user pool, inbound SMS topic (retained)`,
    terminationProtection: prod,
  });
  const stateless = new StatelessStack(app, names.stateless, {
    env,
    config,
    description: `Linkwork ${config.stage}: functions, GraphQL API, schedules, alarms`,
    stateful: {
      dataKey: stateful.dataKey,
      table: stateful.table,
      inboundSmsTopic: stateful.inboundSmsTopic,
      smsDeliveryTopic: stateful.smsDeliveryTopic,
      smsConfigurationSet: stateful.smsConfigurationSet,
      userPool: stateful.identity.userPool,
      userPoolClient: stateful.identity.webClient,
    },
    ...(options.functionEntries ? { functionEntries: options.functionEntries } : {}),
  });

  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('project', 'linkwork');
    Tags.of(stack).add('stage', config.stage);
  }
  return { stateful, stateless };
}
