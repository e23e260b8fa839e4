import fc from 'fast-check';
import { Decimal as OtherDecimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { ROUNDING_MODES } from '../../src/core/decimal.js';
import { resolvePresentation, unitLine, type ResolvedPresentation } from '../../src/report/presentation.js';
import { groupRuns } from '../../src/report/render-common.js';
import { renderText } from '../../src/report/render-text.js';
import { htmlTable } from '../../src/report/render-html.js';
import { roundGrid, type RoundedGrid } from '../../src/report/rounded-grid.js';
import { waterfallSteps } from '../../src/report/charts/report-charts.js';
import type { Table, TableRow } from '../../src/report/table.js';

// renderText, the HTML table and the report's waterfall are written for speed: one string grown piece by piece, a
// trim only where the last figure leaves white space, section sums in integer units. Here they are checked against
// the straightforward way (every line built, trimmed and joined; every sum in Decimals) on random tables.

const numRuns = process.env.MEERJAREN_DEEP ? 20_000 : 100;

/** renderText written plainly: every line in a list, each trimmed, joined. */
function referenceText(table: Table, p: ResolvedPresentation): string {
  const grid = roundGrid(table, p);
  const width = (text: string): number => [...text].length;
  const labels = grid.rows.map((g) => '  '.repeat(g.row.depth) + g.row.label);
  const figures = (r: number): boolean => {
    const g = grid.rows[r]!;
    if (g.row.kind === 'heading') return false;
    if (g.row.kind === 'note') return g.row.cells.some((cell, c) => grid.hasAmount(g, c) || cell.pm);
    return true;
  };
  const texts = grid.rows.map((g, r) => (figures(r) ? table.columns.map((_, c) => grid.text(g, c)) : undefined));
  const header = table.labelHeader ?? '';
  let labelWidth = width(header);
  grid.rows.forEach((g, r) => {
    if (g.row.kind !== 'note') labelWidth = Math.max(labelWidth, width(labels[r]!));
  });
  const widths = table.columns.map((column, c) => texts.reduce((w, row) => Math.max(w, row === undefined ? 0 : width(row[c]!)), width(column.label)));
  const span = (first: number, last: number): number => widths.slice(first, last + 1).reduce((a, w) => a + w, 0) + 2 * (last - first);
  const runs = groupRuns(table.columns);
  for (const run of runs) {
    const extra = width(run.label ?? '') - span(run.first, run.last);
    const n = run.last - run.first + 1;
    for (let k = 0; k < extra; k++) widths[run.last - (k % n)]! += 1;
  }
  const pad = (text: string, size: number): string => text + ' '.repeat(Math.max(0, size - width(text)));
  const lines: string[] = [];
  if (table.title !== '') lines.push(table.title);
  lines.push(unitLine(p), '');
  if (runs.length > 0) {
    const groups = runs.map((run) => {
      const size = span(run.first, run.last);
      const label = run.label ?? '';
      return '  ' + pad(' '.repeat(Math.max(0, Math.floor((size - width(label)) / 2))) + label, size);
    });
    lines.push((' '.repeat(labelWidth) + groups.join('')).trimEnd());
  }
  lines.push((pad(header, labelWidth) + table.columns.map((column, c) => '  ' + column.label.padStart(widths[c]! + column.label.length - width(column.label))).join('')).trimEnd());
  const full = labelWidth + widths.reduce((a, w) => a + 2 + w, 0);
  grid.rows.forEach((g, r) => {
    if (g.row.kind === 'heading' && r > 0) lines.push('');
    if (g.row.kind === 'total') lines.push('-'.repeat(full));
    const row = texts[r];
    if (row === undefined) lines.push(g.row.kind === 'note' ? labels[r]! : labels[r]!.trimEnd());
    else lines.push((pad(labels[r]!, labelWidth) + row.map((text, c) => '  ' + ' '.repeat(widths[c]! - width(text)) + text).join('')).trimEnd());
  });
  return lines.join('\n') + '\n';
}

/** The HTML table's body written plainly: one row a line, joined. */
function referenceHtmlRows(table: Table, grid: RoundedGrid): string {
  const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return grid.rows
    .map((g) => {
      const row = g.row;
      const cells =
        row.kind === 'heading'
          ? `<th scope="row" colspan="${table.columns.length + 1}">${escape(row.label)}</th>`
          : `<th scope="row">${escape(row.label)}</th>` +
            row.cells.map((cell, c) => `<td class="${cell.pm ? 'mj-pm' : grid.hasAmount(g, c) ? 'mj-amount' : 'mj-nil'}">${escape(grid.text(g, c))}</td>`).join('');
      return `    <tr class="mj-${row.kind} mj-depth-${row.depth}">${cells}</tr>`;
    })
    .join('\n');
}

const other = OtherDecimal.clone();

/** Labels with white space at their ends, a character beyond U+FFFF, and characters HTML escapes. */
const labelArb = fc.constantFrom('Regel', 'Regel ', ' ', '', 'Jeugd & <Wmo>', '"x" \'y\'', 'Ruimte 🙂', 'a\u00a0', 'Subtotaal\t');
/** Nil tokens (never a pm token: the two must print differently). */
const tokenArb = fc.constantFrom('', '-', ' ', ' - ', '—', 'nihil ');

interface Spec {
  readonly rows: readonly { label: string; kind: 'heading' | 'line' | 'note'; depth: number; cells: readonly (string | null)[]; pm: readonly boolean[] }[];
  readonly groups: readonly (string | undefined)[];
  readonly title: string;
  readonly labelHeader: string | undefined;
}

const specArb = (columns: number, maxRows = 14): fc.Arbitrary<Spec> =>
  fc.record({
    rows: fc.array(
      fc.record({
        label: labelArb,
        kind: fc.constantFrom('heading' as const, 'line' as const, 'line' as const, 'line' as const, 'note' as const),
        depth: fc.integer({ min: 0, max: 2 }),
        cells: fc.array(
          fc.option(
            fc.tuple(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => new Dec(n).div(10 ** k).toFixed()),
            { nil: null, freq: 4 },
          ),
          { minLength: columns, maxLength: columns },
        ),
        pm: fc.array(fc.boolean(), { minLength: columns, maxLength: columns }),
      }),
      // past the default size of a generated list only when asked: fast-check keeps lists short by default
      maxRows > 14 ? { minLength: 41, maxLength: maxRows, size: 'max' } : { minLength: 1, maxLength: maxRows },
    ),
    groups: fc.array(fc.constantFrom(undefined, 'MJB 2026 - 2029', 'x'), { minLength: columns, maxLength: columns }),
    title: fc.constantFrom('', 'Tabel', 'Tabel & co '),
    labelHeader: fc.constantFrom(undefined, '', 'Omschrijving', 'Naam 🙂'),
  });

/** The table of a spec, its amounts made with `make`; the lines and notes add up to a total row, which is last. */
function tableOf(spec: Spec, make: (s: string) => never): Table {
  const columns = spec.groups.map((group, c) => (group === undefined ? { key: String(c), label: String(2025 + c) } : { key: String(c), label: String(2025 + c), group }));
  const rows: TableRow[] = spec.rows.map((row, r) => ({
    id: `r${r}`,
    label: row.label,
    kind: row.kind,
    depth: row.depth,
    cells: columns.map((_, c) => {
      const value = row.kind === 'heading' ? null : row.cells[c]!;
      return { amount: value === null ? undefined : make(value), pm: row.kind !== 'heading' && row.pm[c] === true };
    }),
  }));
  const parts = rows.filter((row) => row.kind === 'line');
  const sums = columns.map((_, c) => parts.reduce((acc, row) => acc.plus(row.cells[c]!.amount?.toFixed() ?? '0'), new Dec(0)).toFixed());
  rows.push({ id: 'total', label: 'Totaal', kind: 'total', depth: 0, cells: sums.map((s, c) => ({ amount: make(s), pm: parts.some((row) => row.cells[c]!.pm) })), of: parts.map((row) => row.id) });
  return { title: spec.title, columns, rows, ...(spec.labelHeader === undefined ? {} : { labelHeader: spec.labelHeader }) };
}

const presentationArb = fc.record({
  unit: fc.constantFrom('euro' as const, 'thousand' as const, 'million' as const),
  decimals: fc.integer({ min: 0, max: 3 }),
  sign: fc.constantFrom('voordeel-positive' as const, 'nadeel-positive' as const),
  notation: fc.constantFrom('minus' as const, 'trailing-minus' as const, 'vn' as const),
  locale: fc.constantFrom('nl' as const, 'en' as const),
  rounding: fc.constantFrom('consistent' as const, 'plain' as const),
  roundingMode: fc.constantFrom(...ROUNDING_MODES),
  nil: tokenArb,
  pm: fc.constantFrom('pm', 'p.m.', 'pm '),
});

const settingsArb = fc.integer({ min: 0, max: 4 }).chain((columns) => fc.tuple(specArb(columns), presentationArb));

/** Up to 120 rows: past 40 bars the waterfall draws one a section (a heading starts one). */
const longSettingsArb = fc.integer({ min: 1, max: 2 }).chain((columns) => fc.tuple(specArb(columns, 120), presentationArb));

describe('the renderers written for speed equal the straightforward ones (property)', () => {
  it('renderText: every line built, trimmed and joined', () => {
    fc.assert(
      fc.property(settingsArb, ([spec, partial]) => {
        const p = resolvePresentation(partial);
        const own = tableOf(spec, (s) => new Dec(s) as never);
        const expected = referenceText(own, p);
        expect(renderText(own, p)).toBe(expected);
        // the same figures through the Decimal path (amounts of another decimal.js)
        expect(renderText(tableOf(spec, (s) => new other(s) as never), p)).toBe(expected);
      }),
      { numRuns },
    );
  });

  it('the HTML table: its rows joined line by line', () => {
    fc.assert(
      fc.property(settingsArb, ([spec, partial]) => {
        const p = resolvePresentation(partial);
        const table = tableOf(spec, (s) => new Dec(s) as never);
        const grid = roundGrid(table, p);
        const html = htmlTable(table, p, grid);
        const body = html.slice(html.indexOf('  <tbody>\n') + '  <tbody>\n'.length, html.lastIndexOf('\n  </tbody>'));
        expect(body).toBe(referenceHtmlRows(table, grid));
        expect(html.endsWith('\n  </tbody>\n</table>\n')).toBe(true);
      }),
      { numRuns },
    );
  });

  it('the waterfall: the same steps from a grid in integer units as from one in Decimals', () => {
    fc.assert(
      fc.property(fc.oneof(settingsArb, longSettingsArb), ([spec, partial]) => {
        const p = resolvePresentation(partial);
        const units = roundGrid(tableOf(spec, (s) => new Dec(s) as never), p);
        const decimals = roundGrid(tableOf(spec, (s) => new other(s) as never), p);
        const total = (grid: RoundedGrid) => grid.rows.find((g) => g.row.kind === 'total')!;
        for (let c = 0; c < spec.groups.length; c++) {
          const plot = (d: OtherDecimal): number => Number(d.toFixed(6));
          expect(waterfallSteps(units, total(units), c, plot)).toEqual(waterfallSteps(decimals, total(decimals), c, plot));
          // a section's sum is the exact sum of its printed figures
          const rows = units.rows.filter((g) => g.row.kind === 'line');
          expect(units.sum(rows, c).toFixed()).toBe(rows.reduce((acc, g) => acc.add(units.amount(g, c) ?? 0), new Dec(0)).toFixed());
        }
      }),
      { numRuns },
    );
  });
});
