/**
 * Writing a drawn budget shape as a document and its exact sample (for `budgetSampleArb` in `budgets.ts`).
 * @packageDocumentation
 */
import { MAX_FRACTION_DIGITS, type NumberFormat } from '../core/amount.js';
import type { Nature, SignConvention, Unit } from '../model/budget.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type ComponentDocument, type LineDocument, type SectionDocument, type ValueDocument, type ValuesDocument } from '../document/format.js';
import { MICRO_LIMIT, UNIT_POWER, formatPlainAmount, microsToPlain } from './amounts.js';
import type { BudgetSample, SampleCell, SampleComponent, SampleLine, SampleSection } from './sample.js';

/** A drawn line: its cells in micro-euros by year index, before ids and the document's unit and sign. */
export interface LineShape {
  readonly title: string;
  readonly nature: Nature;
  readonly declareNature: boolean;
  readonly tags: Record<string, string> | undefined;
  readonly own: (SampleCell | undefined)[] | undefined;
  readonly subtotal: boolean;
  readonly components: readonly {
    readonly title: string;
    readonly nature: Nature;
    readonly declareNature: boolean;
    readonly customId: boolean;
    readonly tags: Record<string, string> | undefined;
    readonly values: (SampleCell | undefined)[];
  }[];
}

/** A pm cell (not an amount, not nil). */
export const isPmCell = (c: SampleCell | undefined): c is { readonly pm: 'plain' | 'voordeel' | 'nadeel' } => typeof c === 'object';

/** The drawn document-wide choices. */
export interface Head {
  readonly from: number;
  readonly to: number;
  readonly budgetYear: number;
  readonly unit: Unit;
  readonly sign: SignConvention;
  readonly numberFormat: NumberFormat | undefined;
  readonly defaultNature: Nature | undefined;
  readonly asArrays: boolean;
  readonly grouped: boolean;
  readonly integersAsNumbers: boolean;
  readonly title: string;
  readonly tags: Record<string, string> | undefined;
  readonly printTotals: boolean;
}

/** The drawn ids of a document: one per section, and one per line and component in document order (one namespace). */
export interface DrawnIds {
  readonly sections: readonly string[];
  readonly rows: readonly string[];
}

type Cells = readonly (SampleCell | undefined)[];

/** How one document writes cells: in its unit, sign and number format, as objects or arrays by year. */
interface Writer {
  readonly years: readonly number[];
  /** A row of cells as the document writes it. */
  write(cells: Cells): ValuesDocument;
  /** A row of cells as the sample holds it: by year, nil years left out. */
  toRecord(cells: Cells): Record<string, SampleCell>;
  /** Exact printed totals of rows: a year is printed when some row has an amount in it. */
  printed(rows: readonly Cells[]): (SampleCell | undefined)[];
}

function writerOf(head: Head): Writer {
  const years: number[] = [];
  for (let y = head.from; y <= head.to; y++) years.push(y);
  const negate = head.sign === 'nadeel-positive';
  const unitMicros = 10n ** BigInt(UNIT_POWER[head.unit] + MAX_FRACTION_DIGITS);

  const amount = (micros: bigint): ValueDocument => {
    const written = negate ? -micros : micros;
    if (head.integersAsNumbers && written % unitMicros === 0n) {
      const n = Number(written / unitMicros);
      if (Number.isSafeInteger(n)) return n;
    }
    return formatPlainAmount(microsToPlain(written, head.unit), head.numberFormat, head.grouped);
  };
  const cell = (c: SampleCell): ValueDocument => {
    if (!isPmCell(c)) return amount(c);
    if (c.pm === 'plain') return 'pm';
    return (c.pm === 'voordeel') !== negate ? '+pm' : '-pm';
  };
  const write = (cells: Cells): ValuesDocument => {
    if (head.asArrays) {
      let last = cells.length;
      while (last > 0 && cells[last - 1] === undefined) last--;
      return cells.slice(0, last).map((c) => (c === undefined ? null : cell(c)));
    }
    const out: Record<string, ValueDocument> = {};
    cells.forEach((c, i) => {
      if (c !== undefined) out[String(years[i])] = cell(c);
    });
    return out;
  };
  const toRecord = (cells: Cells): Record<string, SampleCell> => {
    const out: Record<string, SampleCell> = {};
    cells.forEach((c, i) => {
      if (c !== undefined) out[String(years[i])] = c;
    });
    return out;
  };
  const printed = (rows: readonly Cells[]): (SampleCell | undefined)[] =>
    years.map((_, i) => {
      let sum = 0n;
      let any = false;
      for (const row of rows) {
        const c = row[i];
        if (typeof c === 'bigint') {
          sum += c;
          any = true;
        }
      }
      // A sum beyond the amount limit cannot be printed: leave that year out.
      return any && sum < MICRO_LIMIT && sum > -MICRO_LIMIT ? sum : undefined;
    });
  return { years, write, toRecord, printed };
}

