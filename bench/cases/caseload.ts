import { BatchWriteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AUDIT_BATCH_LIMIT } from '../../functions/audit';
import { auditEventEntity } from '../../functions/audit/entities/audit-event';
import { createGraphQLHandler } from '../../functions/graphql/lambda';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import { createIdGenerator } from '../../functions/shared/ids';
import { graphqlEvent, lambdaContext, staffClaims } from '../../test/support/events';
import { benchTable, commandMix, estimatedWriteUnits, readsAndWrites, registerLinkWorker, round } from '../lib/env';
import { buildCaseload, createActivities, entitiesOf } from '../lib/fixtures';
import { type BenchCase, type BenchRow, percentile } from '../lib/report';

/*
 * Case 1, caseload. A link worker opens their caseload through the deployed Lambda handler (a real API Gateway v2
 * event, JWT claims in requestContext.authorizer.jwt.claims), asking for what a frontend shows on each row. Costs are
 * counted on the store's client; the floor is one raw Query of the same index for the same page. Every field of the
 * row comes from the referral item's caseload projection (decisions/0010), so a page reads no patient, check-in or
 * activity.
 *
 * A second floor says how much of a page is ours: the two round trips a page cannot skip, one after the other (the
 * Query, then the audit's write of one put per patient shown, which must commit before the response leaves: a
 * BatchWriteItem for up to 25 patients, a TransactWriteItems above that, as the audit log sends them, decisions/0004),
 * made raw with items built before the clock starts. The rest is the staff record's read
 * and the process's own work.
 */

