import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  buildASTSchema,
  type GraphQLNamedType,
  type GraphQLType,
  getNamedType,
  isInputObjectType,
  isObjectType,
  parse,
} from 'graphql';
import { formatError } from '../../../functions/graphql/errors';
import { type OutcomesResolverContext, outcomesResolvers } from '../../../functions/graphql/resolvers/outcomes';
import { scalarResolvers } from '../../../functions/graphql/scalars';
import { DynamoDbIdentityRepository } from '../../../functions/identity/adapters/dynamodb-identity-repository';
import type { Principal } from '../../../functions/identity/principal';
import { DynamoDbAggregateStore } from '../../../functions/outcomes';
import { createDataStore, type DataStore } from '../../../functions/platform/dynamodb/client';
import { ManualClock } from '../../../functions/shared/clock';
import { freshTable, type TestTable } from '../../support/table';
import { commissioner, ORGS } from './fixtures';
import { odsCodeOf, writeOrganisations } from './population';

const SCHEMA_DIR = join(__dirname, '../../../schema');
const typeDefs = ['common.graphql', 'identity.graphql', 'outcomes.graphql'].map((file) =>
  readFileSync(join(SCHEMA_DIR, file), 'utf8'),
);
// The other contexts' mutations are not loaded here; a schema needs at least one.
typeDefs.push('extend type Mutation { _unused: Boolean }');

const SUMMARY = /* GraphQL */ `
  query Summary($input: OutcomeSummaryInput!) {
    outcomeSummary(input: $input) {
      disclosureControl
      scope { kind id name odsCode }
      period { id kind from to months releasedAt }
      total { referralsReceived { value suppressed } checkInResponseRate { value suppressed } }
      groups { dimension group label odsCode referralsReceived { value suppressed } }
      months { month total { peopleReferred { value suppressed } } }
    }
  }
`;

