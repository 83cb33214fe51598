import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { InboundResult } from '../../functions/checkins';
import { countSegments } from '../../functions/checkins/gsm7';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { formatUkMobile, parseUkMobile } from '../../functions/shared/phone';

/*
 * The phone simulator's side of things, local only. A demo phone is a patient's (fictional, Ofcom drama range) mobile;
 * what it receives is what the local SMS sender put in the outbox, and what it sent is kept here as each text reaches
 * `POST /sms/inbound` (from the portal, `npm run sms` or curl), with what Linkwork made of it.
 */

export interface DemoPhone {
  /** E.164. */
  mobile: string;
  /** As a person would write it: `07700 900142`. */
  display: string;
  /** The patient's name, as a phone's contact list would show it. */
  name: string;
  smsConsent: string;
}

/** Every patient with a mobile, by name: read from the sparse "who has this mobile" index (a few rows per patient). */
export async function listDemoPhones(store: DataStore): Promise<DemoPhone[]> {
  const phones: DemoPhone[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.documentClient.send(
      new ScanCommand({ TableName: store.tableName, IndexName: 'gsi5', ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      if (item.__edb_e__ !== 'patient' || typeof item.mobile !== 'string' || item.erasedAt) continue;
      const given = item.preferredName ?? item.givenName ?? '';
      phones.push({
        mobile: item.mobile,
        display: formatUkMobile(item.mobile),
        name: `${given} ${item.familyName ?? ''}`.trim(),
        smsConsent: String(item.smsConsent ?? 'NOT_ASKED'),
      });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return phones.sort((a, b) => a.name.localeCompare(b.name) || a.mobile.localeCompare(b.mobile));
}

/** One text on a demo phone, in either direction. */
export interface PhoneText {
  id: string;
  direction: 'in' | 'out';
  at: string;
  body: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /**
   * For texts to the phone: `delivered` (the local outbox is the phone; receipts from AWS come with issue 13). For
   * texts from it: what Linkwork made of the text (`answered`, `reasked`, `concern`, … as the inbound handler says).
   */
  state: string;
}

/** Texts the demo phones sent since `npm start` began, newest last. Kept in memory: a restart forgets them. */
export class PhoneLog {
  private readonly sent = new Map<string, PhoneText[]>();
  private count = 0;

  /** Records a text that reached POST /sms/inbound; `from` as the sender gave it (any UK form). */
  record(from: string, body: string, at: Date, result: InboundResult | string): void {
    let mobile: string;
    try {
      mobile = parseUkMobile(from);
    } catch {
      return; // not a phone the simulator can show
    }
    const { segments, encoding } = countSegments(body);
    this.count += 1;
    const texts = this.sent.get(mobile) ?? [];
    texts.push({
      id: `in-${this.count}`,
      direction: 'in',
      at: at.toISOString(),
      body,
      segments,
      encoding,
      state: result,
    });
    this.sent.set(mobile, texts);
  }

  sentFrom(mobile: string): readonly PhoneText[] {
    return this.sent.get(mobile) ?? [];
  }
}

/** What the outbox holds for one text (the local SmsSender's copy). */
export interface OutboxText {
  messageId: string;
  at: string;
  body?: string;
  to?: string;
  segments?: number;
}

/** The phone's conversation: texts it received from the outbox and texts it sent, oldest first. */
export function conversation(mobile: string, outbox: readonly OutboxText[], log: PhoneLog): PhoneText[] {
  const received: PhoneText[] = outbox
    .filter((text) => text.to === mobile && text.body !== undefined)
    .map((text) => {
      const body = text.body as string;
      const count = countSegments(body);
      return {
        id: text.messageId,
        direction: 'out',
        at: text.at,
        body,
        segments: text.segments ?? count.segments,
        encoding: count.encoding,
        state: 'delivered',
      };
    });
  return [...received, ...log.sentFrom(mobile)].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
