import { useApolloClient, useQuery } from '@apollo/client/react';
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useState } from 'react';
import { type FollowUpWave, MeDocument, type OutcomeDimension, type OutcomeScopeInput } from '../../../client';
import { Chart } from '../components/chart';
import {
  breakdownsFor,
  type Cell,
  COUNT_MEASURES,
  type CountMeasure,
  loadCsv,
  loadMonthly,
  loadPeriod,
  loadReleasedPeriods,
  loadScopes,
  type MonthFigures,
  type PeriodFigures,
  type ReleasedPeriod,
  WAVES,
} from '../dashboard/figures';
import { formatMonth } from '../lib/format';

const PERIOD_GROUPS = [
  { kind: 'QUARTER', label: 'Financial quarters' },
  { kind: 'YEAR', label: 'Financial years' },
  { kind: 'MONTH', label: 'Months' },
] as const;

type Released = Record<(typeof PERIOD_GROUPS)[number]['kind'], ReleasedPeriod[]>;

/** The period shown first: the newest released quarter, else the newest released month or year. */
function defaultPeriod(released: Released): string | undefined {
  return (released.QUARTER[0] ?? released.MONTH[0] ?? released.YEAR[0])?.id;
}

/** A figure as text: the number, or "suppressed" (never 0), or a dash when there is nothing to compute. */
function CellText({ cell, suffix = '' }: { cell: Cell; suffix?: string }) {
  if (cell.suppressed) {
    return (
      <span
        className="suppressed"
        data-suppressed="true"
        title="0 to 7 people (or close to it): withheld to protect them"
      >
        suppressed
      </span>
    );
  }
  if (cell.value === null) return <span className="muted">–</span>;
  return (
    <>
      {cell.value.toLocaleString('en-GB')}
      {suffix}
    </>
  );
}

const SERIES_COLOURS = { range: ['#005eb8', '#007f3b', '#7c2855'] };

function monthlyPoints(months: MonthFigures[], measures: { key: CountMeasure; label: string }[]) {
  return months.flatMap((figures) =>
    measures.map(({ key, label }) => ({
      month: formatMonth(figures.month),
      measure: label,
      value: figures.cells[key].value ?? 0,
      suppressed: figures.cells[key].suppressed,
    })),
  );
}

function MonthlyChart({
  months,
  measures,
  caption,
  testId,
}: {
  months: MonthFigures[];
  measures: { key: CountMeasure; label: string }[];
  caption: string;
  testId: string;
}) {
  const points = useMemo(() => monthlyPoints(months, measures), [months, measures]);
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      height: 260,
      width: 720,
      marginBottom: 45,
      fx: { label: null, tickRotate: -30, domain: months.map((figures) => formatMonth(figures.month)) },
      x: { axis: null, domain: measures.map((measure) => measure.label) },
      // A month of zeros still gets an axis from 0 (Plot would otherwise make [0, 0] fill the chart).
      y: { label: 'Count', grid: true, domain: [0, Math.max(5, ...points.map((point) => point.value))], nice: true },
      color: { legend: measures.length > 1, domain: measures.map((measure) => measure.label), ...SERIES_COLOURS },
      marks: [
        Plot.barY(
          points.filter((point) => !point.suppressed),
          {
            fx: 'month',
            x: 'measure',
            y: 'value',
            fill: 'measure',
            title: (point) => `${point.measure}: ${point.value}`,
          },
        ),
        Plot.text(
          points.filter((point) => point.suppressed),
          { fx: 'month', x: 'measure', y: 0, text: () => 'S', dy: -8, fill: '#212b32', fontWeight: 'bold' },
        ),
        Plot.ruleY([0], { ariaHidden: 'true' }),
      ],
    }),
    [points, months, measures],
  );
  const suppressedCount = points.filter((point) => point.suppressed).length;
  return (
    <Chart
      caption={caption}
      description={`Bar chart of ${measures.map((m) => m.label.toLowerCase()).join(', ')} by month; ${suppressedCount} suppressed figures are marked S`}
      options={options}
      testId={testId}
    >
      <MonthlyTable months={months} measures={measures} />
    </Chart>
  );
}

