/**
 * The parts of `scenarioChangesArb`: the rows of a budget and the arbitraries of its amounts, the changes of one
 * line, the level of changes on the baseline, and the added lines with the changes that follow them. The values
 * drawn for a seed are those of the one function they were cut from: the same arbitraries, in the same order.
 * @internal
 * @module
 */
import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import type { Budget } from '../model/budget.js';
import type { Change, ValueSpec } from '../scenario/types.js';

/** The options of a draw that shape its values (a part of `ScenarioArbOptions`). */
interface DrawOptions {
  readonly maxChanges?: number;
  readonly fractional?: boolean;
  readonly extremes?: boolean;
}

interface ScenarioRow {
  readonly id: string;
  readonly line: string;
  readonly cells: Readonly<Record<string, unknown>>;
}

const isPmValue = (cell: unknown): boolean => typeof cell === 'object' && cell !== null && (cell as { kind?: unknown }).kind === 'pm';

const EXTREME_AMOUNTS = ['999999999999999999.999999', '-999999999999999999.999999', '0.000001', '-0.000001', '123456789012345678.123456'];

/** What every part of a draw reads: the budget's lines and rows, its years and the arbitraries of amounts. */
export interface ChangeDraw {
  /** The baseline. */
  readonly budget: Budget;
  /** The ids of its lines, in order. */
  readonly lines: readonly string[];
  /** The rows (lines and components) of each line. */
  readonly byLine: ReadonlyMap<string, readonly ScenarioRow[]>;
  /** The years of its horizon. */
  readonly years: readonly number[];
  /** Whether amounts reach the extremes (in euros). */
  readonly extremes: boolean;
  /** Amounts of a few thousand in the budget's unit. */
  readonly plainAmountArb: Arbitrary<string>;
  /** Amounts in the scenario's unit. */
  readonly amountArb: Arbitrary<string>;
  /** Percentages. */
  readonly percentArb: Arbitrary<string>;
  /** Index rates. */
  readonly rateArb: Arbitrary<string>;
}

