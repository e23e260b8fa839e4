import fc from 'fast-check';
import { isDecimal, loadBudget, type Budget, type BudgetDocument } from '../../src/index.js';
import { uniqueIdsArb } from '../../src/testing/index.js';

/** An amount string in euros: mostly small whole euros or cents, sometimes micro-euros or huge. */
export const amountArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5_000_000, max: 5_000_000 }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: -500_000_000, max: 500_000_000 }).map((c) => centsString(BigInt(c), 2)) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((m) => centsString(m, 6)) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0', '0.10', '-2.5') },
);

/** An amount string in whole euros or cents (the engine's default unit), zero and minus zero among them. */
export const centsArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5_000_000, max: 5_000_000 }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: -500_000_000, max: 500_000_000 }).map((c) => centsString(BigInt(c), 2)) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-0', '0.10', '-2.5') },
);

/** Rare huge amounts (up to 18 integer digits) that force the BigInt path. */
export const hugeArb: fc.Arbitrary<string> = fc.bigInt({ min: -(10n ** 24n) + 1n, max: 10n ** 24n - 1n }).map((m) => centsString(m, 6));

export function centsString(units: bigint, decimals: number): string {
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  const p = 10n ** BigInt(decimals);
  const frac = (abs % p).toString().padStart(decimals, '0');
  return decimals === 0 ? `${sign}${abs}` : `${sign}${abs / p}.${frac}`;
}

type Cell = string | null;
const cellArb = (amount: fc.Arbitrary<string>): fc.Arbitrary<Cell> =>
  fc.oneof({ weight: 6, arbitrary: amount }, { weight: 1, arbitrary: fc.constantFrom('pm', '-pm') }, { weight: 3, arbitrary: fc.constant(null) });

/** A random budget document (as a value for loadBudget), small enough for the Decimal reference. */
export function budgetArb(options: { huge?: boolean; cents?: boolean } = {}): fc.Arbitrary<Budget> {
  const amount = options.cents ? centsArb : options.huge ? fc.oneof({ weight: 4, arbitrary: amountArb }, { weight: 1, arbitrary: hugeArb }) : amountArb;
  return fc
    .record({ from: fc.integer({ min: 2020, max: 2030 }), years: fc.integer({ min: 1, max: 6 }) })
    .chain(({ from, years }) => {
      const cells = fc.array(cellArb(amount), { minLength: years, maxLength: years });
      const row = fc.record({ nature: fc.constantFrom('incidental', 'structural'), cells });
      const line = fc.record({ nature: fc.constantFrom('incidental', 'structural'), cells, components: fc.array(row, { maxLength: 3 }) });
      return fc.record({ from: fc.constant(from), years: fc.constant(years), sections: fc.array(fc.array(line, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }) });
    })
    // ids of every kind, Object.prototype member names among them: one per section, one per line and component
    .chain((spec) => {
      const rows = spec.sections.reduce((n, lines) => n + lines.reduce((m, l) => m + 1 + l.components.length, 0), 0);
      return fc.tuple(uniqueIdsArb(spec.sections.length), uniqueIdsArb(rows)).map(([sectionIds, rowIds]) => ({ ...spec, sectionIds, rowIds }));
    })
    .map((spec) => {
      let next = 0;
      const rowId = (): string => spec.rowIds[next++]!;
      const values = (cells: Cell[]): Record<string, string> => {
        const out: Record<string, string> = {};
        cells.forEach((c, i) => {
          if (c !== null) out[String(spec.from + i)] = c;
        });
        return out;
      };
      const doc = {
        version: 1,
        title: 'generated',
        unit: 'euro',
        horizon: { from: spec.from, to: spec.from + spec.years - 1 },
        sections: spec.sections.map((lines, si) => ({
          id: spec.sectionIds[si]!,
          title: `s${si}`,
          lines: lines.map((l, li) => {
            const id = rowId();
            const own = values(l.cells);
            const comps = l.components.map((c, ci) => {
              const v = values(c.cells);
              return { id: rowId(), title: `c${ci}`, nature: c.nature, values: Object.keys(v).length > 0 ? v : { [String(spec.from)]: 'pm' } };
            });
            const line: Record<string, unknown> = { id, title: `line ${si + 1}.${li + 1}`, nature: l.nature, row: 'amount' };
            if (Object.keys(own).length > 0 || comps.length === 0) line['values'] = Object.keys(own).length > 0 ? own : { [String(spec.from)]: '0' };
            if (comps.length > 0) line['components'] = comps;
            return line;
          }),
        })),
      } as unknown as BudgetDocument;
      return loadBudget(doc);
    });
}

/** A plain, comparable image of any result: Decimals as strings (with the sign of zero), frozen-ness ignored. */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // isDecimal, not the shape: a record keyed by ids may well have keys d, e and s
  if (isDecimal(value)) {
    const d = value as { toFixed(): string; isNeg(): boolean; isZero(): boolean };
    return `D:${d.isZero() && d.isNeg() ? '-' : ''}${d.toFixed()}`;
  }
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key]);
  return out;
}
