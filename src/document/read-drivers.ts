/**
 * Reading the `drivers` part of a budget document (indicators, dated parameters, formulas) and putting the driven
 * rows' values in place: computed from their formulas, and checked against the values the document writes.
 * @packageDocumentation
 */
import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector, type Path } from '../core/errors.js';
import { describeValue, isYearKey } from '../core/fields.js';
import { MAX_YEAR, MIN_YEAR } from '../core/horizon.js';
import { isPm, type Cell, type Section } from '../model/budget.js';
import { DRIVER_ID_PATTERN, PARAMETER_RULES, type Drivers, type Formula, type Indicator, type Parameter, type ParameterPeriod } from '../model/drivers.js';
import { dayNumber, drivenRowValues, isPeriodDate } from '../model/driver-values.js';
import { RawReader } from './raw-reader.js';
import { idProblem } from './ids.js';
import { JsonNumberText } from './json.js';
import { impreciseMessage } from '../core/fields.js';

const DRIVERS_FIELDS = ['indicators', 'parameters', 'formulas'];
const INDICATOR_FIELDS = ['id', 'title', 'unit', 'values'];
const PARAMETER_FIELDS = ['id', 'title', 'unit', 'rule', 'periods'];
const PERIOD_FIELDS = ['from', 'value'];
const FORMULA_FIELDS = ['row', 'expression'];

/** The row ids a document's drivers give formulas to (read before the rows, so that a driven row may leave out its values). @internal */
export function drivenRowIds(raw: unknown): ReadonlySet<string> {
  const out = new Set<string>();
  if (typeof raw !== 'object' || raw === null) return out;
  const formulas = (raw as Record<string, unknown>)['formulas'];
  if (!Array.isArray(formulas)) return out;
  for (const f of formulas) {
    const row = typeof f === 'object' && f !== null ? (f as Record<string, unknown>)['row'] : undefined;
    if (typeof row === 'string') out.add(row);
  }
  return out;
}

class DriversReader extends RawReader {
  constructor(
    issues: IssueCollector,
    private readonly format: NumberFormat | undefined,
  ) {
    super(issues);
  }

  read(raw: unknown, path: Path): Drivers | undefined {
    const d = this.object(raw, path);
    if (d === undefined) return undefined;
    this.fields(d, DRIVERS_FIELDS, path);
    const names = new Map<string, string>();
    const indicators = this.list(d['indicators'], [...path, 'indicators'], false).flatMap((x, i) => this.indicator(x, [...path, 'indicators', i], names) ?? []);
    const parameters = this.list(d['parameters'], [...path, 'parameters'], false).flatMap((x, i) => this.parameter(x, [...path, 'parameters', i], names) ?? []);
    const formulas = this.list(d['formulas'], [...path, 'formulas'], false).flatMap((x, i) => this.formula(x, [...path, 'formulas', i]) ?? []);
    return { indicators, parameters, formulas };
  }

  private name(raw: unknown, path: Path, names: Map<string, string>): string | undefined {
    if (typeof raw !== 'string') {
      this.issues.add(raw === undefined ? 'missing_field' : 'invalid_type', path, raw === undefined ? 'an indicator or parameter needs an id' : `an id is a text, got ${describeValue(raw)}`);
      return undefined;
    }
    const problem = idProblem(raw, 'id');
    if (problem === 'forbidden_key') {
      this.issues.add('forbidden_key', path, `"${raw}" cannot be an id`);
      return undefined;
    }
    if (!DRIVER_ID_PATTERN.test(raw)) {
      this.issues.add('invalid_id', path, `"${raw}" is not a valid driver id: a letter, then letters, digits and "_", at most 64 characters (formulas use it as a name)`);
      return undefined;
    }
    const earlier = names.get(raw);
    if (earlier !== undefined) {
      this.issues.add('duplicate_id', path, `the id "${raw}" is used twice (first at ${earlier}); indicators and parameters share one namespace`);
      return undefined;
    }
    names.set(raw, path.join('.'));
    return raw;
  }

