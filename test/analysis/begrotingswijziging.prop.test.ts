/**
 * Properties of the begrotingswijziging: for any budget (any tags lastenbaten and programme, on lines and
 * components, valid or not) and any scenario, the lasten/baten split adds back to the saldo difference exactly, per
 * line, programme and total, and structural plus incidental is the whole; a technical wijziging of moves only is
 * neutral, and one extra amount in a year fails the check in exactly that year; the rounded table adds up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../src/core/decimal.js';
import { loadBudget } from '../../src/evaluate/load.js';
import { applyScenario } from '../../src/evaluate/apply-scenario.js';
import { compareScenarios } from '../../src/analysis/compare.js';
import { begrotingswijziging, type Begrotingswijziging } from '../../src/analysis/begrotingswijziging.js';
import { begrotingswijzigingTable } from '../../src/report/begrotingswijziging-table.js';
import { roundTable } from '../../src/report/allocate.js';
import { budget as builder } from '../../src/evaluate/builder.js';
import type { BudgetDocument } from '../../src/document/format.js';
import type { Budget } from '../../src/model/budget.js';
import type { Change, Scenario } from '../../src/scenario/types.js';
import { budgetDocumentArb, coverScenarioArb, scenarioArb, stackedScenarioArb, withCoverArb } from '../../src/testing/index.js';

const numRuns = process.env.MEERJAREN_DEEP ? 5000 : 100;

/** Tags a row may carry: a side (valid or not), a programme (also ids like __proto__), or neither. */
const tagsArb = fc.record(
  {
    lastenbaten: fc.constantFrom('lasten', 'baten', 'Lasten', 'bogus'),
    programme: fc.constantFrom('2', '4', '', '__proto__', 'toString'),
  },
  { requiredKeys: [] },
);

type Tagged = { readonly tags?: Readonly<Record<string, string>> | undefined };

/** A budget document from the public arbitrary with random side and programme tags on the budget, lines and components. */
function taggedBudgetArb(): fc.Arbitrary<Budget> {
  return budgetDocumentArb({ maxYears: 5, maxSections: 3, maxLines: 4, maxComponents: 2, maxMicros: 10n ** 15n }).chain((doc) => {
    const rows = doc.sections.flatMap((s) => s.lines.flatMap((l) => [l, ...(l.components ?? [])]));
    return fc.tuple(fc.array(tagsArb, { minLength: rows.length, maxLength: rows.length }), tagsArb).map(([tags, whole]) => {
      let n = 0;
      const tag = <T extends Tagged>(row: T): T => ({ ...row, tags: { ...(row.tags ?? {}), ...tags[n++] } });
      const tagged: BudgetDocument = {
        ...doc,
        tags: { ...(doc.tags ?? {}), ...(whole.programme === undefined ? {} : { programme: whole.programme }) },
        sections: doc.sections.map((s) => ({ ...s, lines: s.lines.map((l) => ({ ...tag(l), ...(l.components === undefined ? {} : { components: l.components.map((c) => tag(c)) }) })) })),
      };
      return loadBudget(tagged);
    });
  });
}

/** Every figure of a wijziging: lasten/baten add back, structural + incidental is the whole, lines sum to programmes and the total. */
function expectConsistent(w: Begrotingswijziging): void {
  const years = w.years.map(String);
  for (const y of years) {
    const lines = w.programmes.flatMap((p) => p.lines);
    for (const f of [...lines.map((l) => l.years[y]!), ...w.programmes.map((p) => p.years[y]!), w.total[y]!]) {
      expect(f.baten.minus(f.lasten).eq(f.saldo)).toBe(true);
      expect(f.structural.saldo.plus(f.incidental.saldo).eq(f.saldo)).toBe(true);
      expect(f.structural.lasten.plus(f.incidental.lasten).eq(f.lasten)).toBe(true);
      expect(f.structural.baten.plus(f.incidental.baten).eq(f.baten)).toBe(true);
    }
    for (const p of w.programmes) expect(p.lines.reduce((s, l) => s.plus(l.years[y]!.lasten), ZERO).eq(p.years[y]!.lasten)).toBe(true);
    expect(w.programmes.reduce((s, p) => s.plus(p.years[y]!.baten), ZERO).eq(w.total[y]!.baten)).toBe(true);
    expect(w.saldoAfterReserves[y]!.eq(w.total[y]!.saldo.plus(w.reserves?.[y]?.mutations ?? ZERO))).toBe(true);
    if (w.reserves !== undefined) expect(w.reserves[y]!.structural.plus(w.reserves[y]!.incidental).eq(w.reserves[y]!.mutations)).toBe(true);
  }
  for (const p of w.programmes) for (const l of p.lines) expect(l.inferred).toBe(l.sides.some((s) => s.declared === undefined));
}