/** The rows of a budget and the arbitraries of its amounts. */
export function changeDraw(budget: Budget, options: DrawOptions): ChangeDraw {
  const lines: string[] = [];
  const rows: ScenarioRow[] = [];
  for (const s of budget.sections) {
    for (const l of s.lines) {
      lines.push(l.id);
      // a subtotal line's own row only prints the sum of its components: changes name a component
      if (l.row !== 'subtotal') rows.push({ id: l.id, line: l.id, cells: l.values });
      for (const c of l.components) rows.push({ id: c.id, line: l.id, cells: c.values });
    }
  }
  const extremes = options.extremes ?? false;
  const fractional = options.fractional ?? true;
  const scale = budget.presentation.unit === 'euro' ? 1 : budget.presentation.unit === 'thousand' ? 1000 : 1_000_000;
  // amounts in the scenario's unit: the budget's, or euros for the extremes
  const plainAmountArb = fc.integer({ min: -3000, max: 3000 }).map(String);
  const amountArb = extremes
    ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -3000 * scale, max: 3000 * scale }).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...EXTREME_AMOUNTS) })
    : plainAmountArb;
  const percentArb = fractional
    ? fc.oneof(fc.integer({ min: 0, max: 200 }).map(String), fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 999_999 })).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`))
    : fc.integer({ min: 0, max: 200 }).map(String);
  const rateArb = fractional
    ? fc.oneof(fc.integer({ min: -50, max: 100 }).map((r) => (r / 10).toString()), fc.tuple(fc.integer({ min: -9, max: 12 }), fc.integer({ min: 1, max: 9999 })).map(([w, f]) => `${w < 0 ? '-' : ''}${Math.abs(w)}.${String(f).padStart(4, '0')}`))
    : fc.integer({ min: -50, max: 100 }).map((r) => (r / 10).toString());
  const byLine = new Map<string, ScenarioRow[]>();
  for (const r of rows) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
  return { budget, lines, byLine, years: budget.horizon.years, extremes, plainAmountArb, amountArb, percentArb, rateArb };
}

/** The changes of one line (and a move to `partner`, when given). */
function changeFor(draw: ChangeDraw, line: string, partner: string | undefined): Arbitrary<Change> {
  const { years, amountArb, percentArb, plainAmountArb, byLine } = draw;
  const yearsArb = fc.subarray([...years], { minLength: 1 });
  const numericYears = (row: ScenarioRow): number[] => years.filter((y) => !isPmValue(row.cells[y]));
  const pmYears = (row: ScenarioRow): number[] => years.filter((y) => isPmValue(row.cells[y]));
  const lineRows = byLine.get(line) ?? [];
  const drop = fc.constant<Change>({ kind: 'drop-line', line });
  if (lineRows.length === 0) return drop;
  const own = lineRows.some((r) => r.id === line) ? line : lineRows[0]!.id;
  const choices: Arbitrary<Change>[] = [];
  choices.push(
    fc.tuple(fc.constantFrom(...lineRows), yearsArb, fc.oneof(amountArb, fc.constantFrom<ValueSpec>('pm', '-pm', null))).map(([r, ys, value]): Change => {
      // blanking every value of a row would leave a line (or component) the loader refuses: keep one
      const mayEmpty = r.id === r.line && lineRows.length > 1;
      const keeps = mayEmpty || years.some((y) => r.cells[y] !== undefined && !ys.includes(y));
      return value === null && !keeps ? { kind: 'set-amount', line: r.id, years: ys, value: '0' } : { kind: 'set-amount', line: r.id, years: ys, value };
    }),
    fc.tuple(yearsArb, percentArb).map(([ys, p]): Change => ({ kind: 'set-amount', line: own, years: ys, value: { percent: p } })),
    drop,
  );
  const addable = lineRows.filter((r) => numericYears(r).length > 0);
  if (addable.length > 0) {
    choices.push(fc.constantFrom(...addable).chain((r) => fc.tuple(fc.subarray(numericYears(r), { minLength: 1 }), amountArb).map(([ys, a]): Change => ({ kind: 'set-amount', line: r.id, years: ys, value: { add: a } }))));
  }
  const estimable = lineRows.filter((r) => pmYears(r).length > 0);
  if (estimable.length > 0) {
    choices.push(
      fc.tuple(fc.constantFrom(...estimable), plainAmountArb, fc.nat(500), fc.nat(500), fc.boolean()).map(([r, likely, down, up, single]): Change => ({
        kind: 'estimate-pm',
        line: r.id,
        value: single ? likely : { low: String(Number(likely) - down), likely, high: String(Number(likely) + up) },
      })),
    );
  }
  if (partner !== undefined) {
    const a = lineRows[0];
    const b = (byLine.get(partner) ?? [])[0];
    if (a !== undefined && b !== undefined) {
      const common = years.filter((y) => !isPmValue(a.cells[y]) && !isPmValue(b.cells[y]));
      if (common.length > 0) choices.push(fc.tuple(fc.subarray(common, { minLength: 1 }), amountArb).map(([ys, amount]): Change => ({ kind: 'move-amount', from: a.id, to: b.id, years: ys, amount })));
    }
  }
  return fc.oneof(...choices);
}

/** The changes on the baseline's lines: at most `maxChanges` lines, each changed once (a move takes two). */
export function levelArb(draw: ChangeDraw, options: DrawOptions): Arbitrary<Change[]> {
  const { lines } = draw;
  return fc.shuffledSubarray([...lines], { minLength: 0, maxLength: Math.min(options.maxChanges ?? 5, lines.length) }).chain((chosen) => {
    const pairs = chosen.map((line, i) => fc.tuple(fc.boolean(), fc.constant(line), fc.constant(chosen[i + 1])));
    return fc.tuple(...pairs).chain((picked) => {
      // a move uses the next line as its partner; that line then gets no change of its own
      const used = new Set<string>();
      const arbs: Arbitrary<Change>[] = [];
      for (const [withPartner, line, next] of picked) {
        if (used.has(line)) continue;
        used.add(line);
        const partner = withPartner && next !== undefined && !used.has(next) ? next : undefined;
        if (partner !== undefined) used.add(partner);
        arbs.push(changeFor(draw, line, partner));
      }
      return arbs.length === 0 ? fc.constant<Change[]>([]) : fc.tuple(...arbs).map((cs) => [...cs]);
    });
  });
}

/** One added line as drawn: where it goes, its values, and what changes it next. */
export interface AddedDraw {
  readonly section: string;
  readonly where: number;
  readonly place: 'end' | 'after-baseline' | 'after-added';
  readonly values: (string | undefined)[];
  readonly components: (string | undefined)[][];
  readonly then: 'none' | 'add' | 'percent' | 'drop' | 'index';
  readonly amount: string;
  readonly percent: string;
}

/** An added line as drawn. */
export function addedArb(draw: ChangeDraw): Arbitrary<AddedDraw> {
  const { years, amountArb, percentArb, extremes, budget } = draw;
  const valuesArb = fc.array(fc.option(fc.oneof({ weight: 4, arbitrary: amountArb }, { weight: 1, arbitrary: fc.constant('pm') }), { nil: undefined }), { minLength: years.length, maxLength: years.length });
  // a budget without sections gets no added lines (scenarioChangesArb draws none); the record is still built
  const sections = budget.sections.map((s) => s.id);
  return fc.record({
    section: sections.length === 0 ? fc.constant('') : fc.constantFrom(...sections),
    where: fc.nat(1000),
    place: fc.constantFrom('end' as const, 'after-baseline' as const, 'after-added' as const),
    values: valuesArb,
    components: fc.array(valuesArb, { maxLength: extremes ? 2 : 1 }),
    then: fc.constantFrom('none' as const, 'add' as const, 'percent' as const, 'drop' as const, 'index' as const),
    amount: amountArb,
    percent: percentArb,
  });
}

/**
 * The level's changes, then the added lines (each placed at the end, after a baseline line or after a line added
 * before it), the changes that follow them, and the index changes over the lines that are left.
 */
export function withAddedLines(draw: ChangeDraw, level: readonly Change[], live: readonly string[], adds: readonly AddedDraw[], indexes: readonly (readonly [number, number[], string])[], dependent: boolean): Change[] {
  const { budget, years, extremes } = draw;
  const out: Change[] = [...level];
  const after: Change[] = [];
  const indexable = [...live];
  const addedBySection = new Map<string, string[]>();
  adds.forEach((a, k) => {
    const base = `N${k + 1}`;
    const id = extremes && k === 0 ? base.padEnd(64, 'x') : base;
    const title = extremes && k === 0 ? 'T'.repeat(1000) : `Nieuw ${k + 1}`;
    const sectionLines = budget.sections.find((s) => s.id === a.section)!.lines.map((l) => l.id).filter((l) => live.includes(l));
    const added = dependent ? (addedBySection.get(a.section) ?? []) : [];
    const target =
      a.place === 'after-added' && added.length > 0 ? added[a.where % added.length] : a.place === 'after-baseline' && sectionLines.length > 0 ? sectionLines[a.where % sectionLines.length] : undefined;
    const write = (values: readonly (string | undefined)[]): Record<string, string> => Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[String(years[i]), v]])));
    const components = a.components.filter((vs) => vs.some((v) => v !== undefined)).map((vs, n) => ({ title: `${title.slice(0, 990)} ${n + 1}`, values: write(vs) }));
    // a line needs a value in some year (or a component with one): the loader refuses it otherwise
    const values = components.length === 0 && a.values.every((v) => v === undefined) ? { [String(years[0])]: a.amount } : write(a.values);
    out.push({ kind: 'add-line', section: a.section, ...(target === undefined ? {} : { after: target }), line: { id, title, nature: 'structural', values, ...(components.length > 0 ? { components } : {}) } });
    addedBySection.set(a.section, [...(addedBySection.get(a.section) ?? []), id]);
    const numeric = years.filter((y) => values[String(y)] !== undefined && values[String(y)] !== 'pm');
    if (!dependent) {
      indexable.push(id);
      return;
    }
    if (a.then === 'add' && numeric.length > 0) after.push({ kind: 'set-amount', line: id, years: numeric, value: { add: a.amount } });
    else if (a.then === 'percent' && numeric.length > 0) after.push({ kind: 'set-amount', line: id, years: numeric, value: { percent: a.percent } });
    else if (a.then === 'drop') {
      // a dropped line is no longer a place to add after: later lines of this draw still name it only
      // when they were drawn before the drop, which comes after them
      after.push({ kind: 'drop-line', line: id });
      return;
    }
    indexable.push(id);
  });
  out.push(...after);
  for (const [pick, ys, rate] of indexes) {
    if (indexable.length === 0) break;
    const chosen = indexable.filter((_, i) => (pick >> i) % 2 === 1 || i === pick % indexable.length);
    out.push({ kind: 'index', select: { lines: chosen }, rates: Object.fromEntries(ys.map((y) => [String(y), rate])) });
  }
  return out;
}
