import fc from 'fast-check';
import { isPm, type Budget, type Cell } from '../../src/budget/model.js';
import { loadBudget } from '../../src/document/load.js';
import type { BudgetDocument, LineDocument, SectionDocument } from '../../src/document/format.js';
import type { Change, Scenario, ValueSpec } from '../../src/scenario/types.js';

/** A small budget document: 2-5 years, 1-3 sections, 1-4 lines each, some with components, amounts, pm and nil. */
export function budgetDocArb(): fc.Arbitrary<BudgetDocument> {
  const cellArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -5000, max: 5000 }).map((n) => String(n)) },
    { weight: 1, arbitrary: fc.constantFrom('pm', '-pm') },
    { weight: 2, arbitrary: fc.constant(null) },
  );
  return fc.integer({ min: 2, max: 5 }).chain((years) => {
    const valuesArb = fc.array(cellArb, { minLength: years, maxLength: years }).map((vs) => (vs.every((v) => v === null) ? ['0', ...vs.slice(1)] : vs));
    const lineArb = fc.record({
      nature: fc.constantFrom('incidental' as const, 'structural' as const),
      goal: fc.constantFrom('2.1', '2.2'),
      values: valuesArb,
      components: fc.array(valuesArb, { maxLength: 2 }),
    });
    return fc.array(fc.array(lineArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }).map((sections): BudgetDocument => {
      let n = 0;
      const docs: SectionDocument[] = sections.map((lines, si) => ({
        id: String(si + 1),
        title: `Onderdeel ${si + 1}`,
        lines: lines.map((l): LineDocument => {
          n += 1;
          return {
            id: `L${n}`,
            title: `Regel ${n}`,
            nature: l.nature,
            tags: { goal: l.goal },
            row: 'amount',
            values: l.values,
            components: l.components.map((values, ci) => ({ title: `onderdeel ${ci + 1}`, values })),
          };
        }),
      }));
      return { version: 1, title: 'Arbitraire begroting', unit: 'thousand', horizon: { from: 2026, to: 2026 + years - 1 }, sections: docs };
    });
  });
}

/** A frozen budget from {@link budgetDocArb}. */
export function budgetArb(): fc.Arbitrary<Budget> {
  return budgetDocArb().map((doc) => loadBudget(doc));
}

