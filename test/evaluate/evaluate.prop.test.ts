import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, budgetToJson, evaluate, loadBudget, type BudgetDocument } from '../../src/index.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const MICRO = 1_000_000n;

/** An amount in micro-euros (up to 18 digits before and 6 after the decimal point) and its plain string. */
const microArb = fc.bigInt({ min: -(10n ** 24n) + 1n, max: 10n ** 24n - 1n });
function microToString(m: bigint): string {
  const sign = m < 0n ? '-' : '';
  const abs = m < 0n ? -m : m;
  const frac = (abs % MICRO).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${abs / MICRO}${frac ? '.' + frac : ''}`;
}

type CellSpec = { kind: 'amount'; micro: bigint } | { kind: 'pm' };
interface RowSpec { nature: 'incidental' | 'structural'; cells: (CellSpec | null)[] }
interface LineSpec extends RowSpec { components: RowSpec[] }
interface DocSpec { from: number; years: number; sections: LineSpec[][] }

const cellArb = fc.oneof({ weight: 6, arbitrary: microArb.map((micro): CellSpec => ({ kind: 'amount', micro })) }, { weight: 1, arbitrary: fc.constant<CellSpec>({ kind: 'pm' }) }, { weight: 3, arbitrary: fc.constant(null) });
const rowArb = (years: number) => fc.record({ nature: fc.constantFrom('incidental' as const, 'structural' as const), cells: fc.array(cellArb, { minLength: years, maxLength: years }) });
const docArb: fc.Arbitrary<DocSpec> = fc
  .record({ from: fc.integer({ min: 2020, max: 2030 }), years: fc.integer({ min: 1, max: 7 }) })
  .chain(({ from, years }) =>
    fc.record({
      from: fc.constant(from),
      years: fc.constant(years),
      sections: fc.array(
        fc.array(
          fc.record({ nature: fc.constantFrom('incidental' as const, 'structural' as const), cells: fc.array(cellArb, { minLength: years, maxLength: years }), components: fc.array(rowArb(years), { maxLength: 3 }) }),
          { minLength: 1, maxLength: 5 },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  );

function toValues(cells: (CellSpec | null)[], from: number): Record<string, string> {
  const out: Record<string, string> = {};
  cells.forEach((c, i) => {
    if (c !== null) out[String(from + i)] = c.kind === 'pm' ? 'pm' : microToString(c.micro);
  });
  return out;
}

function toDoc(spec: DocSpec, order: (lines: { id: string; line: Record<string, unknown> }[]) => { id: string; line: Record<string, unknown> }[][] = (l) => [l]): BudgetDocument {
  const lines: { id: string; line: Record<string, unknown> }[] = [];
  spec.sections.forEach((section, si) =>
    section.forEach((l, li) => {
      const id = `${si + 1}.${li + 1}`;
      const hasOwn = l.cells.some((c) => c !== null);
      const line: Record<string, unknown> = { id, title: `line ${id}`, nature: l.nature, row: 'amount' };
      if (hasOwn || l.components.length === 0) line['values'] = hasOwn ? toValues(l.cells, spec.from) : { [String(spec.from)]: '0' };
      if (l.components.length > 0) line['components'] = l.components.map((c, ci) => ({ title: `c${ci}`, nature: c.nature, values: c.cells.some((x) => x !== null) ? toValues(c.cells, spec.from) : { [String(spec.from)]: 'pm' } }));
      lines.push({ id, line });
    }),
  );
  return {
    version: 1,
    title: 'generated',
    unit: 'euro',
    horizon: { from: spec.from, to: spec.from + spec.years - 1 },
    sections: order(lines).map((group, gi) => ({ id: String(gi + 1), title: `s${gi}`, lines: group.map((g) => g.line) })) as unknown as BudgetDocument['sections'],
  };
}

/** The oracle: BigInt micro-euros of every cell, summed per year. */
function oracle(doc: BudgetDocument): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  const add = (values: unknown): void => {
    for (const [year, v] of Object.entries((values ?? {}) as Record<string, string>)) {
      if (v === 'pm') continue;
      const [int, frac = ''] = v.replace('-', '').split('.');
      const micro = BigInt(int!) * MICRO + BigInt(frac.padEnd(6, '0'));
      totals.set(year, (totals.get(year) ?? 0n) + (v.startsWith('-') ? -micro : micro));
    }
  };
  for (const s of doc.sections) for (const l of s.lines) {
    add(l.values);
    for (const c of l.components ?? []) add(c.values);
  }
  return totals;
}

const asMicro = (d: { times(n: number): { toFixed(): string } }): bigint => BigInt(d.times(1_000_000).toFixed());

describe('evaluation properties', () => {
  it('every total equals the BigInt micro-euro oracle, and structural + incidental = total', () => {
    fc.assert(
      fc.property(docArb, (spec) => {
        const doc = toDoc(spec);
        const e = evaluate(loadBudget(doc));
        const o = oracle(doc);
        for (const year of e.years) {
          const t = e.total[year]!;
          expect(asMicro(t.amount)).toBe(o.get(String(year)) ?? 0n);
          expect(t.structural.plus(t.incidental).eq(t.amount)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('totals do not depend on the order or grouping of lines', () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 1, max: 5 }), fc.infiniteStream(fc.nat()), (spec, groups, stream) => {
        const a = evaluate(loadBudget(toDoc(spec)));
        const shuffled = toDoc(spec, (lines) => {
          const copy = [...lines];
          const it = stream[Symbol.iterator]();
          for (let i = copy.length - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          const out: (typeof lines)[] = Array.from({ length: groups }, () => []);
          copy.forEach((l, i) => out[i % groups]!.push(l));
          return out.filter((g) => g.length > 0);
        });
        const b = evaluate(loadBudget(shuffled));
        for (const year of a.years) {
          expect(b.total[year]!.amount.eq(a.total[year]!.amount)).toBe(true);
          const sectionSum = b.sections.reduce((acc, s) => acc.plus(s.totals[year]!.amount), new Dec(0));
          expect(sectionSum.eq(b.total[year]!.amount)).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  it('a pm never changes a known total, and the total says it holds one', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (spec, pick) => {
        const before = evaluate(loadBudget(toDoc(spec)));
        // turn one blank own cell into pm
        const lines = spec.sections.flat();
        const line = lines[pick % lines.length]!;
        const blank = line.cells.findIndex((c) => c === null);
        fc.pre(blank >= 0 && line.cells.some((c) => c !== null));
        const withPm: DocSpec = { ...spec, sections: spec.sections.map((s) => s.map((l) => (l === line ? { ...l, cells: l.cells.map((c, i) => (i === blank ? { kind: 'pm' as const } : c)) } : l))) };
        const after = evaluate(loadBudget(toDoc(withPm)));
        const year = String(spec.from + blank);
        expect(after.total[year]!.amount.eq(before.total[year]!.amount)).toBe(true);
        expect(after.total[year]!.pm.length).toBeGreaterThan(0);
      }),
      { numRuns },
    );
  });

  it('a JSON round trip gives an equal budget, and evaluation leaves its input untouched', () => {
    fc.assert(
      fc.property(docArb, (spec) => {
        const b = loadBudget(toDoc(spec));
        const json = budgetToJson(b);
        const again = loadBudget(json);
        expect(again).toEqual(b);
        evaluate(b);
        expect(budgetToJson(b)).toBe(json);
        expect(Object.isFrozen(b.sections[0]!.lines[0]!.values)).toBe(true);
      }),
      { numRuns },
    );
  });
});