describe('begrotingswijziging: properties', () => {
  it('the lasten/baten split adds back to the saldo difference of compareScenarios exactly, for any scenario and any tags', () => {
    fc.assert(
      fc.property(
        taggedBudgetArb().chain((budget) => scenarioArb(budget, { extremes: false }).map((scenario) => ({ budget, scenario }))),
        ({ budget, scenario }) => {
          const w = begrotingswijziging(budget, scenario);
          const c = compareScenarios(budget, applyScenario(budget, scenario));
          for (const year of w.years) {
            expect(w.total[year]!.saldo.eq(c.total.years[year]!.amount)).toBe(true);
            expect(w.total[year]!.structural.saldo.eq(c.total.years[year]!.structural)).toBe(true);
          }
          expectConsistent(w);
          // every line whose saldo changes is listed, in some programme
          const listed = new Set(w.programmes.flatMap((p) => p.lines.map((l) => l.id)));
          for (const line of c.lines) if (Object.values(line.years).some((d) => !d.amount.isZero())) expect(listed.has(line.id)).toBe(true);
          // the dekking paragraph has one entry per change applied, in order
          expect(w.dekking.map((d) => d.change)).toEqual(scenario.changes.map((_, i) => i));
        },
      ),
      { numRuns },
    );
  });

  it('a stacked or combined scenario (extends) gives the figures of its changes in one list, and a dekking paragraph in the order applied', () => {
    fc.assert(
      fc.property(
        taggedBudgetArb().chain((budget) => stackedScenarioArb(budget).map((stacked) => ({ budget, ...stacked }))),
        ({ budget, scenario, library, flat }) => {
          const w = begrotingswijziging(budget, scenario, { library });
          const f = begrotingswijziging(budget, flat);
          for (const year of w.years) expect(w.total[year]).toEqual(f.total[year]);
          expect(w.programmes).toEqual(f.programmes);
          expect(w.dekking.map((d) => [d.kind, d.note, d.lines])).toEqual(f.dekking.map((d) => [d.kind, d.note, d.lines]));
          // the changes of each scenario come together, in the order of w.scenarios
          const order = w.scenarios.map((x) => x.id);
          const seen = w.dekking.map((d) => order.indexOf(d.scenario));
          expect([...seen].sort((x, y) => x - y)).toEqual(seen);
        },
      ),
      { numRuns },
    );
  });

  it('with cover and reserves: the reserve mutations are the parts of the saldo after reserves, structural and incidental', () => {
    fc.assert(
      fc.property(
        taggedBudgetArb()
          .chain((budget) => withCoverArb(budget))
          .chain((budget) => coverScenarioArb(budget).map((scenario) => ({ budget, scenario }))),
        ({ budget, scenario }) => {
          const w = begrotingswijziging(budget, scenario);
          expectConsistent(w);
          const hasReserve = Object.values(budget.cover?.sources ?? {}).some((s) => s.reserve !== undefined);
          expect(w.reserves !== undefined).toBe(hasReserve);
        },
      ),
      { numRuns },
    );
  });

  it('a version step (two budgets) adds up the same way, over the years both horizons hold', () => {
    fc.assert(
      fc.property(taggedBudgetArb(), taggedBudgetArb(), (a, b) => {
        const w = begrotingswijziging(a, b);
        expect(w.years).toEqual(a.horizon.years.filter((y) => b.horizon.years.includes(y)));
        expectConsistent(w);
      }),
      { numRuns },
    );
  });
});

/** A budget of amounts only (no pm, so every move applies) over 2026-2029, with random sides. */
const plainArb = fc
  .array(fc.tuple(fc.array(fc.integer({ min: -9000, max: 9000 }), { minLength: 4, maxLength: 4 }), fc.constantFrom<Record<string, string>>({}, { lastenbaten: 'lasten' }, { lastenbaten: 'baten' }), fc.constantFrom('incidental' as const, 'structural' as const)), { minLength: 2, maxLength: 6 })
  .map((lines) => {
    let b = builder({ title: 'T', unit: 'euro', horizon: { from: 2026, to: 2029 }, tags: { programme: '2' } }).section('1', 'S');
    lines.forEach(([values, tags, nature], i) => (b = b.line(`L${i}`, `Regel ${i}`, values, { nature, tags: { ...tags, programme: i % 2 === 0 ? '2' : '4' } })));
    return { budget: b.build(), count: lines.length };
  });

/** Moves between lines of the budget: technical by construction. */
function movesArb(count: number): fc.Arbitrary<Change[]> {
  return fc.array(
    fc.tuple(fc.nat(count - 1), fc.nat(count - 1), fc.integer({ min: -5000, max: 5000 }), fc.subarray([2026, 2027, 2028, 2029], { minLength: 1 })).filter(([f, t]) => f !== t),
    { minLength: 1, maxLength: 4 },
  ).map((moves) => moves.map(([f, t, amount, years]): Change => ({ kind: 'move-amount', from: `L${f}`, to: `L${t}`, years, amount: String(amount), note: `verschuiving ${f} naar ${t}` })));
}

