import { App } from 'aws-cdk-lib';
import { addComplianceChecks } from './compliance';
import { ConfigError, type LinkworkConfig, loadConfig } from './config';
import { addLinkworkStage } from './stage';

/*
 * `npx cdk synth` builds dev; `npx cdk synth -c stage=prod` builds prod (one stage per run, two stacks per stage).
 * Settings come from cdk.json's `linkwork` context, optionally overlaid by `-c configFile=path/to/settings.json`.
 */
const app = new App();
let config: LinkworkConfig;
try {
  config = loadConfig({
    stage: app.node.tryGetContext('stage'),
    linkwork: app.node.tryGetContext('linkwork'),
    configFile: app.node.tryGetContext('configFile'),
  });
} catch (error) {
  // A configuration mistake is the deployer's to fix: say what is wrong, without a stack trace into this file.
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
addLinkworkStage(app, config);
addComplianceChecks(app);
