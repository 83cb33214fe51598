/*
 * What `npm start` is doing, for the portal's home page: whether the demo data is still being seeded and whether the
 * commissioner figures have caught up with the table's stream, so nobody queries an empty caseload or dashboard
 * without knowing why. scripts/start.ts moves these along; the portal only reads them.
 */

/** `absent`: started with --no-seed; `present`: the table already held the demo data. */
export type SeedState = 'absent' | 'present' | 'seeding' | 'ready' | 'failed';
/** `waiting`: folding starts once the seed is in; `folding`: reading the stream; `up-to-date`: caught up once. */
export type FoldingState = 'waiting' | 'folding' | 'up-to-date';

export interface ProgressStep<S extends string> {
  state: S;
  /** When it entered this state (ISO 8601, wall-clock time). */
  since: string;
}

export interface LocalStatusSnapshot {
  startedAt: string;
  seed: ProgressStep<SeedState>;
  folding: ProgressStep<FoldingState>;
}

export class LocalStatus {
  private readonly startedAt = new Date().toISOString();
  private seed: ProgressStep<SeedState>;
  private folding: ProgressStep<FoldingState> = { state: 'waiting', since: this.startedAt };

  constructor(seed: SeedState = 'absent') {
    this.seed = { state: seed, since: this.startedAt };
  }

  setSeed(state: SeedState): void {
    this.seed = { state, since: new Date().toISOString() };
  }

  setFolding(state: FoldingState): void {
    this.folding = { state, since: new Date().toISOString() };
  }

  snapshot(): LocalStatusSnapshot {
    return { startedAt: this.startedAt, seed: { ...this.seed }, folding: { ...this.folding } };
  }
}