describe('begrotingswijziging: neutrality of a technical wijziging', () => {
  it('moves only: neutral, no finding; one more amount in a year: not neutral in exactly that year, by that amount', () => {
    fc.assert(
      fc.property(
        plainArb.chain(({ budget, count }) => fc.tuple(fc.constant(budget), movesArb(count), fc.nat(count - 1), fc.constantFrom(2026, 2027, 2028, 2029), fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0))),
        ([budget, moves, line, year, extra]) => {
          const technical: Scenario = { id: 't', title: 'Technisch', changes: moves };
          const w = begrotingswijziging(budget, technical, { technical: true });
          expect(w.neutrality).toEqual({ neutral: true, years: [] });
          expect(w.findings).toEqual([]);
          expectConsistent(w);
          const off: Scenario = { id: 'o', title: 'Niet neutraal', changes: [...moves, { kind: 'set-amount', line: `L${line}`, years: [year], value: { add: String(extra) } }] };
          // an extra amount on a moved cell would conflict with the moves' { add }: additive changes commute
          const v = begrotingswijziging(budget, off, { technical: true });
          expect(v.neutrality!.neutral).toBe(false);
          expect(v.neutrality!.years.map((y) => [y.year, y.saldo.toFixed()])).toEqual([[year, String(extra)]]);
          expect(v.findings.map((f) => f.code)).toEqual(['not_neutral']);
          expect(v.findings[0]!.message).toContain(`${year} by ${extra}`);
        },
      ),
      { numRuns },
    );
  });
});

describe('begrotingswijziging table: rounded rows add up', () => {
  it('for any wijziging and presentation: totals are the sum of their printed parts, saldo is lasten plus baten, or an afrondingsverschil row says by how much', () => {
    const presentationArb = fc.record({ unit: fc.constantFrom('thousand' as const, 'million' as const), decimals: fc.integer({ min: 0, max: 1 }), rounding: fc.constantFrom('consistent' as const, 'plain' as const) });
    fc.assert(
      fc.property(
        plainArb.chain(({ budget, count }) => fc.tuple(fc.constant(budget), movesArb(count), fc.array(fc.tuple(fc.nat(count - 1), fc.integer({ min: -900_000, max: 900_000 })), { maxLength: 3 }))),
        presentationArb,
        ([budget, moves, extras], presentation) => {
          const changes: Change[] = [...moves, ...extras.map(([l, n]): Change => ({ kind: 'set-amount', line: `L${l}`, years: { from: 2027 }, value: { add: String(n) } }))];
          const w = begrotingswijziging(budget, { id: 's', title: 'S', changes });
          const table = begrotingswijzigingTable(w, { presentation });
          const rounded = roundTable(table, presentation);
          const rows = rounded.rows;
          const byId = new Map(rows.map((r) => [r.id, r]));
          const at = (id: string, c: number) => byId.get(id)?.cells[c]?.amount ?? ZERO;
          rows.forEach((row, r) => {
            if (row.kind === 'heading' || row.kind === 'note' || row.kind === 'rounding') return;
            for (let c = 0; c < table.columns.length; c++) {
              if (row.of !== undefined) {
                const sum = row.of.reduce((s, id) => s.plus(at(id, c)), ZERO);
                const next = rows[r + 1];
                const diff = next?.kind === 'rounding' && next.id === `${row.id}.afrondingsverschil` ? (next.cells[c]?.amount ?? ZERO) : ZERO;
                expect(at(row.id, c).eq(sum.plus(diff))).toBe(true);
              }
              if (c % 3 === 2) {
                const diffRow = byId.get(`${row.id}.afrondingsverschil-saldo`);
                const d = diffRow?.cells[c]?.amount ?? ZERO;
                expect(at(row.id, c).eq(at(row.id, c - 2).plus(at(row.id, c - 1)).plus(d))).toBe(true);
              }
            }
          });
          for (let c = 0; c < table.columns.length; c++) {
            const d = byId.get('natures.afrondingsverschil')?.cells[c]?.amount ?? ZERO;
            expect(at('total', c).eq(at('structural', c).plus(at('incidental', c)).plus(d))).toBe(true);
          }
          // the exact table holds the wijziging's figures: saldo column is the scenario's saldo difference
          const totalRow = table.rows.find((r) => r.id === 'total')!;
          w.years.forEach((y, i) => expect(totalRow.cells[3 * i + 2]!.amount!.eq(w.total[y]!.saldo)).toBe(true));
          void Dec;
        },
      ),
      { numRuns },
    );
  });
});
