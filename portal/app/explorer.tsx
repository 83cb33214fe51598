// GraphiQL's styles first, so the portal's overrides (styles.css) win.
import 'graphiql/style.css';
import './styles.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Layout } from './components/layout';
import { UserPicker } from './components/user-picker';
import { chooseUser, fetchJson, type PortalUser, useStatus } from './lib/status';

/*
 * GraphiQL, bundled with the portal (no CDN). Requests carry the token of the seeded user picked here, and the tabs
 * open on the operations in client/operations, with variables filled in from the caller's own data where one is
 * needed (a referral of their caseload, their ICB for figures).
 */

// Monaco's workers, bundled by portal/server/build.ts next to this file.
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`/portal/assets/${name}.worker.js`);
  },
};

interface Example {
  file: string;
  source: string;
}

async function post(token: string, query: string): Promise<Record<string, unknown> | undefined> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> };
  return body.data;
}

/** Example variables for each operations file, using the caller's own ids where an operation needs one. */
async function exampleVariables(user: PortalUser): Promise<Record<string, unknown>> {
  if (user.role === 'COMMISSIONER') {
    // Figures exist only for released catalogue periods: the newest released quarter is the example's period.
    const answer = (await post(
      user.token,
      '{ me { organisation { id kind } } releasedOutcomePeriods(kind: QUARTER, last: 1) { id } }',
    ).catch(() => undefined)) as
      | { me?: { organisation?: { id: string; kind: string } }; releasedOutcomePeriods?: { id: string }[] }
      | undefined;
    const organisation = answer?.me?.organisation;
    const scope = organisation?.kind === 'PCN' ? { pcnId: organisation.id } : { icbId: organisation?.id };
    const period = answer?.releasedOutcomePeriods?.[0]?.id ?? 'FY2025-26-Q1';
    return {
      'outcomes.graphql': {
        kind: 'QUARTER',
        last: 4,
        input: { scope, period, groupBy: ['NEED'], instruments: ['ONS4'] },
      },
    };
  }
  const caseload = (await post(user.token, '{ caseload(first: 1) { edges { node { id } } } }').catch(
    () => undefined,
  )) as { caseload?: { edges: { node: { id: string } }[] } } | undefined;
  const referralId = caseload?.caseload?.edges[0]?.node.id ?? 'REFERRAL-ID';
  return {
    'caseload.graphql': { first: 10, filter: { concernOnly: false } },
    'referral.graphql': { id: referralId },
    'referral-changes.graphql': { input: { referralId, to: 'CONTACTED' } },
    'activities.graphql': { first: 10 },
  };
}

/**
 * GraphiQL keeps its tabs in browser storage; here each example starts fresh instead (in memory), so picking an example
 * shows it, and GraphiQL's tab strip stays a single tab (its close button inside a tab is not accessible markup).
 */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

function Explorer() {
  const { status, error } = useStatus();
  const [picked, setPicked] = useState<PortalUser>();
  const [examples, setExamples] = useState<Example[]>();
  const [exampleIndex, setExampleIndex] = useState(0);
  const [variables, setVariables] = useState<Record<string, unknown>>();
  const user = status
    ? (picked ??
      chooseUser(
        status.users,
        status.users.map((u) => u.role),
      ))
    : undefined;

  useEffect(() => {
    fetchJson<Example[]>('/portal/api/examples').then(setExamples, () => setExamples([]));
  }, []);
  useEffect(() => {
    if (user) exampleVariables(user).then(setVariables, () => setVariables({}));
  }, [user]);

  const fetcher = useMemo(
    () =>
      user ? createGraphiQLFetcher({ url: '/graphql', headers: { authorization: `Bearer ${user.token}` } }) : undefined,
    [user],
  );
  const example = examples?.[exampleIndex];
  const tab = useMemo(() => {
    if (!example) return { query: '# No operations in client/operations\n{ me { id name role } }' };
    const values = variables?.[example.file.split('/').pop() as string];
    return {
      query: `# ${example.file}\n${example.source}`,
      ...(values ? { variables: JSON.stringify(values, null, 2) } : {}),
    };
  }, [example, variables]);
  // A fresh store per user and example: GraphiQL opens on exactly that example.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is renewed on purpose when these change
  const storage = useMemo(() => new MemoryStorage(), [user, exampleIndex]);

  if (error) return <p className="error">Could not read the seeded users: {error}</p>;
  if (!status || !user || !fetcher || !examples || !variables) {
    return <p style={{ padding: '1rem' }}>Loading the explorer…</p>;
  }
  return (
    <>
      <div className="explorer-bar">
        <h1 style={{ fontSize: '1.25rem', margin: 0 }}>API explorer</h1>
        <UserPicker users={status.users} selected={user} onChange={setPicked} label="Send requests as" />
        <div>
          <label htmlFor="example">Example from client/operations</label>
          <select id="example" value={exampleIndex} onChange={(event) => setExampleIndex(Number(event.target.value))}>
            {examples.map((candidate, index) => (
              <option key={candidate.file} value={index}>
                {candidate.file.split('/').pop()}
              </option>
            ))}
          </select>
        </div>
        <p className="small muted" style={{ margin: 0, maxWidth: '32rem' }}>
          Run an operation with the play button (a file may hold several). Requests carry the chosen user's token.{' '}
          {status.operations === 'trusted' ? 'This API runs only trusted documents: edited queries are refused.' : ''}
        </p>
      </div>
      <div className="explorer">
        <GraphiQL
          key={`${user.userId}:${exampleIndex}`}
          fetcher={fetcher}
          storage={storage}
          defaultTabs={[tab]}
          // GraphiQL 5 takes the first tab's query but not its variables as the editors' starting values.
          initialQuery={tab.query}
          initialVariables={tab.variables ?? ''}
          defaultEditorToolsVisibility="variables"
        />
      </div>
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Layout wide>
      <Explorer />
    </Layout>
  </StrictMode>,
);
