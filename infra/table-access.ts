import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { TableGrants } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type IndexName, tableDefinition } from '../functions/platform/dynamodb/table-definition';

/*
 * CDK's table.grantReadWriteData(fn) also grants every index (`<table>/index/*`). Here each function names the indexes
 * its use cases query, and gets Query on exactly those: a new access pattern on a new index is then a visible change
 * to this file, reviewed with the code that needs it.
 */

export const ALL_INDEXES: readonly IndexName[] = tableDefinition.globalSecondaryIndexes.map((gsi) => gsi.indexName);

export interface TableAccess {
  /** Read only (GetItem, Query, Scan, BatchGetItem, ConditionCheckItem), or also write (Put, Update, Delete, Batch). */
  readonly write: boolean;
  /** Indexes the function queries. */
  readonly indexes: readonly IndexName[];
}

/**
 * Grants `grantee` the table's data actions on the base table, Query on the named indexes only, and the matching use
 * of the table's customer-managed key (CDK adds the KMS statement for the key it finds on the table).
 */
export function grantTableAccess(table: ITableV2, grantee: IGrantable, access: TableAccess): void {
  const baseTable = new TableGrants({ table, hasIndex: false });
  if (access.write) baseTable.readWriteData(grantee);
  else baseTable.readData(grantee);
  if (access.indexes.length > 0) {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: access.indexes.map((index) => `${table.tableArn}/index/${index}`),
      }),
    );
  }
}
