import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  CaseloadPageDocument,
  type CaseloadPageQuery,
  type CaseloadPageQueryVariables,
  type CaseloadSort,
} from '../../../client';
import { formatDate, formatDateTime, itemLabel, words } from '../lib/format';
import { WaitingForYou } from './concerns';

type Row = CaseloadPageQuery['caseload']['edges'][number]['node'];

const CLOSED = ['CLOSED', 'DECLINED', 'UNABLE_TO_CONTACT'] as const;
const PAGE_SIZE = 25;

function LatestAnswers({ row }: { row: Row }) {
  if (row.latestOutcomes.length === 0) return <span className="muted">none yet</span>;
  return (
    <ul className="plain small">
      {row.latestOutcomes.map((answer) => (
        <li key={answer.key}>
          {itemLabel(answer.key)}: <strong>{answer.value}</strong>{' '}
          <span className="muted">({formatDate(answer.measuredAt)})</span>
        </li>
      ))}
    </ul>
  );
}

/** A link worker's caseload, through the public API (CaseloadPage from client/), with its filters and paging. */
export function CaseloadPage({ userId }: { userId: string }) {
  const [show, setShow] = useState<'open' | 'closed'>('open');
  const [concernOnly, setConcernOnly] = useState(false);
  const [dueBefore, setDueBefore] = useState('');
  const [sort, setSort] = useState<CaseloadSort>('NEXT_CHECK_IN');
  const variables: CaseloadPageQueryVariables = {
    first: PAGE_SIZE,
    sort,
    filter: {
      ...(show === 'closed' ? { statuses: [...CLOSED] } : {}),
      ...(concernOnly ? { concernOnly: true } : {}),
      ...(dueBefore ? { checkInDueBefore: new Date(`${dueBefore}T23:59:59`).toISOString() } : {}),
    },
  };
  const { data, error, loading, fetchMore, refetch } = useQuery(CaseloadPageDocument, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const rows = data?.caseload.edges.map((edge) => edge.node) ?? [];
  const pageInfo = data?.caseload.pageInfo;

  return (
    <>
      <WaitingForYou userId={userId} />
      <form className="panel row" aria-label="Caseload filters" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="show">Referrals</label>
          <select id="show" value={show} onChange={(event) => setShow(event.target.value as 'open' | 'closed')}>
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
        </div>
        <div>
          <label htmlFor="due-before">Next check-in before</label>
          <input id="due-before" type="date" value={dueBefore} onChange={(event) => setDueBefore(event.target.value)} />
        </div>
        <div>
          <label htmlFor="sort">Order</label>
          <select id="sort" value={sort} onChange={(event) => setSort(event.target.value as CaseloadSort)}>
            <option value="NEXT_CHECK_IN">Soonest check-in first</option>
            <option value="LAST_CONTACT">Longest since contact first</option>
          </select>
        </div>
        <label className="inline" htmlFor="concern-only">
          <input
            id="concern-only"
            type="checkbox"
            checked={concernOnly}
            onChange={(event) => setConcernOnly(event.target.checked)}
          />
          Only referrals with a concern
        </label>
        <button type="button" className="secondary" onClick={() => void refetch()}>
          Refresh
        </button>
      </form>
      {error ? <p className="error">The caseload could not be read: {error.message}</p> : null}
      <table data-testid="caseload">
        <caption>
          {loading && !data ? 'Loading the caseload…' : `${rows.length}${pageInfo?.hasNextPage ? '+' : ''} referrals`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Status</th>
            <th scope="col">Concern</th>
            <th scope="col">Next check-in</th>
            <th scope="col">Last contact</th>
            <th scope="col">Needs</th>
            <th scope="col">Latest answers</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-referral={row.id}>
              <th scope="row">
                <a href={`/link-worker/referral/${row.id}?as=${userId}`}>{row.patient.name ?? 'Erased patient'}</a>
                <div className="small muted">{row.practice?.name}</div>
              </th>
              <td>
                <span className="tag status">{words(row.status)}</span>
              </td>
              <td>
                {row.concernOpen ? (
                  <span className="tag concern">Concern since {formatDate(row.concernRaisedAt)}</span>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              <td>{formatDateTime(row.nextCheckInAt)}</td>
              <td>{formatDate(row.lastContactAt)}</td>
              <td className="small">{row.needs.map(words).join(', ')}</td>
              <td>
                <LatestAnswers row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageInfo?.hasNextPage ? (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={loading}
            onClick={() =>
              void fetchMore({
                variables: { after: pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  ...fetchMoreResult,
                  caseload: {
                    ...fetchMoreResult.caseload,
                    edges: [...(previous.caseload?.edges ?? []), ...fetchMoreResult.caseload.edges],
                  },
                }),
              })
            }
          >
            Show more referrals
          </button>
        </p>
      ) : null}
    </>
  );
}
