import { readFileSync } from 'node:fs';
import { App, type PolicyValidationPluginReport, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { compliancePacks } from '../../infra/compliance';
import { type LinkworkConfig, parseConfig } from '../../infra/config';
import { FUNCTION_KEYS, type FunctionKey } from '../../infra/functions';
import { PROJECT_ROOT } from '../../infra/paths';
import type { StatefulStack } from '../../infra/stacks/stateful-stack';
import type { StatelessStack } from '../../infra/stacks/stateless-stack';
import { addLinkworkStage } from '../../infra/stage';

export const FIXTURE_ENTRY = 'test/infra/fixtures/handler.ts';

/** A complete prod configuration, as a deployer would write it. */
export const PROD_SETTINGS = {
  account: '123456789012',
  region: 'eu-west-2',
  sms: {
    originationNumber: '+447900123456',
    sendingWindow: 'Mon-Fri 09:00-18:00 Europe/London',
    ratePerSecond: 5,
    monthlySpendLimitUsd: 200,
  },
  auth: {
    cognitoDomainPrefix: 'linkwork-example-icb',
    callbackUrls: ['https://linkwork.example.nhs.uk/'],
  },
  api: { corsAllowedOrigins: ['https://linkwork.example.nhs.uk'] },
  alarms: { email: 'linkwork-alerts@example.nhs.uk' },
};

export function prodConfig(): LinkworkConfig {
  return parseConfig('prod', PROD_SETTINGS);
}

export interface SynthesisedStage {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
  statefulTemplate: Template;
  statelessTemplate: Template;
}

/** cdk.json's context: the feature flags every synth runs with, and the `linkwork` settings. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(`${PROJECT_ROOT}/cdk.json`, 'utf8')).context;
}

export interface SynthesiseOptions {
  /** Run CDK's built-in CloudFormation validation too (slow: about 20 s); `cdk synth` always does. */
  cloudFormationValidation?: boolean;
  /** Where to write the cloud assembly (default: a temporary directory). */
  outdir?: string;
}

/**
 * Builds both stacks of a stage the way infra/app.ts does, with cdk.json's feature flags, without bundling
 * (`aws:cdk:bundling-stacks: []`) and with every function entry pointed at a fixture, so the tests need neither
 * esbuild output nor the real handlers.
 */
export function buildStage(config: LinkworkConfig = prodConfig(), options: SynthesiseOptions = {}) {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    ...(options.outdir ? { outdir: options.outdir } : {}),
  });
  const entries = Object.fromEntries(FUNCTION_KEYS.map((key) => [key, FIXTURE_ENTRY])) as Record<FunctionKey, string>;
  const { stateful, stateless } = addLinkworkStage(app, config, { functionEntries: entries });
  return { app, stateful, stateless };
}

/** `buildStage`, then each stack's template. */
export function synthesiseStage(config: LinkworkConfig = prodConfig()): SynthesisedStage {
  const { app, stateful, stateless } = buildStage(config);
  return {
    app,
    stateful,
    stateless,
    statefulTemplate: Template.fromStack(stateful),
    statelessTemplate: Template.fromStack(stateless),
  };
}

/** Every finding of every compliance pack on `stack` that has not been acknowledged, one line each. */
export function unacknowledgedFindings(stack: Stack): string[] {
  return compliancePacks().flatMap((pack) => {
    const report: PolicyValidationPluginReport = pack.validateScope(stack);
    return report.violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.ruleName} at ${resource.constructPath}: ${violation.description}`,
      ),
    );
  });
}
