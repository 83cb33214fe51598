import { useQuery } from '@apollo/client/react';
import * as Plot from '@observablehq/plot';
import { useMemo } from 'react';
import {
  ReferralDetailDocument,
  type ReferralDetailQuery,
  ReferralOutcomesDocument,
  ReferralThreadDocument,
} from '../../../client';
import { Chart } from '../components/chart';
import { formatDate, formatDateTime, itemLabel, words } from '../lib/format';
import { Concerns, PatientInbox } from './concerns';

type Referral = NonNullable<ReferralDetailQuery['referral']>;

function Header({ referral }: { referral: Referral }) {
  const patient = referral.patient;
  return (
    <>
      <h1>{patient.name ?? 'Erased patient'}</h1>
      {referral.concernOpen ? (
        <div className="banner" role="alert" data-testid="concern-banner">
          <strong>Concern raised {formatDateTime(referral.concernRaisedAt)}.</strong> A worrying reply (or a raised
          concern) needs a person. Read it under <a href="#concerns">Concerns</a>, contact the patient, then acknowledge
          and resolve it there.
        </div>
      ) : null}
      <div className="panel">
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className="tag status">{words(referral.status)}</span>{' '}
            {referral.allowedTransitions.length > 0 ? (
              <span className="muted small">next: {referral.allowedTransitions.map(words).join(', ')}</span>
            ) : null}
          </dd>
          <dt>Born</dt>
          <dd>{formatDate(patient.dateOfBirth)}</dd>
          <dt>NHS number</dt>
          <dd>{patient.nhsNumber ?? '—'}</dd>
          <dt>Practice</dt>
          <dd>{referral.practice?.name ?? '—'}</dd>
          <dt>Link worker</dt>
          <dd>{referral.linkWorker?.name ?? 'unassigned'}</dd>
          <dt>Needs</dt>
          <dd>{referral.needs.map(words).join(', ')}</dd>
          <dt>Texts</dt>
          <dd>
            {patient.mobile ?? 'no mobile'} · consent {words(patient.smsConsent).toLowerCase()}
          </dd>
          <dt>Next check-in</dt>
          <dd>{formatDateTime(referral.nextCheckInAt)}</dd>
          {patient.accessibilityNeeds ? (
            <>
              <dt>Access needs</dt>
              <dd>{patient.accessibilityNeeds}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </>
  );
}

function WhatMatters({ referral }: { referral: Referral }) {
  const notes = referral.whatMatters.edges.map((edge) => edge.node);
  const goals = referral.goals.edges.map((edge) => edge.node);
  return (
    <section className="panel" aria-labelledby="what-matters">
      <h2 id="what-matters">What matters</h2>
      {notes.length === 0 && goals.length === 0 ? <p className="muted">No conversation recorded yet.</p> : null}
      {notes.map((note) => (
        <blockquote key={note.id}>
          <p>{note.text ?? '(erased)'}</p>
          <footer className="small muted">
            {note.recordedBy?.name ?? 'someone'}, {formatDate(note.recordedAt)}
          </footer>
        </blockquote>
      ))}
      {goals.length > 0 ? (
        <>
          <h3>Goals</h3>
          <ul>
            {goals.map((goal) => (
              <li key={goal.id}>
                {goal.description ?? '(erased)'} <span className="tag status">{words(goal.status)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Activities</h3>
      {referral.activeActivities.edges.length === 0 ? (
        <p className="muted">None prescribed.</p>
      ) : (
        <ul>
          {referral.activeActivities.edges.map(({ node }) => (
            <li key={node.id}>
              {node.name}{' '}
              <span className="muted small">
                ({node.scheduleText}, {node.venue.name})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Texts({ referralId }: { referralId: string }) {
  const { data, error, refetch } = useQuery(ReferralThreadDocument, {
    variables: { id: referralId, checkIns: 20, messages: 30 },
  });
  const checkIns = [...(data?.referral?.checkIns.edges ?? [])].map((edge) => edge.node).reverse();
  return (
    <section className="panel" aria-labelledby="texts" data-testid="texts">
      <h2 id="texts">Texts</h2>
      <p className="small muted">
        Newest check-in first.{' '}
        <button type="button" className="secondary" onClick={() => void refetch()}>
          Refresh texts
        </button>
      </p>
      {error ? <p className="error">{error.message}</p> : null}
      {checkIns.length === 0 && data ? <p className="muted">No check-ins.</p> : null}
      {checkIns.map((checkIn) => (
        <div className="thread" key={checkIn.id}>
          <h3>
            {words(checkIn.wave)} check-in <span className="tag status">{words(checkIn.status)}</span>{' '}
            {checkIn.needsReview ? <span className="tag concern">Needs review</span> : null}
          </h3>
          <p className="small muted">
            Scheduled for {formatDateTime(checkIn.scheduledFor)}
            {checkIn.closeReason ? ` · closed: ${words(checkIn.closeReason).toLowerCase()}` : ''}
          </p>
          {checkIn.messages.edges.length === 0 ? <p className="small muted">No texts yet.</p> : null}
          {checkIn.messages.edges.map(({ node: text }) => (
            <p
              key={text.id}
              className={`text ${text.direction === 'IN' ? 'in' : 'out'}`}
              data-direction={text.direction}
            >
              <span className="small muted">
                {formatDateTime(text.at)} · {text.direction === 'IN' ? 'patient' : words(text.kind).toLowerCase()}:
              </span>{' '}
              {text.body ?? '(erased)'}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}

function AnswersOverTime({ referralId }: { referralId: string }) {
  const { data } = useQuery(ReferralOutcomesDocument, { variables: { id: referralId, first: 100 } });
  const answers = useMemo(
    () =>
      (data?.referral?.outcomes.edges ?? []).map(({ node }) => ({
        id: node.id,
        date: new Date(node.measuredAt),
        value: node.value,
        item: itemLabel(node.key),
        key: node.key,
        source: words(node.source),
        wave: words(node.wave),
      })),
    [data],
  );
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      marginLeft: 40,
      height: 260,
      width: 640,
      x: { type: 'utc', label: 'Answered', tickFormat: '%-d %b %Y' },
      y: { label: 'Answer', grid: true, domain: [0, 10] },
      color: { legend: true, type: 'categorical', scheme: 'Tableau10' },
      marks: [
        Plot.line(answers, { x: 'date', y: 'value', stroke: 'item', strokeWidth: 2 }),
        Plot.dot(answers, { x: 'date', y: 'value', fill: 'item', r: 3, title: (d) => `${d.item}: ${d.value}` }),
      ],
    }),
    [answers],
  );
  return (
    <section className="panel" aria-labelledby="answers">
      <h2 id="answers">Answers over time</h2>
      {answers.length === 0 ? (
        <p className="muted">No answers yet.</p>
      ) : (
        <Chart
          caption="Each outcome answer, by text or in person"
          description={`Line chart of ${answers.length} answers over time, one line per question`}
          options={options}
          testId="answers-chart"
        >
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Question</th>
                <th scope="col" className="number">
                  Answer
                </th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((answer) => (
                <tr key={answer.id}>
                  <td>{formatDateTime(answer.date.toISOString())}</td>
                  <td>{answer.item}</td>
                  <td className="number">{answer.value}</td>
                  <td>
                    {answer.source}, {answer.wave.toLowerCase()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Chart>
      )}
    </section>
  );
}

function History({ referral }: { referral: Referral }) {
  return (
    <section className="panel" aria-labelledby="history">
      <h2 id="history">History</h2>
      <ol>
        {referral.events.edges.map(({ node: event }) => (
          <li key={event.id}>
            {formatDateTime(event.at)}: {words(event.kind).toLowerCase()}
            {event.toStatus ? ` → ${words(event.toStatus)}` : ''}
            {event.toLinkWorker ? ` → ${event.toLinkWorker.name}` : ''}
            {event.actor ? <span className="muted"> by {event.actor.name}</span> : null}
            {event.reason ? <span className="muted"> ({event.reason})</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * A referral's page for its link worker, through the public API (ReferralDetail, ReferralThread, ReferralOutcomes,
 * ReferralConcerns, Inbox).
 */
export function ReferralPage({ referralId, userId }: { referralId: string; userId: string }) {
  const { data, error, loading } = useQuery(ReferralDetailDocument, { variables: { id: referralId } });
  const referral = data?.referral;
  return (
    <>
      <p>
        <a href={`/link-worker?as=${userId}`}>Back to the caseload</a>
      </p>
      {loading && !data ? <p>Loading the referral…</p> : null}
      {error ? (
        <>
          <h1>Referral</h1>
          <p className="error">This referral could not be read: {error.message}</p>
        </>
      ) : null}
      {referral ? (
        <>
          <Header referral={referral} />
          <div className="grid-2">
            <WhatMatters referral={referral} />
            <PatientInbox patientId={referral.patient.id} linkWorkerId={referral.linkWorker?.id ?? null} />
          </div>
          <Concerns referralId={referral.id} />
          <AnswersOverTime referralId={referral.id} />
          <Texts referralId={referral.id} />
          <History referral={referral} />
        </>
      ) : null}
    </>
  );
}
