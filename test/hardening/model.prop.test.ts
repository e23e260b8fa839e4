import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MeerjarenError } from '../../src/core/errors.js';
import { plainString } from '../../src/core/decimal.js';
import type { Budget } from '../../src/model/budget.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { budgetToJson } from '../../src/validate/serialize.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { withCover } from '../../src/validate/with-cover.js';
import { evaluateCover } from '../../src/evaluate/cover.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import type { Change } from '../../src/scenario/types.js';
import { microsToPlain, plainToMicros } from '../../src/testing/index.js';

/**
 * Issue 7: a model-based test (fast-check `commands`). The real system is a frozen Budget, changed through the
 * document format (add, remove, set, pm: JSON text edited and loaded again), scenarios (`applyScenario` with
 * set-amount and index changes), cover (`withCover` + `evaluateCover`) and a serialise/load round trip. The model
 * is plain BigInt micro-euros per line and year, with pm flags; it mirrors the scenario engine's rounding
 * (percentages and indexation to cents, half-up = away from zero). After every command each yearly total, each
 * line total and each total's pm list must equal the model's.
 */

const YEARS = [2025, 2026, 2027, 2028] as const;
type Year = (typeof YEARS)[number];
type PmToken = 'pm' | '-pm' | '+pm';
type ModelCell = bigint | PmToken;

interface ModelLine {
  readonly id: string;
  readonly values: Map<Year, ModelCell>;
}
interface Model {
  lines: ModelLine[];
  nextId: number;
}
interface Real {
  budget: Budget;
}

const CENT = 10_000n; // micro-euros in a cent

/** n / d rounded half-up (away from zero), d > 0. */
function divHalfUp(n: bigint, d: bigint): bigint {
  const a = n < 0n ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return n < 0n ? -q : q;
}

/** Hundredths of a percent as a percentage string: 250 -> "2.5", -5 -> "-0.05". */
function percentText(hundredths: number): string {
  return microsToPlain(BigInt(hundredths) * CENT);
}

const toMicros = (d: { toFixed(): string }): bigint => plainToMicros(plainString(d as Parameters<typeof plainString>[0]));

type DocLine = { id: string; title: string; nature: string; values?: Record<string, string> };
type Doc = { sections: { lines: DocLine[] }[] };

function editDocument(budget: Budget, edit: (doc: Doc) => void): Budget {
  const doc = JSON.parse(budgetToJson(budget)) as Doc;
  edit(doc);
  return loadBudget(doc);
}

const cellText = (c: ModelCell): string => (typeof c === 'bigint' ? microsToPlain(c) : c);

function check(model: Model, real: Real): void {
  const evaluation = evaluate(real.budget);
  const lines = real.budget.sections.flatMap((s) => s.lines);
  expect(lines.map((l) => l.id)).toEqual(model.lines.map((l) => l.id));
  for (const year of YEARS) {
    let sum = 0n;
    const pm: string[] = [];
    for (const line of model.lines) {
      const cell = line.values.get(year);
      let lineSum = 0n;
      if (typeof cell === 'bigint') lineSum = cell;
      else if (cell !== undefined) pm.push(line.id);
      sum += lineSum;
      const result = evaluation.lines[line.id]?.totals[String(year)];
      expect(result, `${line.id} ${year}`).toBeDefined();
      expect(toMicros(result!.amount), `${line.id} ${year}`).toBe(lineSum);
      expect(result!.pm.length > 0, `${line.id} ${year} pm`).toBe(cell !== undefined && typeof cell !== 'bigint');
    }
    const total = evaluation.total[String(year)];
    expect(toMicros(total!.amount), `total ${year}`).toBe(sum);
    expect([...total!.pm].sort()).toEqual(pm.sort());
  }
}

const pick = (model: Model, n: number): ModelLine => model.lines[n % model.lines.length]!;
const hasLines = (m: Readonly<Model>): boolean => m.lines.length > 0;

