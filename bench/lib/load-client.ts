import autocannon from 'autocannon';
import { fictionalNhsNumber } from '../../functions/shared/nhs-number';
import { dramaMobile } from '../../functions/shared/phone';

/*
 * The load generator for the load case, run as a SECOND process (`node --import tsx bench/lib/load-client.ts`) so it
 * does not share an event loop with the API it measures. Reads its settings from BENCH_LOAD (JSON), prints one JSON
 * result line. Each connection plays one link worker: one createReferral for a new patient (a fresh fictional NHS
 * number every time, an Ofcom drama mobile), then three caseload reads, and again. A GraphQL `errors` array in a 200
 * body counts as an error too.
 */

export interface LoadSettings {
  url: string;
  connections: number;
  durationSeconds: number;
  /** `api`: the mix above; `floor`: a plain POST to a bare HTTP server. */
  mode: 'api' | 'floor';
  workers: { token: string; linkWorkerId: string; practiceIds: string[] }[];
  caseloadQuery: string;
  /** First fictionalNhsNumber seed; each write takes the next one. */
  nhsSeedBase: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  graphqlErrors: number;
  reads: number;
  writes: number;
  /** Referral ids of the writes that succeeded. */
  written: string[];
  firstErrors: string[];
}

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateReferralInput!) {
    createReferral(input: $input) { patientCreated referral { id status } }
  }
`;

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadSettings;
  let nextWorker = 0;
  let nextNhs = settings.nhsSeedBase;
  let graphqlErrors = 0;
  let reads = 0;
  let writes = 0;
  const written: string[] = [];
  const firstErrors: string[] = [];

  type Context = { worker?: LoadSettings['workers'][number] };
  const workerOf = (context: Context) => {
    context.worker ??= settings.workers[nextWorker++ % settings.workers.length];
    return context.worker as LoadSettings['workers'][number];
  };
  const check = (kind: 'read' | 'write') => (status: number, body: string) => {
    if (kind === 'read') reads += 1;
    else writes += 1;
    if (status !== 200) {
      if (firstErrors.length < 5) firstErrors.push(`${kind} ${status} ${body.slice(0, 200)}`);
      return;
    }
    try {
      const parsed = JSON.parse(body) as {
        errors?: unknown[];
        data?: { createReferral?: { referral?: { id: string } } };
      };
      if (parsed.errors?.length) {
        graphqlErrors += 1;
        if (firstErrors.length < 5) firstErrors.push(`${kind} ${JSON.stringify(parsed.errors).slice(0, 300)}`);
      } else if (kind === 'write' && parsed.data?.createReferral?.referral?.id) {
        written.push(parsed.data.createReferral.referral.id);
      }
    } catch {
      graphqlErrors += 1;
    }
  };
  const read = {
    method: 'POST' as const,
    setupRequest: (request: Record<string, unknown>, context: Context) => {
      const worker = workerOf(context);
      return {
        ...request,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${worker.token}` },
        body: JSON.stringify({ query: settings.caseloadQuery, variables: { first: 25 } }),
      };
    },
    onResponse: check('read'),
  };
  const write = {
    method: 'POST' as const,
    setupRequest: (request: Record<string, unknown>, context: Context) => {
      const worker = workerOf(context);
      const seq = nextNhs++;
      const input = {
        practiceId: worker.practiceIds[seq % worker.practiceIds.length],
        source: 'GP',
        needs: ['LONELINESS_ISOLATION'],
        linkWorkerId: worker.linkWorkerId,
        newPatient: {
          nhsNumber: fictionalNhsNumber(seq),
          givenName: 'Load',
          familyName: `Test${seq}`,
          dateOfBirth: '1950-05-17',
          sex: 'FEMALE',
          mobile: dramaMobile(seq % 1000),
          smsConsent: 'GIVEN',
        },
      };
      return {
        ...request,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${worker.token}` },
        body: JSON.stringify({ query: CREATE, variables: { input } }),
      };
    },
    onResponse: check('write'),
  };
  const floor = {
    method: 'POST' as const,
    body: '{"query":"{ __typename }"}',
    headers: { 'content-type': 'application/json' },
  };

  const result = await autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: settings.durationSeconds,
    // biome-ignore lint/suspicious/noExplicitAny: autocannon's request types do not model setupRequest's context.
    requests: (settings.mode === 'floor' ? [floor] : [write, read, read, read]) as any,
  });
  const output: LoadResult = {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    reads,
    writes,
    written,
    firstErrors,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