function MonthlyTable({
  months,
  measures,
}: {
  months: MonthFigures[];
  measures: { key: CountMeasure; label: string }[];
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Month</th>
          {measures.map((measure) => (
            <th scope="col" className="number" key={measure.key}>
              {measure.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {months.map((figures) => (
          <tr key={figures.month} data-month={figures.month}>
            <th scope="row">{formatMonth(figures.month)}</th>
            {measures.map((measure) => (
              <td className="number" key={measure.key}>
                <CellText cell={figures.cells[measure.key]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeChart({ period, wave }: { period: PeriodFigures; wave: FollowUpWave }) {
  const shown = period.changes.filter((change) => !change.meanChange.suppressed && change.meanChange.value !== null);
  const hidden = period.changes.filter((change) => change.meanChange.suppressed);
  const options = useMemo<Plot.PlotOptions>(
    () => ({
      height: 40 + 34 * Math.max(1, period.changes.length),
      width: 720,
      marginLeft: 150,
      x: { label: 'Mean change from baseline (95% interval)', grid: true },
      y: { label: null, domain: period.changes.map((change) => change.label) },
      marks: [
        Plot.ruleX([0], { ariaHidden: 'true' }),
        Plot.ruleY(shown, { y: 'label', x1: 'lower', x2: 'upper', stroke: '#005eb8', strokeWidth: 2 }),
        Plot.dot(shown, {
          y: 'label',
          x: (change) => change.meanChange.value,
          fill: '#005eb8',
          r: 4,
          title: (change) => `${change.label}: ${change.meanChange.value}`,
        }),
        Plot.text(hidden, { y: 'label', x: 0, text: () => 'suppressed', textAnchor: 'start', dx: 6, fill: '#4c6272' }),
      ],
    }),
    [period, shown, hidden],
  );
  const waveLabel = WAVES.find((candidate) => candidate.value === wave)?.label ?? wave;
  if (shown.length === 0 && hidden.length === 0) {
    return (
      <p data-testid="change-chart">
        No one in this period has both a baseline answer and a {waveLabel.toLowerCase()} answer yet, so there is no
        change to show.
      </p>
    );
  }
  return (
    <Chart
      caption={`Change in wellbeing and loneliness at ${waveLabel.toLowerCase()}, people with both answers`}
      description={`Dot chart of the mean change in ${shown.length} items with their 95% intervals; ${hidden.length} items suppressed`}
      options={options}
      testId="change-chart"
    >
      <table>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="number">
              People
            </th>
            <th scope="col" className="number">
              Mean change
            </th>
            <th scope="col">95% interval</th>
            <th scope="col">Better is</th>
          </tr>
        </thead>
        <tbody>
          {period.changes.map((change) => (
            <tr key={change.key}>
              <th scope="row">{change.label}</th>
              <td className="number">
                <CellText cell={change.people} />
              </td>
              <td className="number">
                <CellText cell={change.meanChange} />
              </td>
              <td>
                {change.meanChange.suppressed ? (
                  <CellText cell={change.meanChange} />
                ) : change.lower === null ? (
                  '–'
                ) : (
                  `${change.lower} to ${change.upper}`
                )}
              </td>
              <td>{change.higherIsBetter ? 'higher' : 'lower'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Figures for the commissioner, through the public API with their token only (dashboard/figures.ts). */
export function DashboardPage() {
  const client = useApolloClient();
  const me = useQuery(MeDocument);
  const [released, setReleased] = useState<Released>();
  const [periodId, setPeriodId] = useState<string>();
  const [scopeIndex, setScopeIndex] = useState(0);
  const [scopes, setScopes] = useState<{ label: string; scope: OutcomeScopeInput }[]>([]);
  const [breakdown, setBreakdown] = useState<OutcomeDimension>('NONE');
  const [wave, setWave] = useState<FollowUpWave>('WEEK_6');
  const [monthly, setMonthly] = useState<MonthFigures[]>();
  const [period, setPeriod] = useState<PeriodFigures>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState('');

  // The released months, oldest first: the monthly charts ask for each on its own.
  const releasedMonths = useMemo(() => (released?.MONTH ?? []).map((month) => month.id).reverse(), [released]);
  const chosen = useMemo(
    () => PERIOD_GROUPS.flatMap(({ kind }) => released?.[kind] ?? []).find((candidate) => candidate.id === periodId),
    [released, periodId],
  );
  const nothingReleased = released !== undefined && periodId === undefined;
  const organisation = me.data?.me.organisation;
  const scope = scopes[scopeIndex]?.scope;
  const breakdowns = scope ? breakdownsFor(scope) : [];
  const signedIn = Boolean(me.data);

  useEffect(() => {
    if (!signedIn) return;
    loadReleasedPeriods(client).then(
      (next) => {
        setReleased(next);
        setPeriodId((current) => current ?? defaultPeriod(next));
      },
      (cause: Error) => setError(cause.message),
    );
  }, [client, signedIn]);

  useEffect(() => {
    if (!organisation || !periodId) return;
    loadScopes(client, organisation, periodId).then(setScopes, (cause: Error) => setError(cause.message));
  }, [client, organisation, periodId]);

  useEffect(() => {
    if (!scope || !periodId) return;
    let current = true;
    setError(undefined);
    const usable = breakdownsFor(scope).some((option) => option.value === breakdown) ? breakdown : 'NONE';
    Promise.all([loadMonthly(client, scope, releasedMonths), loadPeriod(client, scope, periodId, usable, wave)]).then(
      ([nextMonthly, nextPeriod]) => {
        if (!current) return;
        setMonthly(nextMonthly);
        setPeriod(nextPeriod);
      },
      (cause: Error) => current && setError(cause.message),
    );
    return () => {
      current = false;
    };
  }, [client, scope, periodId, releasedMonths, breakdown, wave]);

  const referralMeasures = useMemo(() => COUNT_MEASURES.slice(0, 3).map((m) => ({ ...m })), []);
  const engagementMeasures = useMemo(() => [{ ...COUNT_MEASURES[3] }], []);

  if (me.error) return <p className="error">Could not read who you are: {me.error.message}</p>;
  if (me.data && me.data.me.role !== 'COMMISSIONER' && me.data.me.role !== 'ADMIN') {
    return <p className="error">The dashboard is for commissioners.</p>;
  }

  return (
    <>
      <form className="panel row" aria-label="Figures to show" onSubmit={(event) => event.preventDefault()}>
        <div>
          <label htmlFor="scope">Area</label>
          <select id="scope" value={scopeIndex} onChange={(event) => setScopeIndex(Number(event.target.value))}>
            {scopes.map((choice, index) => (
              <option key={choice.label} value={index}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="period">Period</label>
          <select
            id="period"
            value={periodId ?? ''}
            disabled={!periodId}
            aria-describedby="period-hint"
            onChange={(event) => setPeriodId(event.target.value)}
          >
            {PERIOD_GROUPS.map(({ kind, label }) =>
              released?.[kind].length ? (
                <optgroup key={kind} label={label}>
                  {released[kind].map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.label}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
        </div>
        <div>
          <label htmlFor="breakdown">Breakdown</label>
          <select
            id="breakdown"
            value={breakdown}
            onChange={(event) => setBreakdown(event.target.value as OutcomeDimension)}
          >
            {breakdowns.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="wave">Change at</label>
          <select id="wave" value={wave} onChange={(event) => setWave(event.target.value as FollowUpWave)}>
            {WAVES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={!scope || !periodId}
          onClick={async () => {
            if (!scope || !periodId) return;
            try {
              const csv = await loadCsv(client, scope, periodId, breakdown);
              download(`linkwork-figures-${periodId}.csv`, csv);
              setNotice('The CSV has been downloaded.');
            } catch (cause) {
              setNotice(`The CSV could not be made: ${(cause as Error).message}`);
            }
          }}
        >
          Download CSV
        </button>
      </form>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <p id="period-hint" className="small muted">
        Figures are released for whole months, financial quarters and financial years only, on the 11th day after the
        period ends: the current month, and last month until its 11th day, are not here yet.
      </p>
      {error ? <p className="error">The figures could not be read: {error}</p> : null}
      <p className="small muted">
        Figures are disclosure-controlled on the server: counts of 0 to 7 (or close to it after a small perturbation)
        are <strong>suppressed</strong> (marked S on the charts, never shown as 0), other counts are perturbed slightly
        and rounded to the nearest 5, and means and changes are shown to 1 decimal only beside at least 15 people.
        {period ? ` ${period.scopeName}: ${period.disclosureControl.toLowerCase()}.` : ''}
      </p>
      {nothingReleased ? (
        <p data-testid="nothing-released">
          No figures have been released yet. The first month's figures appear on the 11th day after that month ends.
        </p>
      ) : monthly ? (
        <div className="panel">
          <MonthlyChart
            months={monthly}
            measures={referralMeasures}
            caption={`Referrals by month, the last ${monthly.length} released months`}
            testId="referrals-chart"
          />
          <MonthlyChart
            months={monthly}
            measures={engagementMeasures}
            caption="People engaged (first attended session) by month"
            testId="engagement-chart"
          />
        </div>
      ) : (
        <p>Loading the figures…</p>
      )}
      {period ? (
        <>
          <div className="panel">
            <ChangeChart period={period} wave={wave} />
          </div>
          <section className="panel" aria-labelledby="period-figures">
            <h2 id="period-figures">{chosen?.label ?? periodId}</h2>
            <div style={{ overflowX: 'auto' }}>
              <table data-testid="period-table">
                <caption className="muted small">
                  All counts for the period{breakdown === 'NONE' ? '' : ', by the breakdown chosen'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    {COUNT_MEASURES.map((measure) => (
                      <th scope="col" className="number" key={measure.key}>
                        {measure.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[{ group: 'ALL', label: 'Total', cells: period.total }, ...period.groups].map((row) => (
                    <tr key={row.group}>
                      <th scope="row">{row.label}</th>
                      {COUNT_MEASURES.map((measure) => (
                        <td className="number" key={measure.key}>
                          <CellText
                            cell={row.cells[measure.key]}
                            suffix={measure.key === 'checkInResponseRate' ? '%' : ''}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
