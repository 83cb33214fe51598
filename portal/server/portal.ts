import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalCheckIns } from '../../functions/checkins/local';
import type { OperationMode } from '../../functions/graphql/config';
import type { DataStore } from '../../functions/platform/dynamodb/client';
import { parseUkMobile } from '../../functions/shared/phone';
import { readClientOperations } from '../../scripts/lib/client-operations';
import { signLocalToken, type TokenSubject } from '../../scripts/lib/local-jwt';
import { ASSETS_PATH, type PortalAssets } from './build';
import { conversation, listDemoPhones, PhoneLog } from './phones';
import type { LocalStatus } from './status';

/*
 * The local portal, on the same port as the local API and never part of the deployed API: pages at `/`, their assets
 * under /portal/assets/, and read routes under /portal/api/ that stand for what a developer's terminal shows (who is
 * seeded, their tokens, the state of the seed, the texts a phone got). The pages themselves use only the public
 * GraphQL API, except the phone simulator, which stands in for the patient's phone and the SMS provider. The local
 * API listens on loopback only; requests naming another host are refused, so a web page cannot reach the tokens
 * through DNS rebinding.
 */

export interface PortalUser extends TokenSubject {
  name: string;
}

export interface PortalOptions {
  store: DataStore;
  checkIns: LocalCheckIns;
  status: LocalStatus;
  /** The seeded staff, in the order the home page lists them. */
  users: () => Promise<PortalUser[]>;
  assets: Promise<PortalAssets>;
  stage: string;
  operations: OperationMode;
  /** What the banner says about the dispatcher and the sending window. */
  dispatcher: { everySeconds: number; ignoresSendingWindow: boolean };
  dynamoDbEndpoint: string;
  tableName: string;
  keyFile?: string;
}

export interface Portal {
  /** POST routes for the local API (SMS simulator and demo controls). */
  localRoutes: Record<string, (body: string) => Promise<{ statusCode: number; body: string }>>;
  /** Everything else the local API does not serve itself. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/** Pages and the bundle that draws them. */
const PAGES: Record<string, { entry: 'main' | 'explorer'; title: string }> = {
  '/': { entry: 'main', title: 'Linkwork: local portal' },
  '/phone': { entry: 'main', title: 'Phone simulator · Linkwork' },
  '/link-worker': { entry: 'main', title: 'Caseload · Linkwork' },
  '/dashboard': { entry: 'main', title: 'Commissioner dashboard · Linkwork' },
  '/explorer': { entry: 'explorer', title: 'API explorer · Linkwork' },
};
const REFERRAL_PAGE = /^\/link-worker\/referral\/[A-Za-z0-9_-]{1,64}$/;
const PHONE_TEXTS = /^\/portal\/api\/phones\/([^/]{1,40})\/texts$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1)(:\d+)?$/;

function shell(entry: 'main' | 'explorer', title: string, assets: PortalAssets): string {
  const css = assets.files.has(`${entry}.css`) ? `<link rel="stylesheet" href="${ASSETS_PATH}/${entry}.css">` : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${css}
</head>
<body>
<div id="root"></div>
<noscript>The Linkwork portal needs JavaScript.</noscript>
<script type="module" src="${ASSETS_PATH}/${entry}.js"></script>
</body>
</html>
`;
}

function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  response.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

const json = (statusCode: number, body: unknown) => ({ statusCode, body: JSON.stringify(body) });

export function createPortal(options: PortalOptions): Portal {
  const { checkIns } = options;
  const phoneLog = new PhoneLog();

  const localRoutes: Portal['localRoutes'] = {
    '/sms/inbound': async (body) => {
      let input: unknown;
      try {
        input = JSON.parse(body || 'null');
      } catch {
        return json(400, { error: 'expected JSON { "from": string, "text": string }' });
      }
      const at = checkIns.clock.now();
      const result = await checkIns.handleInboundHttp(input);
      if (result.statusCode === 200) {
        const { from, text } = input as { from: string; text: string };
        phoneLog.record(from, text, at, (JSON.parse(result.body) as { result: string }).result);
      }
      return result;
    },
    '/dev/dispatch': async () => json(200, await checkIns.runDispatcherNow()),
    '/dev/fast-forward': async (body) => {
      let hours = Number.NaN;
      try {
        hours = Number((JSON.parse(body || '{}') as { hours?: unknown }).hours);
      } catch {
        // falls through to the 400 below
      }
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 120) {
        return json(400, { error: 'expected JSON { "hours": number } between 0 and 2880' });
      }
      return json(200, { now: checkIns.clock.advance(hours * 3_600_000).toISOString() });
    },
  };

  const status = async () => {
    const users = await options.users();
    return {
      ...options.status.snapshot(),
      stage: options.stage,
      operations: options.operations,
      graphqlPath: '/graphql',
      dynamoDb: { endpoint: options.dynamoDbEndpoint, tableName: options.tableName },
      dispatcher: options.dispatcher,
      clock: checkIns.clock.now().toISOString(),
      users: await Promise.all(
        users.map(async (user) => ({
          userId: user.userId,
          role: user.role,
          name: user.name,
          token: await signLocalToken(user, { keyFile: options.keyFile }),
        })),
      ),
    };
  };

  const handle: Portal['handle'] = async (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!LOCAL_HOST.test(request.headers.host ?? '')) {
      return sendJson(response, 421, { message: 'The portal answers only on localhost and 127.0.0.1' });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 404, { message: 'Not Found' });
    }
    if (path.startsWith(`${ASSETS_PATH}/`)) {
      let assets: PortalAssets;
      try {
        assets = await options.assets;
      } catch (error) {
        return sendJson(response, 500, { message: `The portal could not be bundled: ${(error as Error).message}` });
      }
      const asset = assets.files.get(path.slice(ASSETS_PATH.length + 1));
      if (!asset) return sendJson(response, 404, { message: 'Not Found' });
      response.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
      return void response.end(asset.body);
    }
    const page = PAGES[path] ?? (REFERRAL_PAGE.test(path) ? PAGES['/link-worker'] : undefined);
    if (page) {
      const assets = await options.assets.catch(() => undefined);
      if (!assets) return sendJson(response, 500, { message: 'The portal could not be bundled; see the terminal' });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void response.end(shell(page.entry, page.title, assets));
    }
    if (path === '/portal/api/status') return sendJson(response, 200, await status());
    if (path === '/portal/api/examples') {
      return sendJson(
        response,
        200,
        readClientOperations().map(({ file, source }) => ({ file, source })),
      );
    }
    if (path === '/portal/api/phones') return sendJson(response, 200, await listDemoPhones(options.store));
    const phone = PHONE_TEXTS.exec(path);
    if (phone) {
      let mobile: string;
      try {
        mobile = parseUkMobile(decodeURIComponent(phone[1] as string));
      } catch {
        return sendJson(response, 400, { message: 'not a UK mobile number' });
      }
      const outbox = await checkIns.outbox.list();
      return sendJson(response, 200, {
        now: checkIns.clock.now().toISOString(),
        texts: conversation(mobile, outbox, phoneLog),
      });
    }
    return sendJson(response, 404, { message: 'Not Found' });
  };

  return { localRoutes, handle };
}