/** One line as the document writes it and as the sample holds it; its rows of cells go into `sectionRows`. */
function renderLine(l: LineShape, head: Head, w: Writer, rowId: () => string, sectionRows: Cells[]): { readonly doc: LineDocument; readonly line: SampleLine } {
  const { years, write, toRecord } = w;
  const id = rowId();
  const declareNature = l.declareNature || head.defaultNature === undefined;
  const lineNature: Nature = declareNature ? l.nature : (head.defaultNature ?? l.nature);
  const subtotal = l.subtotal && l.components.length > 0;
  const compDocs: ComponentDocument[] = [];
  const comps: SampleComponent[] = l.components.map((c, ci) => {
    const drawn = rowId(); // drawn for every component, so a line's components never take each other's ids
    const cid = c.customId ? drawn : `${id}#${ci + 1}`;
    const nature = c.declareNature ? c.nature : lineNature;
    compDocs.push({
      ...(c.customId ? { id: cid } : {}),
      title: c.title,
      ...(c.declareNature ? { nature: c.nature } : {}),
      ...(c.tags === undefined ? {} : { tags: c.tags }),
      values: write(c.values),
    });
    sectionRows.push(c.values);
    return { id: cid, nature, values: toRecord(c.values) };
  });
  let own = subtotal ? undefined : l.own;
  let ownDoc: ValuesDocument | undefined;
  if (subtotal) {
    // The printed subtotal: exact where every component value in the year is an amount.
    const cells = years.map((_, i) => {
      const row = l.components.map((c) => c.values[i]);
      if (row.some(isPmCell) || row.every((c) => c === undefined)) return undefined;
      const sum = row.reduce<bigint>((s, c) => s + (typeof c === 'bigint' ? c : 0n), 0n);
      return sum < MICRO_LIMIT && sum > -MICRO_LIMIT ? sum : undefined;
    });
    ownDoc = cells.some((c) => c !== undefined) ? write(cells) : undefined;
  } else if (own !== undefined) {
    ownDoc = write(own);
    sectionRows.push(own);
  } else own = undefined;
  const line: SampleLine = { id, nature: lineNature, row: subtotal ? 'subtotal' : 'amount', values: own === undefined ? {} : toRecord(own), components: comps };
  const doc: LineDocument = {
    id,
    title: l.title,
    ...(declareNature ? { nature: l.nature } : {}),
    ...(l.tags === undefined ? {} : { tags: l.tags }),
    ...(ownDoc === undefined ? {} : { values: ownDoc }),
    ...(compDocs.length > 0 ? { row: subtotal ? ('subtotal' as const) : ('amount' as const), components: compDocs } : {}),
  };
  return { doc, line };
}

/** The document and the exact sample of a drawn shape. */
export function render(head: Head, shapes: readonly { readonly title: string; readonly lines: readonly LineShape[] }[], ids: DrawnIds): BudgetSample {
  let nextRow = 0;
  const rowId = (): string => ids.rows[nextRow++] ?? `row-${nextRow}`;
  const w = writerOf(head);
  const { years, write, printed } = w;

  const allRows: Cells[] = [];
  const sampleSections: SampleSection[] = [];
  const sections: SectionDocument[] = shapes.map((shape, si) => {
    const sectionId = ids.sections[si] ?? `${si + 1}`;
    const sectionRows: Cells[] = [];
    const lines: SampleLine[] = [];
    const lineDocs: LineDocument[] = shape.lines.map((l) => {
      const { doc, line } = renderLine(l, head, w, rowId, sectionRows);
      lines.push(line);
      return doc;
    });
    allRows.push(...sectionRows);
    sampleSections.push({ id: sectionId, lines });
    const expected = head.printTotals ? printed(sectionRows) : [];
    return { id: sectionId, title: shape.title, lines: lineDocs, ...(expected.some((c) => c !== undefined) ? { expected: write(expected) } : {}) };
  });
  const expected = head.printTotals ? printed(allRows) : [];
  const document: BudgetDocument = {
    format: BUDGET_FORMAT,
    version: BUDGET_FORMAT_VERSION,
    title: head.title,
    unit: head.unit,
    ...(head.sign === 'voordeel-positive' && head.from % 2 === 0 ? {} : { sign: head.sign }),
    ...(head.numberFormat === undefined ? {} : { numberFormat: head.numberFormat }),
    horizon: { from: head.from, to: head.to, ...(head.budgetYear === head.from ? {} : { budgetYear: head.budgetYear }) },
    ...(head.defaultNature === undefined ? {} : { defaults: { nature: head.defaultNature } }),
    ...(head.tags === undefined ? {} : { tags: head.tags }),
    sections,
    ...(expected.some((c) => c !== undefined) ? { expected: write(expected) } : {}),
  };
  return { document, years, sections: sampleSections, unit: head.unit, sign: head.sign, numberFormat: head.numberFormat };
}
