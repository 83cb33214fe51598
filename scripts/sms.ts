/**
 * Texts the local stack as a patient would:
 *
 *   npm run sms -- 07700900123 "3"
 *   npm run sms -- +447700900123 "STOP"
 *
 * POSTs `{ "from": "<phone>", "text": "<text>" }` as JSON to the local API's `/sms/inbound` (LINKWORK_API_URL,
 * default http://127.0.0.1:4000), which wraps it in the SNS event AWS would deliver and runs the real inbound handler.
 * Answers 200 `{ "result": "<what happened>" }`, or 400 `{ "error": "…" }`. Replies appear in the `npm start` output.
 */

import { readLocalState } from './lib/local-state';

export const DEFAULT_API_URL = 'http://127.0.0.1:4000';

export async function sendLocalSms(
  from: string,
  text: string,
  apiUrl = process.env.LINKWORK_API_URL ?? readLocalState()?.apiUrl ?? DEFAULT_API_URL,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/sms/inbound', apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, text }),
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // not JSON: show as is
  }
  return { status: response.status, body };
}

async function main(): Promise<void> {
  const [from, ...words] = process.argv.slice(2);
  const text = words.join(' ');
  if (!from || !text) {
    console.error('usage: npm run sms -- <phone> "<text>"');
    process.exit(2);
  }
  try {
    const { status, body } = await sendLocalSms(from, text);
    console.log(typeof body === 'string' ? body : JSON.stringify(body));
    if (status >= 400) process.exit(1);
  } catch (error) {
    console.error(`could not reach the local API (is \`npm start\` running?): ${(error as Error).message}`);
    process.exit(1);
  }
}

if (require.main === module) void main();