export const CASELOAD_QUERY = /* GraphQL */ `
  query Caseload($first: Int) {
    caseload(first: $first) {
      edges {
        node {
          id
          status
          nextCheckInAt
          concernOpen
          patient { id name }
          nextCheckIn { id scheduledFor status }
          latestOutcomes { key value score measuredAt }
          activeActivities(first: 3) { edges { node { id name } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Issue 15's goals: a page costs at most 4 requests (the floor is 1), and its p50 is within 3x one raw Query. */
const REQUESTS_GOAL = 4;
const P50_GOAL = 3;

/** A row must show what it asked for: the patient's name, and a name for each active activity. */
interface CaseloadRow {
  patient?: { name?: unknown };
  activeActivities: { edges: { node: { name?: unknown } }[] };
}

function checkRows(edges: { node: CaseloadRow }[]): void {
  for (const { node } of edges) {
    const activities = node.activeActivities.edges;
    if (typeof node.patient?.name !== 'string' || activities.some((edge) => typeof edge.node.name !== 'string')) {
      throw new Error('caseload row without its patient name or an activity name');
    }
  }
}

export const caseload: BenchCase = async ({ quick, endpoint, log }) => {
  const sizes = quick ? [40, 250] : [40, 250, 2000];
  const pageSizes = [25, 100];
  const samples = quick ? 4 : 25;
  const warmups = quick ? 1 : 4;
  const bench = await benchTable(endpoint, 'caseload');
  const { store, counter, demo, clock, random } = bench;
  const pcnId = demo.organisations.pcnIds[0];
  const activityIds = await createActivities(store, clock, demo, pcnId, 8);
  const newId = createIdGenerator(clock);
  const handler = createGraphQLHandler({ store, stage: 'prod', clock, newId });
  const auditEvents = auditEventEntity(entityConfig(store));
  /** A page's audit write as the audit log builds it, for `rows` patients, with fresh ids; call it to send it. */
  const auditWrite = (rows: number) => {
    const at = clock.now().toISOString();
    const items = Array.from({ length: rows }, () => {
      const auditId = newId();
      const patientId = newId();
      return auditEvents
        .put({
          auditPatientId: patientId,
          auditId,
          at,
          actorUserId: 'lw-bench-floor',
          actorRole: 'LINK_WORKER',
          action: 'READ',
          entityType: 'referral',
          entityId: newId(),
          operation: 'caseload',
          entities: [`referral:${newId()}`, `patient:${patientId}`, `checkIn:${newId()}`],
        })
        .params().Item;
    });
    if (rows <= AUDIT_BATCH_LIMIT) {
      const batch = new BatchWriteCommand({
        RequestItems: { [store.tableName]: items.map((Item) => ({ PutRequest: { Item } })) },
      });
      return () => store.documentClient.send(batch);
    }
    const transaction = new TransactWriteCommand({
      TransactItems: items.map((Item) => ({ Put: { TableName: store.tableName, Item } })),
      ClientRequestToken: newId(),
    });
    return () => store.documentClient.send(transaction);
  };
  const rows: BenchRow[] = [];
  // The shape to hold: requests per page (reads and audit writes) the same at every caseload and page size.
  let firstPageRequests: number | undefined;

  for (const [index, size] of sizes.entries()) {
    const linkWorker = await registerLinkWorker(store, clock, demo, `lw-bench-${size}`, pcnId);
    const started = performance.now();
    const via = size <= 40 ? 'use-case' : 'batch';
    await buildCaseload({
      store,
      random,
      clock,
      demo,
      linkWorker,
      activityIds,
      count: size,
      seqBase: 10_000 * (index + 1),
      via,
    });
    log(`caseload: ${size} referrals written (${via}) in ${Math.round(performance.now() - started)} ms`);
    const claims = staffClaims({ userId: linkWorker.userId, role: 'LINK_WORKER', organisationId: pcnId });
    const partition = entitiesOf(store)
      .referral.query.byCaseloadOwner({ caseloadOwner: linkWorker.userId, caseState: 'OPEN' })
      .params();

    for (const first of pageSizes) {
      const call = async () => {
        const event = graphqlEvent(CASELOAD_QUERY, { first }, { claims });
        const result = (await handler(event, lambdaContext(), () => {})) as APIGatewayProxyStructuredResultV2;
        const body = JSON.parse(result.body ?? '{}');
        if (result.statusCode !== 200 || body.errors) {
          throw new Error(`caseload query failed: ${result.statusCode} ${JSON.stringify(body.errors ?? body)}`);
        }
        checkRows(body.data.caseload.edges);
        return { rows: body.data.caseload.edges.length as number, bytes: Buffer.byteLength(result.body ?? '') };
      };
      const raw = () =>
        store.documentClient.send(
          new QueryCommand({ ...partition, Limit: first } as ConstructorParameters<typeof QueryCommand>[0]),
        );

      for (let i = 0; i < warmups; i++) {
        await call();
        await raw();
      }
      counter.reset();
      const first1 = await call();
      const one = counter.reset();
      const { reads, writes } = readsAndWrites(one);
      firstPageRequests ??= one.requests;
      await raw();
      const floorCounts = counter.reset();

      const apiTimes: number[] = [];
      const rawTimes: number[] = [];
      const tripsTimes: number[] = [];
      for (let i = 0; i < samples; i++) {
        // Alternate, so all three see the same machine noise.
        let t = performance.now();
        await call();
        apiTimes.push(performance.now() - t);
        t = performance.now();
        await raw();
        rawTimes.push(performance.now() - t);
        const sendAudit = auditWrite(first1.rows);
        t = performance.now();
        await raw();
        await sendAudit();
        tripsTimes.push(performance.now() - t);
      }
      counter.reset();
      const variant = `${size} referrals, page ${first}`;
      const counts = {
        rows: first1.rows,
        reads,
        writes,
        mix: commandMix(one),
        items: one.itemsRead,
        RCU: round(one.readUnits),
        WCU: round(one.writeUnits),
        'WCU est.': round(estimatedWriteUnits(one)),
        bytes: first1.bytes,
      };
      rows.push({
        case: 'caseload',
        variant,
        metric: 'requests/page',
        value: one.requests,
        unit: 'req',
        floor: 1,
        floorLabel: 'raw Query',
        goal: REQUESTS_GOAL,
        counts: {
          ...counts,
          floorItems: floorCounts.itemsRead,
          floorRCU: round(floorCounts.readUnits),
          ...(one.requests !== firstPageRequests ? { flag: 'requests per page not flat' } : {}),
        },
      });
      rows.push({
        case: 'caseload',
        variant,
        metric: 'p50 latency',
        value: percentile(apiTimes, 50),
        unit: 'ms',
        floor: percentile(rawTimes, 50),
        floorLabel: 'raw Query',
        goal: P50_GOAL,
        counts: { samples },
      });
      rows.push({
        case: 'caseload',
        variant,
        metric: 'p50 vs its round trips',
        value: percentile(apiTimes, 50),
        unit: 'ms',
        floor: percentile(tripsTimes, 50),
        floorLabel: 'raw Query + audit write',
        counts: { samples, auditPuts: first1.rows },
      });
      rows.push({
        case: 'caseload',
        variant,
        metric: 'p95 latency',
        value: percentile(apiTimes, 95),
        unit: 'ms',
        floor: percentile(rawTimes, 95),
        floorLabel: 'raw Query',
        counts: { samples },
      });
    }
  }
  await bench.drop();
  return rows;
};
