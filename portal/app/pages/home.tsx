import { useState } from 'react';
import { formatDateTime } from '../lib/format';
import { type PortalStatus, type PortalUser, useStatus } from '../lib/status';

const SEED_TEXT: Record<PortalStatus['seed']['state'], string> = {
  absent: 'No demo data (started with --no-seed).',
  present: 'Demo data already in the table (delete .data/ to start again).',
  seeding: 'Staff are in; patients, referrals and a year of check-ins are being added. Caseloads fill as it goes.',
  ready: 'Demo data is in: four link workers with full caseloads and a year of check-ins.',
  failed: 'Seeding failed: delete .data/ and run npm start again (the terminal says why).',
};

const FOLDING_TEXT: Record<PortalStatus['folding']['state'], string> = {
  waiting: 'Waiting for the seed to finish before folding figures.',
  folding: 'Folding the table stream into commissioner figures; the dashboard fills in as it goes.',
  'up-to-date': 'Commissioner figures are up to date with the table (new changes are folded as they happen).',
};

/** Where each role is best seen. */
const ROLE_PAGES: Record<string, { href: string; label: string }> = {
  LINK_WORKER: { href: '/link-worker', label: 'Open their caseload' },
  COMMISSIONER: { href: '/dashboard', label: 'Open the dashboard' },
};

function elapsed(since: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

function CopyToken({ user }: { user: PortalUser }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      onClick={async () => {
        await navigator.clipboard.writeText(user.token);
        setCopied(true);
      }}
    >
      {copied ? 'Token copied' : 'Copy token'}
      <span className="visually-hidden">{` for ${user.name}`}</span>
    </button>
  );
}

export function HomePage() {
  const { status, error } = useStatus(2000);
  return (
    <>
      <h1>Linkwork on your machine</h1>
      <p>
        Everything here runs locally: the GraphQL API (the very Lambda handler deployed to AWS, behind a local API
        Gateway), DynamoDB Local, the SMS check-in engine with a local outbox instead of SMS, and the folding of
        commissioner figures. Nothing leaves the machine; every person and number is fictional.
      </p>
      {error ? <p className="error">Could not read the local status: {error}</p> : null}
      <div className="grid-2">
        <section className="panel" aria-labelledby="progress">
          <h2 id="progress">Demo data</h2>
          <div role="status" aria-live="polite">
            {status ? (
              <dl className="facts">
                <dt>Seed</dt>
                <dd data-testid="seed-state">
                  {SEED_TEXT[status.seed.state]}{' '}
                  <span className="muted">
                    ({status.seed.state === 'seeding' ? 'for' : 'since'} {elapsed(status.seed.since)})
                  </span>
                </dd>
                <dt>Figures</dt>
                <dd data-testid="folding-state">
                  {FOLDING_TEXT[status.folding.state]} <span className="muted">({elapsed(status.folding.since)})</span>
                </dd>
              </dl>
            ) : (
              <p>Reading the local status…</p>
            )}
          </div>
        </section>
        <section className="panel" aria-labelledby="running">
          <h2 id="running">What is running</h2>
          {status ? (
            <dl className="facts">
              <dt>GraphQL API</dt>
              <dd>
                <code>{window.location.origin + status.graphqlPath}</code>
              </dd>
              <dt>Stage</dt>
              <dd>
                {status.stage}
                {status.stage === 'prod' ? ' (production settings: no introspection, so the explorer has no docs)' : ''}
              </dd>
              <dt>Operations</dt>
              <dd>
                {status.operations === 'trusted'
                  ? 'only the trusted documents in client/operations run (the explorer can only send those)'
                  : 'any valid operation'}
              </dd>
              <dt>DynamoDB Local</dt>
              <dd>
                <code>{status.dynamoDb.endpoint}</code>, table <code>{status.dynamoDb.tableName}</code>
              </dd>
              <dt>Check-ins</dt>
              <dd>
                dispatcher every {status.dispatcher.everySeconds} s;{' '}
                {status.dispatcher.ignoresSendingWindow
                  ? 'sending window ignored'
                  : 'texts only Mon–Fri 09:00–18:00 (use Fast-forward on the phone page)'}
              </dd>
              <dt>Clock</dt>
              <dd>{formatDateTime(status.clock)}</dd>
            </dl>
          ) : null}
        </section>
      </div>
      <section className="panel" aria-labelledby="pages">
        <h2 id="pages">See it work</h2>
        <ul>
          <li>
            <a href="/explorer">API explorer</a>: GraphiQL, signed in as any seeded user, with the operations from{' '}
            <code>client/operations</code> ready to run.
          </li>
          <li>
            <a href="/phone">Phone simulator</a>: a demo patient's phone; answer a check-in and watch the reply.
          </li>
          <li>
            <a href="/link-worker">Link worker view</a>: a caseload, a referral's plan, texts and answers over time.
          </li>
          <li>
            <a href="/dashboard">Commissioner dashboard</a>: disclosure-controlled figures over months, with the CSV.
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="users">
        <h2 id="users">Seeded users</h2>
        <p className="muted">
          Each has a bearer token valid for 8 hours (also <code>npm run -s token -- &lt;id&gt;</code>).
        </p>
        {status ? (
          <table>
            <caption className="muted small">Staff by role</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Name</th>
                <th scope="col">Id</th>
                <th scope="col">Try</th>
                <th scope="col">Token</th>
              </tr>
            </thead>
            <tbody>
              {status.users.map((user) => {
                const page = ROLE_PAGES[user.role];
                return (
                  <tr key={user.userId}>
                    <td>{user.role.replace('_', ' ').toLowerCase()}</td>
                    <td>{user.name}</td>
                    <td>
                      <code>{user.userId}</code>
                    </td>
                    <td>
                      {page ? (
                        <a href={`${page.href}?as=${user.userId}`}>
                          {page.label}
                          <span className="visually-hidden"> as {user.name}</span>
                        </a>
                      ) : null}{' '}
                      <a href={`/explorer?as=${user.userId}`}>
                        Explorer<span className="visually-hidden"> as {user.name}</span>
                      </a>
                    </td>
                    <td>
                      <CopyToken user={user} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
