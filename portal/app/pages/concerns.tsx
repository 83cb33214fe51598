import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import {
  AcknowledgeConcernDocument,
  type ConcernAction,
  type ConcernCardFragment,
  InboxDocument,
  MarkInboxMessageHandledDocument,
  OpenConcernsDocument,
  ReferralConcernsDocument,
  ResolveConcernDocument,
} from '../../../client';
import { formatDateTime, words } from '../lib/format';

/*
 * A referral's concerns and its patient's waiting inbox texts, as a link worker acts on them: acknowledge a concern
 * (someone is on it), resolve it with what was done, mark an inbox text handled. Only client/ operations; after each
 * change the referral's own queries are fetched again so the banner and the caseload flag follow.
 */

const ACTIONS: ConcernAction[] = [
  'CONTACTED_PERSON',
  'ARRANGED_URGENT_HELP',
  'INFORMED_GP',
  'SAFEGUARDING_REFERRAL',
  'NO_FURTHER_ACTION',
  'OTHER',
];

const AFTER_A_CHANGE = { refetchQueries: ['ReferralDetail', 'ReferralConcerns', 'Inbox'], awaitRefetchQueries: true };

function ResolveForm({ concern }: { concern: ConcernCardFragment }) {
  const [action, setAction] = useState<ConcernAction>('CONTACTED_PERSON');
  const [note, setNote] = useState('');
  const [resolve, { loading, error }] = useMutation(ResolveConcernDocument, AFTER_A_CHANGE);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void resolve({ variables: { input: { concernId: concern.id, action, ...(note.trim() ? { note } : {}) } } });
  };
  const ids = { action: `action-${concern.id}`, note: `note-${concern.id}` };
  return (
    <form className="row" onSubmit={submit} aria-label="Resolve the concern">
      <div>
        <label htmlFor={ids.action}>What was done</label>
        <select id={ids.action} value={action} onChange={(event) => setAction(event.target.value as ConcernAction)}>
          {ACTIONS.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.note}>Note{action === 'OTHER' ? ' (required)' : ''}</label>
        <textarea id={ids.note} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" disabled={loading}>
        Resolve
      </button>
      {error ? <p className="error">{error.message}</p> : null}
    </form>
  );
}

function ConcernItem({ concern }: { concern: ConcernCardFragment }) {
  const [acknowledge, { loading, error }] = useMutation(AcknowledgeConcernDocument, AFTER_A_CHANGE);
  return (
    <li className="thread" data-testid="concern" data-status={concern.status}>
      <h3>
        {concern.reasons.map(words).join(', ')} <span className="tag concern">{words(concern.status)}</span>
      </h3>
      <p className="small muted">
        Raised {formatDateTime(concern.raisedAt)}
        {concern.raisedCount > 1
          ? ` · ${concern.raisedCount} texts, the latest ${formatDateTime(concern.lastRaisedAt)}`
          : ''}
        {concern.acknowledgedBy ? ` · acknowledged by ${concern.acknowledgedBy.name}` : ''}
        {concern.resolvedBy
          ? ` · resolved by ${concern.resolvedBy.name}, ${formatDateTime(concern.resolvedAt)}: ${words(concern.action ?? 'OTHER').toLowerCase()}`
          : ''}
      </p>
      {concern.texts.edges.map(({ node: text }) => (
        <p key={text.id} className="text in">
          <span className="small muted">{formatDateTime(text.at)} · patient:</span> {text.body ?? '(erased)'}
        </p>
      ))}
      {concern.texts.pageInfo.hasNextPage ? (
        <p className="small muted">Later texts that raised it are in the text thread.</p>
      ) : null}
      {concern.note ? <p className="small">Note: {concern.note}</p> : null}
      {concern.status === 'OPEN' ? (
        <button
          type="button"
          disabled={loading}
          onClick={() => void acknowledge({ variables: { concernId: concern.id } })}
        >
          Acknowledge
        </button>
      ) : null}
      {concern.status !== 'RESOLVED' ? <ResolveForm concern={concern} /> : null}
      {error ? <p className="error">{error.message}</p> : null}
    </li>
  );
}

