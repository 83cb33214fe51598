import { type App, CfnDeletionPolicy, type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagMessageLevel, NagPack, NagRuleCompliance } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/*
 * cdk-nag 3 runs as a CDK policy-validation plugin: `cdk synth` fails on any finding that is not acknowledged.
 * Acknowledgements are written next to the resource they excuse, always with the reason, through `acknowledge` below.
 */

/** Excuses one cdk-nag finding on `scope` and everything under it. `id` is `Pack-Rule` or `Pack-Rule[finding]`. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * cdk-nag's DynamoDB rules read only `AWS::DynamoDB::Table`; `TableV2` emits `AWS::DynamoDB::GlobalTable`, so point-
 * in-time recovery, deletion protection and encryption would go unchecked. These rules check them on every replica.
 */
export class GlobalTableChecks extends NagPack {
  readonly name = 'LinkworkGlobalTable';

  constructor(scope?: IConstruct) {
    super(scope);
    this.packName = 'Linkwork';
  }

  protected checkResource(node: CfnResource): void {
    if (!(node instanceof CfnGlobalTable)) return;
    const replicas = (): Record<string, unknown>[] => {
      const resolved = Stack.of(node).resolve(node.replicas);
      return Array.isArray(resolved) ? resolved : [];
    };
    const everyReplica = (test: (replica: Record<string, unknown>) => boolean) =>
      replicas().length > 0 && replicas().every(test) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
    const rule = (suffix: string, info: string, explanation: string, check: () => NagRuleCompliance) =>
      this.applyRule({
        ruleSuffixOverride: suffix,
        info,
        explanation,
        level: NagMessageLevel.ERROR,
        node,
        rule: check,
      });

    rule(
      'GlobalTablePITR',
      'A replica of the global table does not have point-in-time recovery enabled.',
      'Point-in-time recovery restores the table to any second of the last 35 days after a bad write or a bad deploy.',
      () =>
        everyReplica(
          (r) => (r.pointInTimeRecoverySpecification as Record<string, unknown>)?.pointInTimeRecoveryEnabled === true,
        ),
    );
    rule(
      'GlobalTableDeletionProtection',
      'A replica of the global table does not have deletion protection enabled.',
      'Deletion protection stops an API call or a stack change from deleting the table that holds patient records.',
      () => everyReplica((r) => r.deletionProtectionEnabled === true),
    );
    rule(
      'GlobalTableCustomerManagedKey',
      'The global table is not encrypted with a customer-managed KMS key on every replica.',
      'A customer-managed key can be audited, rotated and revoked by the organisation that owns the data.',
      () => {
        const sse = Stack.of(node).resolve(node.sseSpecification) as Record<string, unknown> | undefined;
        if (sse?.sseEnabled !== true || sse?.sseType !== 'KMS') return NagRuleCompliance.NON_COMPLIANT;
        return everyReplica((r) => (r.sseSpecification as Record<string, unknown>)?.kmsMasterKeyId !== undefined);
      },
    );
    rule(
      'GlobalTableRetained',
      'The global table is not retained when its stack or resource is deleted.',
      'Patient records must outlive the infrastructure code that created them.',
      () =>
        node.cfnOptions.deletionPolicy === CfnDeletionPolicy.RETAIN
          ? NagRuleCompliance.COMPLIANT
          : NagRuleCompliance.NON_COMPLIANT,
    );
  }
}

/** The packs every template must pass: AWS Solutions, HIPAA Security, and the global-table rules above. */
export function compliancePacks(scope?: IConstruct): NagPack[] {
  return [new AwsSolutionsChecks(scope), new HIPAASecurityChecks(scope), new GlobalTableChecks(scope)];
}

/** Runs the packs during `cdk synth`; any unacknowledged finding fails synthesis. */
export function addComplianceChecks(app: App): void {
  Validations.of(app).addPlugins(...compliancePacks(app));
}
