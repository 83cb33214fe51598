import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity } from 'electrodb';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { entityConfig } from '../../functions/platform/dynamodb/service';

/*
 * The demo data set as a snapshot, so `npm start` has the whole demo in seconds. `npm run seed:snapshot` runs the
 * real seed (scripts/seed/demo.ts: every record through the product's use cases, a year walked day by day) into an
 * in-memory DynamoDB Local and keeps each item's attributes, by entity; `npm start` writes them back in bulk through
 * the same ElectroDB entities, so every key is rebuilt by the product's own models. Dates move forward by whole
 * months, so the year of history ends this month and each month's figures stay the month's (the aggregates move with
 * their months). The snapshot names a fingerprint of every entity model it was made with: a model change makes it
 * stale (a unit test fails until it is made again), and a stale snapshot is never loaded.
 */

export const SNAPSHOT_FILE = join(__dirname, 'demo-snapshot.json.gz');
const FUNCTIONS = join(__dirname, '..', '..', 'functions');
const SNAPSHOT_FORMAT = 1;
const BATCH_WRITE_LIMIT = 25;
const LOAD_CONCURRENCY = 6;

/** Items that only matter for a moment (idempotency receipts, the local outbox) are not kept. */
const TRANSIENT_ENTITIES = new Set(['inboundReceipt']);

// biome-ignore lint/suspicious/noExplicitAny: an entity of any model, addressed by name
type AnyEntity = Entity<string, string, string, any>;
type Item = Record<string, unknown>;
type BatchPut = { go(options: { concurrency: number }): Promise<{ unprocessed: unknown[] }> };

export interface DemoSnapshot {
  format: number;
  /** Hash of every entity model file the snapshot was made with. */
  fingerprint: string;
  /** The seed's "today": the moment the year of history ends. */
  seededAt: string;
  /** Attributes of every item, by entity name. */
  items: Record<string, Item[]>;
}

function entityFiles(): string[] {
  const files: string[] = [];
  for (const context of readdirSync(FUNCTIONS, { withFileTypes: true })) {
    const folder = join(FUNCTIONS, context.name, 'entities');
    if (!context.isDirectory() || !existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) if (file.endsWith('.ts')) files.push(join(folder, file));
  }
  return files.sort();
}

/** Changes whenever any entity model changes (its file's text), which is when a snapshot must be made again. */
export function modelFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of entityFiles()) hash.update(file.slice(FUNCTIONS.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Every entity of every context, by its ElectroDB entity name. */
function entitiesByName(store: DataStore): Map<string, AnyEntity> {
  const config = entityConfig(store);
  const entities = new Map<string, AnyEntity>();
  for (const file of entityFiles()) {
    const module = require(file) as Record<string, unknown>;
    for (const [name, factory] of Object.entries(module)) {
      if (!name.endsWith('Entity') || typeof factory !== 'function') continue;
      const entity = (factory as (c: typeof config) => AnyEntity)(config);
      entities.set((entity as unknown as { model: { entity: string } }).model.entity, entity);
    }
  }
  return entities;
}

async function scanAll(store: DataStore): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await store.documentClient.send(
      new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Everything in the table, as each entity's attributes (keys and ElectroDB's bookkeeping left out). */
export async function captureSnapshot(store: DataStore, seededAt: string): Promise<DemoSnapshot> {
  const entities = entitiesByName(store);
  const items: Record<string, Item[]> = {};
  for (const raw of await scanAll(store)) {
    const name = raw.__edb_e__;
    if (typeof name !== 'string' || TRANSIENT_ENTITIES.has(name)) continue;
    const entity = entities.get(name);
    if (!entity) throw new Error(`No entity named ${name}: the snapshot cannot be written back`);
    if (name === 'smsMessage' && raw.kind === 'OUTBOX') continue;
    const attributes = Object.keys((entity as unknown as { schema: { attributes: object } }).schema.attributes);
    items[name] ??= [];
    items[name].push(Object.fromEntries(attributes.filter((key) => key in raw).map((key) => [key, raw[key]])));
  }
  for (const list of Object.values(items)) list.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { format: SNAPSHOT_FORMAT, fingerprint: modelFingerprint(), seededAt, items };
}

export function writeSnapshotFile(snapshot: DemoSnapshot, file = SNAPSHOT_FILE): void {
  writeFileSync(file, gzipSync(JSON.stringify(snapshot, setsAsArrays), { level: 9 }));
}

/** The committed snapshot, if there is one made with today's entity models. */
export function readCurrentSnapshot(file = SNAPSHOT_FILE): DemoSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  const snapshot = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as DemoSnapshot;
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.fingerprint !== modelFingerprint()) return undefined;
  return snapshot;
}

/** Whole months from the snapshot's "today" to `now` (never negative). */
export function monthsSince(seededAt: string, now: Date): number {
  const from = new Date(seededAt);
  return Math.max(0, (now.getUTCFullYear() - from.getUTCFullYear()) * 12 + now.getUTCMonth() - from.getUTCMonth());
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function addMonths(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A value with every date, date-time and month in it moved `months` forward (the day kept, or the month's last day
 * when it has fewer). Monotonic, so no two records change order; a month's records stay in one month.
 */
export function shiftValue(value: unknown, months: number): unknown {
  if (months === 0) return value;
  if (typeof value === 'string') {
    const dateTime = DATE_TIME.exec(value) ?? DATE.exec(value);
    if (dateTime) {
      const [y, m] = addMonths(Number(dateTime[1]), Number(dateTime[2]), months);
      const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return `${y}-${pad(m)}-${pad(Math.min(Number(dateTime[3]), lastDay))}${dateTime[4] ?? ''}`;
    }
    const month = MONTH.exec(value);
    if (month) {
      const [y, m] = addMonths(Number(month[1]), Number(month[2]), months);
      return `${y}-${pad(m)}`;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((entry) => shiftValue(entry, months));
  if (value instanceof Set) return new Set([...value].map((entry) => shiftValue(entry, months)));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, shiftValue(entry, months)]));
  }
  return value;
}

/**
 * Writes the snapshot into the table through each entity (BatchWriteItem, 25 items a request), dates moved
 * `months` forward. Returns how many items were written.
 */
export async function loadSnapshot(store: DataStore, snapshot: DemoSnapshot, months: number): Promise<number> {
  const entities = entitiesByName(store);
  const chunks: { entity: AnyEntity; name: string; items: Item[] }[] = [];
  for (const [name, items] of Object.entries(snapshot.items)) {
    const entity = entities.get(name);
    if (!entity) throw new Error(`The snapshot holds ${name} items, which no entity writes any more`);
    const shifted = items.map((item) => shiftValue(item, months) as Item);
    for (let start = 0; start < shifted.length; start += BATCH_WRITE_LIMIT) {
      chunks.push({ entity, name, items: shifted.slice(start, start + BATCH_WRITE_LIMIT) });
    }
  }
  // A few BatchWriteItem requests at a time keep DynamoDB Local busy without queueing behind each other.
  let next = 0;
  const worker = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      // ElectroDB's batch put: one BatchWriteItem, retrying what DynamoDB left unprocessed.
      const batch = chunk.entity.put(chunk.items as never) as unknown as BatchPut;
      const { unprocessed } = await batch.go({ concurrency: 1 });
      if (unprocessed.length > 0) throw new Error(`${unprocessed.length} ${chunk.name} items were not written`);
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
  return chunks.reduce((total, chunk) => total + chunk.items.length, 0);
}

function setsAsArrays(_key: string, value: unknown): unknown {
  return value instanceof Set ? [...value] : value;
}