  private number(raw: unknown, path: Path): Decimal | undefined {
    if (raw instanceof JsonNumberText) {
      this.issues.add('imprecise_number', path, impreciseMessage(raw.text));
      return undefined;
    }
    const reading = readAmount(raw, new Dec(1), this.format);
    if (!reading.ok) {
      this.issues.add(reading.code, path, reading.message);
      return undefined;
    }
    return Object.freeze(reading.value);
  }

  private indicator(raw: unknown, path: Path, names: Map<string, string>): Indicator | undefined {
    const x = this.object(raw, path);
    if (x === undefined) return undefined;
    this.fields(x, INDICATOR_FIELDS, path);
    const id = this.name(x['id'], [...path, 'id'], names);
    const title = this.text(x['title'], [...path, 'title'], true) ?? '';
    const unit = this.text(x['unit'], [...path, 'unit'], true) ?? '';
    const values: Record<string, Decimal> = {};
    const v = this.object(x['values'], [...path, 'values']);
    for (const key of Object.keys(v ?? {})) {
      const at = [...path, 'values', key];
      if (!isYearKey(key) || Number(key) < MIN_YEAR || Number(key) > MAX_YEAR) {
        this.issues.add('invalid_year', at, `"${key}" is not a year ${MIN_YEAR}..${MAX_YEAR}`);
        continue;
      }
      const value = this.number(v![key], at);
      if (value !== undefined) values[key] = value;
    }
    if (id === undefined) return undefined;
    return { id, title, unit, values: Object.freeze(values) };
  }

  private parameter(raw: unknown, path: Path, names: Map<string, string>): Parameter | undefined {
    const x = this.object(raw, path);
    if (x === undefined) return undefined;
    this.fields(x, PARAMETER_FIELDS, path);
    const id = this.name(x['id'], [...path, 'id'], names);
    const title = this.text(x['title'], [...path, 'title'], true) ?? '';
    const unit = this.text(x['unit'], [...path, 'unit'], true) ?? '';
    const rule = this.choice(x['rule'], PARAMETER_RULES, [...path, 'rule'], true);
    const periods: ParameterPeriod[] = [];
    let last: number | undefined;
    const list = this.list(x['periods'], [...path, 'periods'], true);
    if (Array.isArray(x['periods']) && list.length === 0) this.issues.add('missing_field', [...path, 'periods'], 'a parameter needs at least one period');
    list.forEach((p, i) => {
      const at = [...path, 'periods', i];
      const period = this.object(p, at);
      if (period === undefined) return;
      this.fields(period, PERIOD_FIELDS, at);
      const from = period['from'];
      const day = typeof from === 'string' ? dayNumber(from) : undefined;
      if (!isPeriodDate(from) || day === undefined) {
        this.issues.add(from === undefined ? 'missing_field' : 'invalid_value', [...at, 'from'], `a period starts on a date yyyy-mm-dd (${MIN_YEAR}..${MAX_YEAR}), not ${describeValue(from)}`);
      } else if (last !== undefined && day <= last) {
        this.issues.add('invalid_value', [...at, 'from'], `the periods of a parameter start on strictly increasing dates: ${from} does not come after the period before it`);
      }
      if (day !== undefined) last = day;
      const value = this.number(period['value'], [...at, 'value']);
      if (isPeriodDate(from) && day !== undefined && value !== undefined) periods.push({ from, value });
    });
    if (id === undefined || rule === undefined) return undefined;
    return { id, title, unit, rule, periods };
  }

  private formula(raw: unknown, path: Path): Formula | undefined {
    const x = this.object(raw, path);
    if (x === undefined) return undefined;
    this.fields(x, FORMULA_FIELDS, path);
    const row = this.text(x['row'], [...path, 'row'], true);
    const expression = this.text(x['expression'], [...path, 'expression'], true);
    if (row === undefined || expression === undefined) return undefined;
    return { row, expression };
  }
}

