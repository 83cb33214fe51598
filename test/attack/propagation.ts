/*
 * The attacker's reasoning engine: integer variables (the true values of released and suppressed cells, and the
 * hidden sums behind means), each known to lie in an interval, and linear constraints between them
 * (Σ aᵢ·xᵢ within [L, U]). Bounds propagation tightens every interval from every constraint until nothing moves; a
 * filter may also shave an interval's endpoints with a non-linear test (a mean that no whole sum can give for that
 * count). A variable whose interval shrinks to one value is pinned: the attacker knows it exactly.
 *
 * This is what an analyst does with a spreadsheet of every released figure and a linear-programming solver, done
 * exhaustively over every relation the figures have between them. Every intermediate interval is sound, so a run
 * stopped by its step budget still reports only what is certain.
 */

/** A non-linear test: may `variable` take `value`, given the other bounds? */
export type EndpointFilter = (value: number, bounds: Bounds) => boolean;

export interface Bounds {
  lo(variable: number): number;
  hi(variable: number): number;
}

const EPS = 1e-7;

/*
 * Jest runs test files in a vm context, where every read of a global (`Infinity`, `Math`) goes through the context's
 * interceptor instead of a constant the optimiser folds in: the propagation loop reads them hundreds of millions of
 * times, and took four times as long under jest as under plain Node until it read these module constants instead.
 */
const INFINITY = Number.POSITIVE_INFINITY;
const { ceil, floor, max, min } = Math;

/**
 * Numbers appended one at a time into a typed array that doubles as it fills. The attack appends tens of millions of
 * constraint terms; in plain arrays their growth and the collector's scans of them took seconds.
 */
class Column<T extends Int32Array | Float64Array> {
  private data: T;
  length = 0;

