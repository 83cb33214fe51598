import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addComplianceChecks } from '../../infra/compliance';
import { parseConfig } from '../../infra/config';
import { buildStage, cdkJsonContext, prodConfig } from './support';

// What `cdk synth` does minus bundling: cdk.json's feature flags (validateAgainstDefaultRules makes CloudFormation
// Validate findings errors), CDK's built-in template validation, and the compliance packs as validation plugins.
// The built-in validation engine takes about 20 s to start, hence one synthesis per stage and a longer timeout.
describe('cdk synth', () => {
  it.each([
    ['prod', () => prodConfig()],
    ['dev', () => parseConfig('dev', (cdkJsonContext().linkwork as { dev: unknown }).dev)],
  ])(
    'succeeds for %s with every validation and compliance plugin on',
    (_stage, config) => {
      const outdir = mkdtempSync(join(tmpdir(), 'linkwork-synth-'));
      const { app } = buildStage(config(), { cloudFormationValidation: true, outdir });
      addComplianceChecks(app);

      const assembly = app.synth();

      expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual([
        `Linkwork-${config().stage}-Stateful`,
        `Linkwork-${config().stage}-Stateless`,
      ]);
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
      expect(
        report.pluginReports.filter((r: { summary?: { status?: string } }) => r.summary?.status === 'failure'),
      ).toEqual([]);
    },
    180_000,
  );
});