/** Where a row of the sections is: its values, and the path of its values in the document. */
interface RowSpot {
  readonly holder: { values: Readonly<Record<string, Cell>> };
  readonly path: Path;
  readonly subtotal: boolean;
}

function rowSpots(sections: readonly Section[]): Map<string, RowSpot> {
  const spots = new Map<string, RowSpot>();
  sections.forEach((s, si) =>
    s.lines.forEach((l, li) => {
      const linePath: Path = ['sections', si, 'lines', li];
      if (!spots.has(l.id)) spots.set(l.id, { holder: l as { values: Readonly<Record<string, Cell>> }, path: [...linePath, 'values'], subtotal: l.row === 'subtotal' });
      l.components.forEach((c, ci) => {
        if (!spots.has(c.id)) spots.set(c.id, { holder: c as { values: Readonly<Record<string, Cell>> }, path: [...linePath, 'components', ci, 'values'], subtotal: false });
      });
    }),
  );
  return spots;
}

/**
 * Reads the drivers of a document and puts the driven rows' values in place in the (not yet frozen) sections: the
 * formula's value in every year of the horizon where it has one. A value the document writes for a driven row is
 * checked: it may differ from the formula's value by at most half the document's unit (the printed value rounds
 * it), else `formula_mismatch` at the value's path.
 * @param raw - the `drivers` field
 * @param sections - the rows read (their values are replaced)
 * @param years - the years of the horizon
 * @param unit - euros per unit of the document
 * @param format - the document's number format
 * @param issues - where problems go
 * @internal
 */
export function readDrivers(raw: unknown, sections: readonly Section[], years: readonly number[], unit: Decimal, format: NumberFormat | undefined, issues: IssueCollector): Drivers | undefined {
  const own = new IssueCollector();
  const drivers = new DriversReader(own, format).read(raw, ['drivers']);
  issues.addAll(own.issues);
  // drivers that did not read are not computed: a formula would only report their names as unknown
  if (drivers === undefined || own.hasIssues) return drivers;
  const { rows, problems } = drivenRowValues(drivers, years, ['drivers']);
  for (const p of problems) issues.add(p.code, p.path, p.message);
  const failed = new Set(problems.map((p) => p.formula));
  const spots = rowSpots(sections);
  const tolerance = unit.div(2);
  drivers.formulas.forEach((formula, i) => {
    const spot = spots.get(formula.row);
    if (spot === undefined) {
      issues.add('unknown_reference', ['drivers', 'formulas', i, 'row'], `no line or component "${formula.row}" in the budget`);
      return;
    }
    if (spot.subtotal) {
      issues.add('invalid_value', ['drivers', 'formulas', i, 'row'], `line ${formula.row} prints the subtotal of its components: give a component the formula`);
      return;
    }
    const cells = rows.get(formula.row);
    if (cells === undefined || failed.has(i)) return;
    for (const [year, written] of Object.entries(spot.holder.values)) {
      const computed = cells.get(Number(year));
      if (computed === undefined || isPm(written)) {
        issues.add('formula_mismatch', [...spot.path, year], `${formula.row} in ${year} is written as ${isPm(written) ? 'pm' : written.toFixed()}, but its formula has no value that year`);
      } else if (written.minus(computed.amount).abs().gt(tolerance)) {
        issues.add('formula_mismatch', [...spot.path, year], `${formula.row} in ${year} is written as ${written.toFixed()}, its formula gives ${computed.amount.toFixed()} (more than rounding to the document's unit explains)`);
      }
    }
    const values: Record<string, Cell> = {};
    for (const [year, cell] of cells) values[String(year)] = Object.freeze(cell.amount);
    spot.holder.values = Object.freeze(values);
  });
  return drivers;
}