  constructor(private readonly kind: { new (length: number): T }) {
    this.data = new kind(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.kind(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values so far (a view: later pushes may or may not show in it). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export class Propagator implements Bounds {
  private los: number[] = [];
  private his: number[] = [];
  private readonly names: string[] = [];
  /** Names variables made in bulk (only needed for messages). */
  private nameOf: (variable: number) => string = (variable) => this.names[variable] ?? `x${variable}`;
  /** Where each constraint's terms begin in `vars` and `coefs`, and where the last one ends. */
  private readonly start = new Column(Int32Array);
  private readonly vars = new Column(Int32Array);
  private readonly coefs = new Column(Float64Array);
  private readonly lowers = new Column(Float64Array);
  private readonly uppers = new Column(Float64Array);
  private readonly filters = new Map<number, EndpointFilter[]>();
  private readonly filterWatch = new Map<number, number[]>();
  steps = 0;
  /** True when the step budget ran out before a fixpoint (the intervals are still sound, only wider). */
  stoppedEarly = false;

  constructor() {
    this.start.push(0);
  }

  variable(name: string, lo = 0, hi = INFINITY): number {
    this.los.push(lo);
    this.his.push(hi);
    this.names[this.los.length - 1] = name;
    return this.los.length - 1;
  }

  /** `count` variables at once, each bounded by `bounds(i)`, named on demand by `name(i)`; returns the first id. */
  variables(count: number, bounds: (i: number) => [number, number], name: (i: number) => string): number {
    const first = this.los.length;
    for (let i = 0; i < count; i++) {
      const [lo, hi] = bounds(i);
      this.los.push(lo);
      this.his.push(hi);
    }
    const previous = this.nameOf;
    this.nameOf = (variable) =>
      variable >= first && variable < first + count ? name(variable - first) : previous(variable);
    return first;
  }

  get size(): number {
    return this.los.length;
  }

  get constraintCount(): number {
    return this.lowers.length;
  }

  name(variable: number): string {
    return this.nameOf(variable);
  }

  lo(variable: number): number {
    return this.los[variable]!;
  }

  hi(variable: number): number {
    return this.his[variable]!;
  }

  /** Narrows a variable's interval to [lo, hi] (an observation). */
  restrict(variable: number, lo: number, hi: number): void {
    this.los[variable] = max(this.los[variable]!, ceil(lo - EPS));
    this.his[variable] = min(this.his[variable]!, floor(hi + EPS));
    if (this.los[variable]! > this.his[variable]!) throw new Error(`contradiction at ${this.name(variable)}`);
  }

  /** Σ coefs[i]·vars[i] within [lower, upper]. */
  constrain(vars: readonly number[], coefs: readonly number[], lower: number, upper: number): void {
    for (let i = 0; i < vars.length; i++) {
      this.vars.push(vars[i]!);
      this.coefs.push(coefs[i]!);
    }
    this.close(lower, upper);
  }

  /** Σ positive − Σ negative = 0. */
  equal(positive: readonly number[], negative: readonly number[]): void {
    for (const v of positive) {
      this.vars.push(v);
      this.coefs.push(1);
    }
    for (const v of negative) {
      this.vars.push(v);
      this.coefs.push(-1);
    }
    this.close(0, 0);
  }

  /** Ends the constraint whose terms were just pushed. */
  private close(lower: number, upper: number): void {
    this.start.push(this.vars.length);
    this.lowers.push(lower);
    this.uppers.push(upper);
  }

  /** A non-linear endpoint test on `variable`, re-run whenever it or any of `watch` changes. */
  filter(variable: number, test: EndpointFilter, watch: readonly number[] = []): void {
    this.filters.set(variable, [...(this.filters.get(variable) ?? []), test]);
    for (const watched of [variable, ...watch]) {
      this.filterWatch.set(watched, [...(this.filterWatch.get(watched) ?? []), variable]);
    }
  }

  /** Propagates to a fixpoint or until `maxSteps` constraint visits. Throws if some interval becomes empty. */
  run(maxSteps = INFINITY): void {
    const n = this.los.length;
    const m = this.lowers.length;
    const lo = Float64Array.from(this.los);
    const hi = Float64Array.from(this.his);
    const start = this.start.view();
    const vars = this.vars.view();
    const coefs = this.coefs.view();
    const lowers = this.lowers.view();
    const uppers = this.uppers.view();
    // Variable → constraints (CSR).
    const degree = new Int32Array(n + 1);
    for (let k = 0; k < vars.length; k++) degree[vars[k]! + 1]! += 1;
    for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
    const fill = degree.slice(0, n);
    const adjacency = new Int32Array(vars.length);
    for (let c = 0; c < m; c++) for (let k = start[c]!; k < start[c + 1]!; k++) adjacency[fill[vars[k]!]!++] = c;

    const queued = new Uint8Array(m).fill(1);
    let queue = new Int32Array(max(16, m * 2));
    for (let c = 0; c < m; c++) queue[c] = c;
    let head = 0;
    let tail = m;
    let size = m;
    const push = (c: number) => {
      if (queued[c]) return;
      queued[c] = 1;
      if (size === queue.length) {
        const grown = new Int32Array(queue.length * 2);
        for (let i = 0; i < size; i++) grown[i] = queue[(head + i) % queue.length]!;
        queue = grown;
        head = 0;
        tail = size;
      }
      queue[tail] = c;
      tail = (tail + 1) % queue.length;
      size += 1;
    };
    const filterQueue: number[] = [...this.filters.keys()];
    const filterQueued = new Set(filterQueue);
    const bounds: Bounds = { lo: (v) => lo[v]!, hi: (v) => hi[v]! };
    const changed = (v: number) => {
      for (let k = degree[v]!; k < degree[v + 1]!; k++) push(adjacency[k]!);
      for (const watcher of this.filterWatch.get(v) ?? []) {
        if (!filterQueued.has(watcher)) {
          filterQueued.add(watcher);
          filterQueue.push(watcher);
        }
      }
    };
    const fail = (v: number) => {
      throw new Error(`contradiction at ${this.name(v)}: [${lo[v]}, ${hi[v]}]`);
    };

    while (size > 0 || filterQueue.length > 0) {
      if (this.steps >= maxSteps) {
        this.stoppedEarly = true;
        break;
      }
      this.steps += 1;
      if (size > 0) {
        const c = queue[head]!;
        head = (head + 1) % queue.length;
        size -= 1;
        queued[c] = 0;
        const from = start[c]!;
        const to = start[c + 1]!;
        let minSum = 0;
        let maxSum = 0;
        let minInf = 0;
        let maxInf = 0;
        for (let k = from; k < to; k++) {
          const a = coefs[k]!;
          const v = vars[k]!;
          const termLo = a > 0 ? a * lo[v]! : a * hi[v]!;
          const termHi = a > 0 ? a * hi[v]! : a * lo[v]!;
          if (termLo === -INFINITY) minInf += 1;
          else minSum += termLo;
          if (termHi === INFINITY) maxInf += 1;
          else maxSum += termHi;
        }
        const lower = lowers[c]!;
        const upper = uppers[c]!;
        for (let k = from; k < to; k++) {
          const a = coefs[k]!;
          const v = vars[k]!;
          const termLo = a > 0 ? a * lo[v]! : a * hi[v]!;
          const termHi = a > 0 ? a * hi[v]! : a * lo[v]!;
          const restMin =
            termLo === -INFINITY ? (minInf > 1 ? -INFINITY : minSum) : minInf > 0 ? -INFINITY : minSum - termLo;
          const restMax =
            termHi === INFINITY ? (maxInf > 1 ? INFINITY : maxSum) : maxInf > 0 ? INFINITY : maxSum - termHi;
          const low = lower - restMax;
          const high = upper - restMin;
          let newLo = lo[v]!;
          let newHi = hi[v]!;
          if (a > 0) {
            if (low > -INFINITY) newLo = max(newLo, ceil(low / a - EPS));
            if (high < INFINITY) newHi = min(newHi, floor(high / a + EPS));
          } else {
            if (high < INFINITY) newLo = max(newLo, ceil(high / a - EPS));
            if (low > -INFINITY) newHi = min(newHi, floor(low / a + EPS));
          }
          if (newLo !== lo[v] || newHi !== hi[v]) {
            lo[v] = newLo;
            hi[v] = newHi;
            if (newLo > newHi) fail(v);
            changed(v);
          }
        }
        continue;
      }
      const v = filterQueue.shift()!;
      filterQueued.delete(v);
      const tests = this.filters.get(v)!;
      const ok = (value: number) => tests.every((test) => test(value, bounds));
      let moved = false;
      while (lo[v]! <= hi[v]! && !ok(lo[v]!)) {
        lo[v]! += 1;
        moved = true;
      }
      while (hi[v]! < INFINITY && hi[v]! >= lo[v]! && !ok(hi[v]!)) {
        hi[v]! -= 1;
        moved = true;
      }
      if (lo[v]! > hi[v]!) fail(v);
      if (moved) changed(v);
    }
    this.los = Array.from(lo);
    this.his = Array.from(hi);
  }
}