interface RowInfo {
  readonly id: string;
  readonly line: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

function rowsOf(budget: Budget): { lines: string[]; rows: RowInfo[] } {
  const lines: string[] = [];
  const rows: RowInfo[] = [];
  for (const s of budget.sections) {
    for (const l of s.lines) {
      lines.push(l.id);
      rows.push({ id: l.id, line: l.id, cells: l.values });
      for (const c of l.components) rows.push({ id: c.id, line: l.id, cells: c.values });
    }
  }
  return { lines, rows };
}

const amountArb = fc.integer({ min: -3000, max: 3000 }).map(String);

/**
 * Changes for a budget, one per line and each on a different line (so they never conflict and never refer
 * to a dropped line), plus optional index changes and added lines. Valid by construction.
 * @param budget - the baseline
 * @param options - `index: false` leaves out index changes; `add: false` leaves out added lines
 */
export function changesArb(budget: Budget, options: { index?: boolean; add?: boolean; maxChanges?: number } = {}): fc.Arbitrary<Change[]> {
  const { lines, rows } = rowsOf(budget);
  const years = budget.horizon.years;
  const yearsArb = fc.subarray([...years], { minLength: 1 });
  const byLine = new Map<string, RowInfo[]>();
  for (const r of rows) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
  const numericYears = (row: RowInfo): number[] => years.filter((y) => !isPm(row.cells[y]));
  const pmYears = (row: RowInfo): number[] => years.filter((y) => isPm(row.cells[y]));

  const changeFor = (line: string, partner: string | undefined): fc.Arbitrary<Change> => {
    const lineRows = byLine.get(line) ?? [];
    const options: fc.Arbitrary<Change>[] = [];
    const row = fc.constantFrom(...lineRows);
    options.push(
      fc.tuple(row, yearsArb, fc.oneof(amountArb, fc.constantFrom<ValueSpec>('pm', '-pm', null))).map(([r, ys, value]) => ({ kind: 'set-amount', line: r.id, years: ys, value })),
      fc.tuple(yearsArb, fc.integer({ min: 0, max: 200 })).map(([ys, p]) => ({ kind: 'set-amount', line, years: ys, value: { percent: String(p) } })),
      fc.constant({ kind: 'drop-line', line }),
    );
    const addable = lineRows.filter((r) => numericYears(r).length > 0);
    if (addable.length > 0) {
      options.push(
        fc.constantFrom(...addable).chain((r) =>
          fc.tuple(fc.subarray(numericYears(r), { minLength: 1 }), amountArb).map(([ys, a]) => ({ kind: 'set-amount', line: r.id, years: ys, value: { add: a } }) as Change),
        ),
      );
    }
    const estimable = lineRows.filter((r) => pmYears(r).length > 0);
    if (estimable.length > 0) {
      options.push(
        fc.tuple(fc.constantFrom(...estimable), amountArb, fc.nat(500), fc.nat(500), fc.boolean()).map(([r, likely, down, up, single]) => ({
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
        const common = years.filter((y) => !isPm(a.cells[y]) && !isPm(b.cells[y]));
        if (common.length > 0) {
          options.push(fc.tuple(fc.subarray(common, { minLength: 1 }), amountArb).map(([ys, amount]) => ({ kind: 'move-amount', from: a.id, to: b.id, years: ys, amount })));
        }
      }
    }
    return fc.oneof(...options);
  };

  const max = options.maxChanges ?? 5;
  return fc
    .shuffledSubarray(lines, { minLength: 0, maxLength: Math.min(max, lines.length) })
    .chain((chosen) => {
      const pairs = chosen.map((line, i) => fc.tuple(fc.boolean(), fc.constant(line), fc.constant(chosen[i + 1])));
      return fc.tuple(...pairs).chain((picked) => {
        // a move uses the next line as its partner; that line then gets no change of its own
        const used = new Set<string>();
        const arbs: fc.Arbitrary<Change>[] = [];
        for (const [withPartner, line, next] of picked) {
          if (used.has(line)) continue;
          used.add(line);
          const partner = withPartner && next !== undefined && !used.has(next) ? next : undefined;
          if (partner !== undefined) used.add(partner);
          arbs.push(changeFor(line, partner));
        }
        return arbs.length === 0 ? fc.constant([] as Change[]) : fc.tuple(...arbs).map((cs) => [...cs]);
      });
    })
    .chain((level) => {
      const extras: fc.Arbitrary<Change[]>[] = [fc.constant(level)];
      const dropped = new Set(level.filter((c) => c.kind === 'drop-line').map((c) => (c as { line: string }).line));
      const live = lines.filter((l) => !dropped.has(l));
      const extraArbs: fc.Arbitrary<Change>[] = [];
      if ((options.add ?? true) && budget.sections.length > 0) {
        extraArbs.push(
          fc.tuple(fc.constantFrom(...budget.sections.map((s) => s.id)), fc.array(fc.oneof(amountArb, fc.constant('pm')), { minLength: years.length, maxLength: years.length }), fc.nat(1000)).map(
            ([section, values, k]) => ({
              kind: 'add-line',
              section,
              line: { id: `N${k}`, title: `Nieuw ${k}`, nature: 'structural', values: Object.fromEntries(values.map((v, i) => [String(years[i]), v])) },
            }),
          ),
        );
      }
      if ((options.index ?? true) && live.length > 0) {
        extraArbs.push(
          fc.tuple(fc.subarray(live, { minLength: 1 }), fc.subarray([...years], { minLength: 1 }), fc.integer({ min: -50, max: 100 })).map(([ls, ys, r]) => ({
            kind: 'index',
            select: { lines: ls },
            rates: Object.fromEntries(ys.map((y) => [String(y), (r / 10).toString()])),
          })),
        );
      }
      if (extraArbs.length > 0) extras.push(fc.array(fc.oneof(...extraArbs), { maxLength: 2 }).map((xs) => [...level, ...dedupeAdds(xs)]));
      return fc.oneof(...extras);
    });
}

function dedupeAdds(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    if (c.kind !== 'add-line') return true;
    if (seen.has(c.line.id)) return false;
    seen.add(c.line.id);
    return true;
  });
}

/** A scenario for a budget, valid by construction. */
export function scenarioArb(budget: Budget, options: { index?: boolean; add?: boolean; maxChanges?: number } = {}): fc.Arbitrary<Scenario> {
  return changesArb(budget, options).map((changes) => ({ id: 'variant', title: 'Variant', changes }));
}

/** A budget together with a scenario for it. */
export function budgetAndScenarioArb(options: { index?: boolean; add?: boolean; maxChanges?: number } = {}): fc.Arbitrary<{ budget: Budget; scenario: Scenario }> {
  return budgetArb().chain((budget) => scenarioArb(budget, options).map((scenario) => ({ budget, scenario })));
}
