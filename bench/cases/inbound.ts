import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SNSEvent } from 'aws-lambda';
import { createLinkwork } from '../../functions/app/composition-root';
import { INBOUND_RECEIPT_TTL_SECONDS, inboundReceiptEntity } from '../../functions/checkins/entities/inbound-receipt';
import { createInboundSmsHandler } from '../../functions/checkins/handlers/inbound-sms';
import { defaultDispatchPolicy } from '../../functions/checkins/policy';
import type { SmsSender } from '../../functions/checkins/ports';
import { entityConfig } from '../../functions/platform/dynamodb/service';
import { createIdGenerator } from '../../functions/shared/ids';
import { dramaMobile } from '../../functions/shared/phone';
import { batchPut, benchTable, commandMix, estimatedWriteUnits, readsAndWrites, round } from '../lib/env';
import { buildCheckIn, buildPatient, entitiesOf, newReferral } from '../lib/fixtures';
import type { BenchCase, BenchRow } from '../lib/report';

/*
 * Case 3, inbound. Patients answer a five-question check-in by text, one SNS event per reply (as SNS delivers them),
 * through the real inbound Lambda handler; 5% of deliveries are redeliveries of an earlier reply (same
 * inboundMessageId) and 5% are replies that cannot be read as an answer (the question is asked again). Replies from
 * different patients interleave. Floor: one PutItem per reply.
 */

const QUESTIONS = [
  'ONS4.lifeSatisfaction',
  'ONS4.worthwhile',
  'ONS4.happiness',
  'ONS4.anxiety',
  'ONS_LONELINESS.lonely',
] as const;
const UNREADABLE = ['maybe', 'not sure', 'ok', '?', 'fine thanks', 'eleventy'];
const OUR_NUMBER = '+447700900999';
/** Issue 15's goal: a reply costs at most 4 DynamoDB requests on average (the floor, one PutItem, is 1). */
const REQUESTS_GOAL = 4;

interface Delivery {
  from: string;
  text: string;
  inboundMessageId: string;
  kind: 'answer' | 'unreadable' | 'duplicate';
}