function scenario(changes: Change[]): { id: string; title: string; changes: Change[] } {
  return { id: 'model', title: 'model', changes };
}

class AddLine implements fc.Command<Model, Real> {
  constructor(readonly values: readonly (ModelCell | undefined)[]) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    const id = `L${m.nextId++}`;
    const values = new Map<Year, ModelCell>();
    YEARS.forEach((y, i) => {
      const v = this.values[i];
      if (v !== undefined) values.set(y, v);
    });
    if (values.size === 0) values.set(2025, 0n);
    r.budget = editDocument(r.budget, (doc) => {
      doc.sections[0]!.lines.push({ id, title: id, nature: 'structural', values: Object.fromEntries([...values].map(([y, c]) => [String(y), cellText(c)])) });
    });
    m.lines.push({ id, values });
    check(m, r);
  }
  toString = (): string => `add(${this.values.map((v) => String(v)).join(',')})`;
}

class RemoveLine implements fc.Command<Model, Real> {
  constructor(readonly n: number) {}
  check = hasLines;
  run(m: Model, r: Real): void {
    const line = pick(m, this.n);
    r.budget = editDocument(r.budget, (doc) => {
      doc.sections[0]!.lines = doc.sections[0]!.lines.filter((l) => l.id !== line.id);
    });
    m.lines = m.lines.filter((l) => l !== line);
    check(m, r);
  }
  toString = (): string => `remove(${this.n})`;
}

class SetCell implements fc.Command<Model, Real> {
  constructor(
    readonly n: number,
    readonly year: Year,
    readonly cell: ModelCell,
  ) {}
  check = hasLines;
  run(m: Model, r: Real): void {
    const line = pick(m, this.n);
    r.budget = editDocument(r.budget, (doc) => {
      const target = doc.sections[0]!.lines.find((l) => l.id === line.id)!;
      target.values = { ...(target.values ?? {}), [String(this.year)]: cellText(this.cell) };
    });
    line.values.set(this.year, this.cell);
    check(m, r);
  }
  toString = (): string => `set(${this.n},${this.year},${String(this.cell)})`;
}

type SetSpec = { kind: 'percent'; hundredths: number } | { kind: 'add'; micros: bigint } | { kind: 'amount'; micros: bigint };

class ScenarioSet implements fc.Command<Model, Real> {
  constructor(
    readonly n: number,
    readonly years: readonly Year[],
    readonly spec: SetSpec,
  ) {}
  check = hasLines;
  run(m: Model, r: Real): void {
    const line = pick(m, this.n);
    const value =
      this.spec.kind === 'percent' ? { percent: percentText(this.spec.hundredths) } : this.spec.kind === 'add' ? { add: microsToPlain(this.spec.micros) } : microsToPlain(this.spec.micros);
    const change: Change = { kind: 'set-amount', line: line.id, years: [...this.years], value };
    const pmYears = this.years.filter((y) => {
      const c = line.values.get(y);
      return c !== undefined && typeof c !== 'bigint';
    });
    if (this.spec.kind === 'add' && pmYears.length > 0) {
      // adding to a pm post is refused, and nothing changes
      let caught: unknown;
      try {
        applyScenario(r.budget, scenario([change]));
      } catch (e) {
        caught = e;
      }
      expect(MeerjarenError.is(caught)).toBe(true);
      expect((caught as MeerjarenError).issues.map((i) => [i.code, i.path])).toContainEqual(['pm_cell', 'changes[0].value']);
      check(m, r);
      return;
    }
    r.budget = applyScenario(r.budget, scenario([change])).budget;
    for (const year of this.years) {
      const old = line.values.get(year);
      if (this.spec.kind === 'percent') {
        if (typeof old !== 'bigint') continue;
        line.values.set(year, divHalfUp(old * BigInt(this.spec.hundredths), 10n ** 8n) * CENT);
      } else if (this.spec.kind === 'add') line.values.set(year, ((old as bigint | undefined) ?? 0n) + this.spec.micros);
      else line.values.set(year, this.spec.micros);
    }
    check(m, r);
  }
  toString = (): string => `scenario(${this.n},[${this.years.join(',')}],${this.spec.kind}:${String('hundredths' in this.spec ? this.spec.hundredths : this.spec.micros)})`;
}

