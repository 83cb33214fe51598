/** One printed line of the benchmark table: a figure, the floor it is compared with, and machine-independent counts. */
export interface BenchRow {
  case: string;
  variant: string;
  metric: string;
  value: number;
  unit: string;
  /** The floor measured in the same run; the ratio is value / floor. */
  floor?: number;
  floorLabel?: string;
  /**
   * The largest ratio to the floor this row may show (issue 15's goals). Printed beside the ratio; a full run marks a
   * row over it `MISSED`. Timings on a shared machine move by about 2×, so a quick run only prints it.
   */
  goal?: number;
  /** The most this row's value may be, in its unit (an absolute goal, such as `npm start` within 20 s); as `goal`. */
  limit?: number;
  /** Counts that do not depend on machine noise: requests, items, capacity units, bytes. */
  counts?: Record<string, number | string>;
}

export interface BenchContext {
  quick: boolean;
  /**
   * Full mode only: multiplies the largest data sizes (`--scale 0.2` on a machine too slow for a full run). Cases
   * name the size they actually ran in each row's variant.
   */
  scale?: number;
  endpoint: string;
  /**
   * A full run's cases may ask for a fresh emulator between data sizes: DynamoDB Local slows down markedly once it has
   * held and scanned large tables (writes into a third table ran ~40× slower after two smaller sizes). Resolves with
   * the new endpoint; in quick mode, or with DYNAMODB_ENDPOINT, it returns the same one.
   */
  freshEmulator(): Promise<string>;
  log(line: string): void;
}

export type BenchCase = (context: BenchContext) => Promise<BenchRow[]>;

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

function format(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Rows whose ratio to their floor is over their goal. */
export function missedGoals(rows: readonly BenchRow[]): BenchRow[] {
  return rows.filter(
    (row) =>
      (row.goal !== undefined && row.floor ? row.value / row.floor > row.goal : false) ||
      (row.limit !== undefined && row.value > row.limit),
  );
}

function goalCell(row: BenchRow, missed: boolean): string {
  const goals = [
    ...(row.goal === undefined ? [] : [`≤ ${format(row.goal)}x`]),
    ...(row.limit === undefined ? [] : [`≤ ${format(row.limit)} ${row.unit}`]),
  ];
  return goals.length === 0 ? '-' : `${goals.join(', ')}${missed ? ' MISSED' : ''}`;
}

export function renderTable(rows: readonly BenchRow[], options: { flagGoals?: boolean } = {}): string {
  const missed = new Set(options.flagGoals ? missedGoals(rows) : []);
  const header = ['case', 'variant', 'metric', 'value', 'floor', 'ratio', 'goal', 'counts'];
  const body = rows.map((row) => [
    row.case,
    row.variant,
    row.metric,
    `${format(row.value)} ${row.unit}`,
    row.floor === undefined ? '-' : `${format(row.floor)} ${row.unit}${row.floorLabel ? ` (${row.floorLabel})` : ''}`,
    row.floor === undefined || row.floor === 0 ? '-' : `${format(row.value / row.floor)}x`,
    goalCell(row, missed.has(row)),
    Object.entries(row.counts ?? {})
      .map(([key, value]) => `${key}=${typeof value === 'number' ? format(value) : value}`)
      .join(' '),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]?.length ?? 0)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