function snsEvent(delivery: Delivery, at: string): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-2:000000000000:linkwork-inbound-sms:bench',
        Sns: {
          Type: 'Notification',
          MessageId: `${delivery.inboundMessageId}-${delivery.kind}`,
          TopicArn: 'arn:aws:sns:eu-west-2:000000000000:linkwork-inbound-sms',
          Subject: '',
          Message: JSON.stringify({
            originationNumber: delivery.from,
            destinationNumber: OUR_NUMBER,
            messageKeyword: 'KEYWORD_BENCH',
            messageBody: delivery.text,
            inboundMessageId: delivery.inboundMessageId,
            previousPublishedMessageId: '',
          }),
          Timestamp: at,
          SignatureVersion: '1',
          Signature: 'bench',
          SigningCertUrl: 'http://localhost/cert.pem',
          UnsubscribeUrl: 'http://localhost/unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

export const inbound: BenchCase = async ({ quick, scale = 1, endpoint, log }) => {
  // Quick mode: 40, not 300 (see docs/performance.md).
  const total = quick ? 40 : Math.round(5_000 * scale);
  const duplicates = Math.round(total * 0.05);
  const unreadable = Math.round(total * 0.05);
  const answers = total - duplicates - unreadable;
  const patientCount = Math.ceil(answers / QUESTIONS.length);
  if (patientCount > 1000) throw new Error('inbound: more patients than drama mobiles');
  const bench = await benchTable(endpoint, 'inbound');
  const { store, counter, clock, random, demo } = bench;
  const now = clock.now();
  const newId = createIdGenerator(clock);
  const e = entitiesOf(store);
  const linkWorker = demo.users.find((user) => user.userId === 'lw-asha');
  if (!linkWorker) throw new Error('no lw-asha');

  // Every patient has one check-in waiting for the answer to its first question.
  const items: Record<string, unknown>[] = [];
  const mobiles: string[] = [];
  const sentAt = new Date(now.getTime() - 3_600_000).toISOString();
  for (let i = 0; i < patientCount; i++) {
    const mobile = dramaMobile(i);
    const patient = buildPatient(
      random,
      {
        seq: 600_000 + i,
        practiceId: demo.organisations.practiceIds[i % 2] as string,
        pcnId: linkWorker.pcnId as string,
        icbId: demo.organisations.icbId,
        mobile,
      },
      now,
    );
    patient.patientId = newId();
    const { referral } = newReferral({ newId, random, patient, linkWorker, receivedAt: patient.createdAt });
    const checkIn = buildCheckIn({
      checkInId: newId(),
      referral,
      scheduledFor: sentAt,
      status: 'AWAITING_REPLY',
      questions: QUESTIONS,
      introSent: true,
      dueAt: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
      questionSentAt: sentAt,
      lastProviderMessageId: `bench-out-${i}`,
      createdAt: sentAt,
    });
    items.push(
      e.patient.put(patient).params().Item,
      e.referral.put(referral).params().Item,
      e.checkIn.put(checkIn).params().Item,
    );
    mobiles.push(mobile);
  }
  let t = performance.now();
  await batchPut(store, items);
  log(`inbound: ${patientCount} patients with a check-in written in ${Math.round(performance.now() - t)} ms`);

  // Each patient's replies in order (an unreadable one before some answers); patients interleave round-robin.
  const unreadableSlots = new Set<number>();
  while (unreadableSlots.size < unreadable) unreadableSlots.add(random.int(0, answers - 1));
  const perPatient: Delivery[][] = mobiles.map(() => []);
  for (let slot = 0; slot < answers; slot++) {
    const patient = Math.floor(slot / QUESTIONS.length);
    const question = QUESTIONS[slot % QUESTIONS.length] as string;
    const from = mobiles[patient] as string;
    if (unreadableSlots.has(slot)) {
      perPatient[patient]?.push({ from, text: random.pick(UNREADABLE), inboundMessageId: newId(), kind: 'unreadable' });
    }
    const value =
      question === 'ONS_LONELINESS.lonely'
        ? random.int(1, 5)
        : question === 'ONS4.anxiety'
          ? random.int(0, 6)
          : random.int(0, 10);
    perPatient[patient]?.push({ from, text: String(value), inboundMessageId: newId(), kind: 'answer' });
  }
  const stream: Delivery[] = [];
  for (let round = 0; stream.length < answers + unreadable; round++) {
    for (const replies of perPatient) if (replies[round]) stream.push(replies[round] as Delivery);
  }
  for (let i = 0; i < duplicates; i++) {
    const original = random.int(0, stream.length - 2);
    const copy = { ...(stream[original] as Delivery), kind: 'duplicate' as const };
    stream.splice(random.int(original + 1, stream.length), 0, copy);
  }

  const sink: SmsSender & { sent: number } = {
    sent: 0,
    async send() {
      this.sent += 1;
      return { providerMessageId: `bench-sms-${this.sent}` };
    },
  };
  const deps = createLinkwork({ store, clock }).checkIns.withSender(sink);
  const handler = createInboundSmsHandler(() => ({ deps, policy: defaultDispatchPolicy() }));

  const byResult = new Map<string, { n: number; requests: number; byRequest: Record<string, number> }>();
  let requests = 0;
  let reads = 0;
  let writes = 0;
  let writeUnits = 0;
  let estimatedUnits = 0;
  let readUnits = 0;
  const mix = { requests: 0, byCommand: {} as Record<string, number>, itemsRead: 0, readUnits: 0, writeUnits: 0 };
  counter.reset();
  t = performance.now();
  for (const delivery of stream) {
    clock.advance(1_000);
    const [result] = await handler(snsEvent(delivery, clock.now().toISOString()));
    const counts = counter.reset();
    const split = readsAndWrites(counts);
    requests += counts.requests;
    reads += split.reads;
    writes += split.writes;
    writeUnits += counts.writeUnits;
    estimatedUnits += estimatedWriteUnits(counts);
    readUnits += counts.readUnits;
    for (const [command, n] of Object.entries(counts.byCommand))
      mix.byCommand[command] = (mix.byCommand[command] ?? 0) + n;
    const key = result ?? 'none';
    const bucket = byResult.get(key) ?? { n: 0, requests: 0, byRequest: {} };
    bucket.n += 1;
    bucket.requests += counts.requests;
    for (const [request, n] of Object.entries(counts.byRequest)) {
      bucket.byRequest[request] = (bucket.byRequest[request] ?? 0) + n;
    }
    byResult.set(key, bucket);
  }
  const elapsed = performance.now() - t;
  const duplicateResults = byResult.get('duplicate')?.n ?? 0;
  if (duplicateResults !== duplicates) {
    throw new Error(`inbound: ${duplicateResults} replies were seen as duplicates, ${duplicates} were sent twice`);
  }

  // Floor: one PutItem per reply (the receipt item), in the same loop shape.
  const receipts = inboundReceiptEntity(entityConfig(store));
  const floorCount = Math.min(stream.length, quick ? 20 : 1_000);
  counter.reset();
  t = performance.now();
  for (let i = 0; i < floorCount; i++) {
    const params = receipts
      .put({
        inboundMessageId: `floor-${i}`,
        receivedAt: clock.now().toISOString(),
        expiresAt: Math.floor(clock.now().getTime() / 1000) + INBOUND_RECEIPT_TTL_SECONDS,
      })
      .params();
    await store.documentClient.send(new PutCommand(params as ConstructorParameters<typeof PutCommand>[0]));
  }
  const floorMs = performance.now() - t;
  const floorCounts = counter.reset();

  const n = stream.length;
  // Where each kind of reply's requests go (per reply of that kind), for docs/performance.md.
  for (const [result, bucket] of [...byResult.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    log(`inbound: ${result} (${bucket.n}), ${round(bucket.requests / bucket.n)} requests a reply:`);
    for (const [request, count] of Object.entries(bucket.byRequest).sort(([a], [b]) => a.localeCompare(b))) {
      log(`  ${round(count / bucket.n)} × ${request}`);
    }
  }
  const resultMix = [...byResult.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([result, bucket]) => `${result}:${bucket.n}`)
    .join(',');
  const requestsByResult = [...byResult.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([result, bucket]) => `${result}:${round(bucket.requests / bucket.n, 1)}`)
    .join(',');
  const rows: BenchRow[] = [
    {
      case: 'inbound',
      variant: `${n} replies (5% dup, 5% unreadable)`,
      metric: 'throughput',
      value: (n / elapsed) * 1000,
      unit: 'replies/s',
      floor: (floorCount / floorMs) * 1000,
      floorLabel: 'PutItem loop',
      counts: {
        'req/reply': round(requests / n),
        'reads/reply': round(reads / n),
        'writes/reply': round(writes / n),
        'WCU/reply': round(writeUnits / n),
        'WCU/reply est.': round(estimatedUnits / n),
        'RCU/reply': round(readUnits / n),
        'sms/reply': round(sink.sent / n),
        results: resultMix,
        'floor WCU/reply': round(floorCounts.writeUnits / floorCount),
      },
    },
    {
      case: 'inbound',
      variant: `${n} replies (5% dup, 5% unreadable)`,
      metric: 'requests/reply',
      value: requests / n,
      unit: 'req',
      floor: floorCounts.requests / floorCount,
      floorLabel: 'PutItem',
      goal: REQUESTS_GOAL,
      counts: {
        byResult: requestsByResult,
        mix: commandMix({ ...mix, requests, transactActions: 0, byRequest: {} }, n),
      },
    },
  ];
  await bench.drop();
  return rows;
};