class Index implements fc.Command<Model, Real> {
  constructor(
    readonly picks: readonly number[],
    readonly rates: readonly (readonly [Year, number])[],
  ) {}
  check = hasLines;
  run(m: Model, r: Real): void {
    const selected = [...new Set(this.picks.map((n) => pick(m, n)))];
    const rates = new Map(this.rates);
    const change: Change = {
      kind: 'index',
      select: { lines: selected.map((l) => l.id) },
      rates: Object.fromEntries([...rates].map(([y, k]) => [String(y), percentText(k)])),
    };
    r.budget = applyScenario(r.budget, scenario([change])).budget;
    for (const year of YEARS) {
      let num = 1n;
      let den = 1n;
      for (const [y, k] of rates) {
        if (y > year) continue;
        num *= 10_000n + BigInt(k);
        den *= 10_000n;
      }
      if (num === den) continue; // a factor of exactly 1 leaves the cell as it is (not even rounded)
      for (const line of selected) {
        const old = line.values.get(year);
        if (typeof old !== 'bigint') continue;
        line.values.set(year, divHalfUp(old * num, den * CENT) * CENT);
      }
    }
    check(m, r);
  }
  toString = (): string => `index([${this.picks.join(',')}],${this.rates.map(([y, k]) => `${y}:${k}`).join(',')})`;
}

class Cover implements fc.Command<Model, Real> {
  constructor(
    readonly n: number,
    readonly capacity: readonly (bigint | undefined)[],
  ) {}
  check = hasLines;
  run(m: Model, r: Real): void {
    const line = pick(m, this.n);
    const perYear: Record<string, string> = {};
    YEARS.forEach((y, i) => {
      const c = this.capacity[i];
      if (c !== undefined) perYear[String(y)] = microsToPlain(c);
    });
    const covered = withCover(r.budget, {
      sources: [{ id: 'bron', title: 'Bron', kind: 'oad', nature: 'structural', capacity: { perYear } }],
      claims: [{ id: 'claim', target: line.id, source: 'bron' }],
    });
    const result = evaluateCover(covered);
    const claim = result.claims.find((c) => c.id === 'claim')!;
    YEARS.forEach((year, i) => {
      const cell = line.values.get(year);
      const cost = typeof cell === 'bigint' && cell < 0n ? -cell : 0n;
      const capacity = this.capacity[i] ?? 0n;
      const got = claim.years[String(year)]!;
      expect(toMicros(got.claimed), `claimed ${year}`).toBe(cost);
      expect(toMicros(got.covered) + toMicros(got.uncovered), `covered + uncovered ${year}`).toBe(cost);
      expect(toMicros(got.covered), `covered ${year}`).toBe(cost < capacity ? cost : capacity);
      expect(got.pm).toBe(cell !== undefined && typeof cell !== 'bigint');
    });
    // the cover is checked, not kept: the model has no cover
    check(m, r);
  }
  toString = (): string => `cover(${this.n},${this.capacity.map(String).join(',')})`;
}

class RoundTrip implements fc.Command<Model, Real> {
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    const text = budgetToJson(r.budget);
    r.budget = loadBudget(text);
    expect(budgetToJson(r.budget)).toBe(text);
    check(m, r);
  }
  toString = (): string => 'roundtrip';
}