describe('outcome figures over GraphQL', () => {
  let table: TestTable;
  let store: DataStore;
  let server: ApolloServer<OutcomesResolverContext>;

  beforeAll(async () => {
    table = await freshTable();
    store = createDataStore({ tableName: table.tableName, endpoint: table.endpoint });
    await writeOrganisations(store, ORGS);
    server = new ApolloServer<OutcomesResolverContext>({
      typeDefs,
      resolvers: { ...scalarResolvers, ...outcomesResolvers, Query: { ...outcomesResolvers.Query, me: () => null } },
      formatError,
    });
  });
  afterAll(() => table.drop());

  function run(principal: Principal, query: string, variables: Record<string, unknown>) {
    const contextValue: OutcomesResolverContext = {
      principal,
      linkwork: {
        clock: new ManualClock('2026-04-20T00:00:00Z'),
        identity: new DynamoDbIdentityRepository(store),
        outcomes: { aggregates: new DynamoDbAggregateStore(store) },
      },
    };
    return server.executeOperation({ query, variables }, { contextValue });
  }

  it('returns controlled figures of the own ICB: every PCN labelled with its ODS code, empty cells suppressed like small ones', async () => {
    const response = await run(commissioner('ICB-A'), SUMMARY, {
      input: { scope: { icbId: 'ICB-A' }, period: 'FY2025-26-Q4', groupBy: ['PCN'] },
    });

    expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeUndefined();
    const data = response.body.kind === 'single' ? (response.body.singleResult.data as Record<string, unknown>) : {};
    const suppressed = { value: null, suppressed: true };
    expect(data.outcomeSummary).toEqual({
      disclosureControl: 'CONTROLLED',
      scope: { kind: 'ICB', id: 'ICB-A', name: 'ICB ICB-A', odsCode: odsCodeOf('ICB-A') },
      period: {
        id: 'FY2025-26-Q4',
        kind: 'QUARTER',
        from: '2026-01-01',
        to: '2026-03-31',
        months: ['2026-01', '2026-02', '2026-03'],
        releasedAt: '2026-04-11T00:00:00.000Z',
      },
      total: { referralsReceived: suppressed, checkInResponseRate: suppressed },
      groups: ['PCN-A1', 'PCN-A2'].map((id) => ({
        dimension: 'PCN',
        group: id,
        label: `PCN ${id}`,
        odsCode: odsCodeOf(id),
        referralsReceived: suppressed,
      })),
      months: ['2026-01', '2026-02', '2026-03'].map((month) => ({ month, total: { peopleReferred: suppressed } })),
    });
  });

  it('returns BAD_USER_INPUT naming the period for a period not yet released, and lists the released ones', async () => {
    const early = await run(commissioner('ICB-A'), SUMMARY, {
      input: { scope: { icbId: 'ICB-A' }, period: '2026-04' },
    });
    const released = await run(
      commissioner('ICB-A'),
      'query { releasedOutcomePeriods(kind: QUARTER, last: 2) { id releasedAt } }',
      {},
    );

    const errors = early.body.kind === 'single' ? early.body.singleResult.errors : undefined;
    expect(errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'period'],
    ]);
    const data = released.body.kind === 'single' ? released.body.singleResult.data : undefined;
    expect(data).toEqual({
      releasedOutcomePeriods: [
        { id: 'FY2025-26-Q4', releasedAt: '2026-04-11T00:00:00.000Z' },
        { id: 'FY2025-26-Q3', releasedAt: '2026-01-11T00:00:00.000Z' },
      ],
    });
  });

  it.each([
    ['outcomeSummary', SUMMARY, { input: { scope: { icbId: 'ICB-B' }, period: '2026-01' } }],
    [
      'outcomeSummaryCsv',
      'query($input: OutcomeSummaryInput!) { outcomeSummaryCsv(input: $input) }',
      { input: { scope: { practiceId: 'PR-B1a' }, period: '2026-01' } },
    ],
    [
      'referralActivity',
      'query($input: ReferralActivityInput!) { referralActivity(input: $input) { rows { practiceId } } }',
      { input: { scope: { pcnId: 'PCN-B1' }, period: '2026-01' } },
    ],
  ])('throws FORBIDDEN when a commissioner asks %s for another ICB', async (_, query, variables) => {
    const response = await run(commissioner('ICB-A'), query, variables);

    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('reaches no type or field that names a patient, referral, phone or message from any outcome query', () => {
    const schema = buildASTSchema(parse(typeDefs.join('\n')));
    const roots = ['outcomeSummary', 'outcomeSummaryCsv', 'referralActivity', 'releasedOutcomePeriods'].map(
      (name) => schema.getQueryType()!.getFields()[name]!,
    );
    const seen = new Map<string, GraphQLNamedType>();
    const fieldNames: string[] = [];
    const visit = (type: GraphQLNamedType) => {
      if (seen.has(type.name)) return;
      seen.set(type.name, type);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          fieldNames.push(field.name);
          visit(getNamedType(field.type as GraphQLType));
          for (const arg of 'args' in field ? field.args : []) visit(getNamedType(arg.type as GraphQLType));
        }
      }
    };
    for (const root of roots) {
      visit(getNamedType(root.type as GraphQLType));
      for (const arg of root.args) visit(getNamedType(arg.type as GraphQLType));
    }

    const careRecordTypes = [
      'Patient',
      'Referral',
      'ReferralEvent',
      'Prescription',
      'Attendance',
      'Goal',
      'WhatMattersNote',
    ];
    expect(
      [...seen.keys()].filter((name) => careRecordTypes.includes(name) || /CheckIn|Sms|Message|Outcome$/.test(name)),
    ).toEqual([]);
    // The only identifiers are organisations' (scope and groups), never a person's, referral's or message's.
    expect(fieldNames.filter((name) => /id$/i.test(name)).sort()).toEqual([
      'icbId',
      // OutcomeScope.id (an organisation) and OutcomePeriod.id (`2026-01`).
      'id',
      'id',
      'pcnId',
      'practiceId',
      'practiceId',
    ]);
    expect(fieldNames.filter((name) => /patient|nhs|mobile|phone|body|dateOfBirth|message/i.test(name))).toEqual([]);
  });
});