/** Every concern on the referral, unresolved ones first. */
export function Concerns({ referralId }: { referralId: string }) {
  const { data, error } = useQuery(ReferralConcernsDocument, { variables: { id: referralId } });
  const concerns = [...(data?.referral?.concerns.edges ?? [])]
    .map((edge) => edge.node)
    .sort((a, b) => Number(a.status === 'RESOLVED') - Number(b.status === 'RESOLVED'));
  return (
    <section className="panel" aria-labelledby="concerns" data-testid="concerns">
      <h2 id="concerns">Concerns</h2>
      {error ? <p className="error">{error.message}</p> : null}
      {data && concerns.length === 0 ? <p className="muted">None raised.</p> : null}
      <ul className="plain">
        {concerns.map((concern) => (
          <ConcernItem key={concern.id} concern={concern} />
        ))}
      </ul>
    </section>
  );
}

/** The patient's texts waiting in their link worker's inbox (texts no check-in took as an answer). */
export function PatientInbox({ patientId, linkWorkerId }: { patientId: string; linkWorkerId: string | null }) {
  const { data, error } = useQuery(InboxDocument, {
    variables: { linkWorkerId: linkWorkerId ?? undefined, first: 100 },
    skip: !linkWorkerId,
  });
  const [markHandled, marking] = useMutation(MarkInboxMessageHandledDocument, AFTER_A_CHANGE);
  const texts = (data?.inbox.edges ?? []).map((edge) => edge.node).filter((text) => text.patient.id === patientId);
  return (
    <section className="panel" aria-labelledby="inbox" data-testid="inbox">
      <h2 id="inbox">Inbox</h2>
      <p className="small muted">Texts from this patient that no check-in took as an answer, waiting for a person.</p>
      {!linkWorkerId ? <p className="muted">No link worker yet: their texts wait in the PCN's queue.</p> : null}
      {error ? <p className="error">{error.message}</p> : null}
      {data && texts.length === 0 ? <p className="muted">Nothing waiting.</p> : null}
      <ul className="plain">
        {texts.map((text) => (
          <li key={text.id} className="thread" data-testid="inbox-text">
            <p className="text in">
              <span className="small muted">
                {formatDateTime(text.receivedAt)} · {words(text.reason).toLowerCase()}:
              </span>{' '}
              {text.body ?? '(erased)'}
            </p>
            <button
              type="button"
              className="secondary"
              disabled={marking.loading}
              onClick={() => void markHandled({ variables: { inboxMessageId: text.id } })}
            >
              Mark handled
            </button>
          </li>
        ))}
      </ul>
      {marking.error ? <p className="error">{marking.error.message}</p> : null}
    </section>
  );
}

/** What needs a person first, above the caseload: unresolved concerns in scope and the count of waiting inbox texts. */
export function WaitingForYou({ userId }: { userId: string }) {
  const concerns = useQuery(OpenConcernsDocument, { variables: { first: 20 } });
  const inbox = useQuery(InboxDocument, { variables: { linkWorkerId: userId, first: 100 } });
  const open = (concerns.data?.openConcerns.edges ?? []).map((edge) => edge.node);
  const waiting = inbox.data?.inbox.edges.length ?? 0;
  return (
    <section className="panel" aria-labelledby="waiting" data-testid="waiting-for-you">
      <h2 id="waiting">Waiting for you</h2>
      {concerns.error ? <p className="error">{concerns.error.message}</p> : null}
      {inbox.error ? <p className="error">{inbox.error.message}</p> : null}
      <p>
        {concerns.data ? `${open.length}${concerns.data.openConcerns.pageInfo.hasNextPage ? '+' : ''}` : '…'} unresolved
        concerns (oldest first) · {inbox.data ? `${waiting}${inbox.data.inbox.pageInfo.hasNextPage ? '+' : ''}` : '…'}{' '}
        inbox texts waiting
      </p>
      {open.length > 0 ? (
        <ul>
          {open.map((concern) => (
            <li key={concern.id}>
              <a href={`/link-worker/referral/${concern.referral.id}?as=${userId}#concerns`}>
                {concern.referral.patient.name ?? 'Erased patient'}
              </a>
              : {concern.reasons.map(words).join(', ').toLowerCase()}, raised {formatDateTime(concern.raisedAt)}{' '}
              <span className="tag concern">{words(concern.status)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