// amounts: anything with 6 decimals up to 10^11 euros, or whole cents and dimes (so that rounding ties happen)
const microsArb = fc.oneof(
  fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
  fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map((c) => c * CENT),
  fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }).map((c) => c * 10n * CENT),
  fc.constant(0n),
);
// percentages and index rates in hundredths of a percent; round ones (50 %, 5 %) make ties at half a cent
const percentArb = fc.oneof(fc.integer({ min: 0, max: 15_000 }), fc.constantFrom(5_000, 2_500, 1_250, 7_500, 50, 150, 10_000));
const rateArb = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.constantFrom(500, -500, 250, -250, 200, 125));
const pmArb = fc.constantFrom<PmToken>('pm', '-pm', '+pm');
const cellArb: fc.Arbitrary<ModelCell> = fc.oneof({ arbitrary: microsArb, weight: 4 }, { arbitrary: pmArb, weight: 1 });
const yearArb = fc.constantFrom(...YEARS);
const yearsArb = fc.uniqueArray(yearArb, { minLength: 1, maxLength: YEARS.length });
const valuesArb = fc.array(fc.option(cellArb, { nil: undefined }), { minLength: YEARS.length, maxLength: YEARS.length });
const nArb = fc.nat(20);

const setSpecArb: fc.Arbitrary<SetSpec> = fc.oneof(
  percentArb.map((hundredths) => ({ kind: 'percent' as const, hundredths })),
  microsArb.map((micros) => ({ kind: 'add' as const, micros })),
  microsArb.map((micros) => ({ kind: 'amount' as const, micros })),
);

const commandsArb = fc.commands(
  [
    valuesArb.map((v) => new AddLine(v)),
    valuesArb.map((v) => new AddLine(v)), // twice: lines are added more often than removed
    nArb.map((n) => new RemoveLine(n)),
    fc.tuple(nArb, yearArb, cellArb).map(([n, y, c]) => new SetCell(n, y, c)),
    fc.tuple(nArb, yearArb, pmArb).map(([n, y, c]) => new SetCell(n, y, c)),
    fc.tuple(nArb, yearsArb, setSpecArb).map(([n, ys, s]) => new ScenarioSet(n, ys, s)),
    fc
      .tuple(fc.array(nArb, { minLength: 1, maxLength: 4 }), fc.uniqueArray(fc.tuple(yearArb, rateArb), { minLength: 1, maxLength: 4, selector: ([y]) => y }))
      .map(([picks, rates]) => new Index(picks, rates)),
    fc.tuple(nArb, fc.array(fc.option(fc.bigInt({ min: 0n, max: 10n ** 17n }), { nil: undefined }), { minLength: YEARS.length, maxLength: YEARS.length })).map(([n, c]) => new Cover(n, c)),
    fc.constant(new RoundTrip()),
  ],
  { maxCommands: 50, size: 'max' },
);

const NUM_RUNS = process.env.MEERJAREN_DEEP ? 10_000 : 200;

function initial(values: readonly (ModelCell | undefined)[]): { model: Model; real: Real } {
  const cells = new Map<Year, ModelCell>();
  YEARS.forEach((y, i) => {
    const v = values[i];
    if (v !== undefined) cells.set(y, v);
  });
  if (cells.size === 0) cells.set(2026, 1n);
  const doc = {
    version: 1,
    title: 'Model',
    unit: 'euro',
    numberFormat: 'plain',
    horizon: { from: YEARS[0], to: YEARS[YEARS.length - 1] },
    sections: [{ id: 's1', title: 'Sectie', lines: [{ id: 'L0', title: 'L0', nature: 'structural', values: Object.fromEntries([...cells].map(([y, c]) => [String(y), cellText(c)])) }] }],
  };
  const model: Model = { lines: [{ id: 'L0', values: cells }], nextId: 1 };
  const real: Real = { budget: loadBudget(doc) };
  check(model, real);
  return { model, real };
}

describe('model-based: budget operations against a BigInt model', () => {
  it(
    'every total per year equals the model after each command',
    () => {
      fc.assert(
        fc.property(valuesArb, commandsArb, (values, commands) => {
          fc.modelRun(() => initial(values), commands);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    process.env.MEERJAREN_DEEP ? 3_600_000 : 60_000,
  );
});
