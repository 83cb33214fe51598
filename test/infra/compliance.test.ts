import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IConstruct } from 'constructs';
import { GlobalTableChecks } from '../../infra/compliance';
import { parseConfig } from '../../infra/config';
import { cdkJsonContext, type SynthesisedStage, synthesiseStage, unacknowledgedFindings } from './support';

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every acknowledgement recorded under `root`, with the construct it was made on. */
function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^Annotation::/i, ''),
          reason,
        })),
      ),
  );
}

/** The findings the packs report when acknowledgements are ignored (they look under a key nobody writes). */
function findingsIgnoringAcknowledgements(stack: Stack): string[] {
  const validations = Validations as unknown as { ACKNOWLEDGED_RULES_METADATA_KEY: string };
  const key = validations.ACKNOWLEDGED_RULES_METADATA_KEY;
  validations.ACKNOWLEDGED_RULES_METADATA_KEY = 'linkwork:test:ignore-acknowledgements';
  try {
    return unacknowledgedFindings(stack);
  } finally {
    validations.ACKNOWLEDGED_RULES_METADATA_KEY = key;
  }
}

describe('compliance', () => {
  let prod: SynthesisedStage;
  let dev: SynthesisedStage;

  beforeAll(() => {
    prod = synthesiseStage();
    dev = synthesiseStage(parseConfig('dev', (cdkJsonContext().linkwork as { dev: unknown }).dev));
  });

  describe.each([
    ['prod', () => prod],
    ['dev', () => dev],
  ])('%s', (_stage, stage) => {
    it('has no unacknowledged AwsSolutions, HIPAA.Security or global-table finding in the stateful stack', () => {
      expect(unacknowledgedFindings(stage().stateful)).toEqual([]);
    });

    it('has no unacknowledged AwsSolutions, HIPAA.Security or global-table finding in the stateless stack', () => {
      expect(unacknowledgedFindings(stage().stateless)).toEqual([]);
    });
  });

  it('gives every acknowledgement a reason', () => {
    const all = [...acknowledgements(prod.stateful), ...acknowledgements(prod.stateless)];

    expect(all.length).toBeGreaterThan(0);
    for (const { id, reason } of all) expect({ id, reason: reason.length >= 40 }).toEqual({ id, reason: true });
  });

  it('acknowledges only findings that exist, on the construct that has them', () => {
    const unused = [prod.stateful, prod.stateless].flatMap((stack) => {
      const findings = findingsIgnoringAcknowledgements(stack);
      return acknowledgements(stack)
        .filter(({ path, id }) => !findings.some((finding) => finding.startsWith(`${id} at ${path}`)))
        .map(({ path, id }) => `${id} at ${path}`);
    });

    expect(unused).toEqual([]);
  });

  it('acknowledges this list of rules and no other', () => {
    const rules = new Set(
      [...acknowledgements(prod.stateful), ...acknowledgements(prod.stateless)].map((a) => a.id.replace(/\[.*$/, '')),
    );

    expect([...rules].sort()).toEqual(
      [
        'AwsSolutions-IAM4',
        'AwsSolutions-IAM5',
        'AwsSolutions-L1',
        // The paging cursor key is not rotated (infra/stacks/stateless-stack.ts says why).
        'AwsSolutions-SMG4',
        'AwsSolutions-SQS3',
        'HIPAA.Security-IAMNoInlinePolicy',
        'HIPAA.Security-LambdaDLQ',
        'HIPAA.Security-LambdaInsideVPC',
        'HIPAA.Security-SecretsManagerRotationEnabled',
      ].sort(),
    );
  });

  describe('GlobalTableChecks', () => {
    it('reports a global table without point-in-time recovery, deletion protection, its own key or retention', () => {
      const stack = new Stack(new App(), 'Careless', { env: { region: 'eu-west-2' } });
      new TableV2(stack, 'Table', {
        partitionKey: { name: 'pk', type: AttributeType.STRING },
        removalPolicy: RemovalPolicy.DESTROY,
      });

      const report = new GlobalTableChecks().validateScope(stack);

      expect(report.violations.map((v) => v.ruleName).sort()).toEqual([
        'Linkwork-GlobalTableCustomerManagedKey',
        'Linkwork-GlobalTableDeletionProtection',
        'Linkwork-GlobalTablePITR',
        'Linkwork-GlobalTableRetained',
      ]);
    });

    it("reports nothing for this project's table", () => {
      expect(new GlobalTableChecks().validateScope(prod.stateful).violations).toEqual([]);
    });
  });
});
