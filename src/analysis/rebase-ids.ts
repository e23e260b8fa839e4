/**
 * What a change names and writes, carried from one version of a budget to the next for `rebaseScenario`: ids
 * through the line matching of `compareVersions`, amounts from the scenario's unit into the new version's, years
 * cut to the new horizon. One mapper per change; it records what it could not carry.
 * @module
 */
import { readAmount, type NumberFormat } from '../core/amount.js';
import { Dec, type Decimal } from '../core/decimal.js';
import { IssueCollector } from '../core/errors.js';
import { hasOwnKey } from '../core/records.js';
import { unitFactor, type Budget, type Cell, type Line } from '../model/budget.js';
import { readPercentage, readScenarioAmount, resolveYears } from '../scenario/values.js';
import type { ScenarioAmount, YearSelection } from '../scenario/changes/common.js';
import type { RebaseReference } from './rebase-types.js';

/** Where a row of a budget sits: its line, and its index among the line's components (-1: the line's own row). @internal */
export interface RowSite {
  readonly line: Line;
  readonly component: number;
}

/** Every row (line or component) of a budget by id; the first of an id wins. @internal */
export function rowSites(budget: Budget): Map<string, RowSite> {
  const out = new Map<string, RowSite>();
  for (const s of budget.sections) {
    for (const line of s.lines) {
      if (!out.has(line.id)) out.set(line.id, { line, component: -1 });
      line.components.forEach((c, n) => {
        if (!out.has(c.id)) out.set(c.id, { line, component: n });
      });
    }
  }
  return out;
}

/** The cell of a row in a year (undefined: nil, or no such row). @internal */
export function cellIn(rows: ReadonlyMap<string, RowSite>, row: string, year: number): Cell | undefined {
  const site = rows.get(row);
  if (site === undefined) return undefined;
  const values = site.component < 0 ? site.line.values : site.line.components[site.component]!.values;
  return hasOwnKey(values, String(year)) ? values[year] : undefined;
}

/** The state both versions share while changes are carried over, one change after another. */
export class RebaseWorld {
  readonly rowsFrom: Map<string, RowSite>;
  readonly rowsTo: Map<string, RowSite>;
  readonly yearsTo: ReadonlySet<number>;
  readonly toFactor: Decimal;
  /** Rows and claims added by changes of the scenario, and whether that change is applied. */
  readonly created = new Map<string, boolean>();
  readonly createdClaims = new Map<string, boolean>();

  /**
   * @param from - the version the scenario was written against
   * @param to - the version it is carried to
   * @param lineMap - the line of `to` matched with each line of `from` (`compareVersions`)
   */
  constructor(
    readonly from: Budget,
    readonly to: Budget,
    readonly lineMap: ReadonlyMap<string, string>,
  ) {
    this.rowsFrom = rowSites(from);
    this.rowsTo = rowSites(to);
    this.yearsTo = new Set(to.horizon.years);
    this.toFactor = new Dec(unitFactor(to.presentation.unit));
  }

  /** The id in `to` of a row of `from` (line or component), or undefined when `to` has no counterpart. */
  rowTo(id: string): string | undefined {
    if (this.created.has(id)) return this.created.get(id) === true ? id : undefined;
    const site = this.rowsFrom.get(id);
    if (site === undefined) return undefined;
    const line = this.lineMap.get(site.line.id);
    if (line === undefined) return undefined;
    if (site.component < 0) return line;
    const target = this.rowsTo.get(line);
    if (target === undefined || target.component >= 0) return undefined;
    const components = target.line.components;
    if (components.some((c) => c.id === id)) return id;
    // a component without an id of its own is numbered after its line: "4.5#1" is "4.4#1" when 4.5 became 4.4
    const numbered = `${site.line.id}#${site.component + 1}`;
    const renamed = `${line}#${site.component + 1}`;
    return id === numbered && components.some((c) => c.id === renamed) ? renamed : undefined;
  }
}

/** Carries one change (@internal): records its references, the years it loses and why it is gone. */
export class ChangeMapper {
  readonly references: RebaseReference[] = [];
  readonly gone: string[] = [];
  readonly lostYears = new Set<number>();

  /**
   * @param world - both versions
   * @param factor - euros per unit of the scenario that wrote the change
   * @param format - the number format of that scenario
   */
  constructor(
    readonly world: RebaseWorld,
    readonly factor: Decimal,
    readonly format: NumberFormat | undefined,
  ) {}

  private refer(field: string, from: string, to: string | undefined, kind: RebaseReference['kind'], why: string): string {
    this.references.push({ field, from, to, kind });
    if (to === undefined) this.gone.push(why);
    return to ?? from;
  }

  /** A line or component. */
  row(field: string, id: string): string {
    const to = this.world.rowTo(id);
    return this.refer(field, id, to, 'row', this.world.created.has(id) ? `${field}: ${id} is added by a change that is not applied` : `${field}: no counterpart of ${id} in the new version`);
  }

  /** A line (not a component). */
  line(field: string, id: string): string {
    const to = this.world.rowTo(id);
    const isLine = to !== undefined && (this.world.created.has(id) || this.world.rowsTo.get(to)?.component === -1);
    return this.refer(field, id, isLine ? to : undefined, 'line', `${field}: no counterpart of line ${id} in the new version`);
  }

  /** An indicator or a dated parameter of the new version's drivers, by id. */
  driver(field: string, kind: 'indicator' | 'parameter', id: string): string {
    const drivers = this.world.to.drivers;
    const there = kind === 'indicator' ? drivers?.indicators.some((x) => x.id === id) : drivers?.parameters.some((x) => x.id === id);
    return this.refer(field, id, there === true ? id : undefined, kind, `${field}: no ${kind} ${id} in the new version`);
  }

  /** A plain number that is not money (an indicator's or a parameter's value): read in the scenario's format, never scaled. */
  plain(raw: ScenarioAmount): string {
    const reading = readAmount(raw, new Dec(1), this.format);
    return reading.ok ? reading.value.toFixed() : String(raw);
  }

  /** A section, by id. */
  section(field: string, id: string): string {
    const there = this.world.to.sections.some((s) => s.id === id);
    return this.refer(field, id, there ? id : undefined, 'section', `${field}: no section ${id} in the new version`);
  }

  /** An id the change adds: it must not be taken in `to`. */
  newRow(field: string, id: string): string {
    const taken = this.world.rowsTo.has(id);
    return this.refer(field, id, taken ? undefined : id, 'new', `${field}: the new version has a line or component ${id} already`);
  }

  /** A claim id the change adds. */
  newClaim(field: string, id: string): string {
    const taken = this.world.to.cover?.claims.some((c) => c.id === id) === true;
    return this.refer(field, id, taken ? undefined : id, 'new', `${field}: the new version has a claim ${id} already`);
  }

  /** A claim of the cover. */
  claim(field: string, id: string): string {
    const created = this.world.createdClaims.get(id);
    const there = created ?? this.world.to.cover?.claims.some((c) => c.id === id) === true;
    return this.refer(field, id, there ? id : undefined, 'claim', `${field}: no claim ${id} in the new version`);
  }

  /** A cover source. */
  source(field: string, id: string): string {
    const sources = this.world.to.cover?.sources;
    return this.refer(field, id, sources !== undefined && hasOwnKey(sources, id) ? id : undefined, 'source', `${field}: no cover source ${id} in the new version`);
  }

  /** A savings target. */
  target(field: string, id: string): string {
    const targets = this.world.to.targets;
    return this.refer(field, id, targets !== undefined && hasOwnKey(targets, id) ? id : undefined, 'target', `${field}: no savings target ${id} in the new version`);
  }

  /** A measure of a savings target. */
  measure(field: string, target: string, id: string): string {
    const t = this.world.to.targets !== undefined && hasOwnKey(this.world.to.targets, target) ? this.world.to.targets[target] : undefined;
    const there = t !== undefined && hasOwnKey(t.measures, id);
    return this.refer(field, id, there ? id : undefined, 'measure', `${field}: no measure ${id} of ${target} in the new version`);
  }

  /** An amount of the scenario, in exact euros. */
  euros(raw: ScenarioAmount): Decimal {
    return readScenarioAmount(raw, this.factor, this.format, [], new IssueCollector()) ?? new Dec(0);
  }

  /** An amount of the scenario written in `to`'s unit, as a plain decimal. */
  amount(raw: ScenarioAmount): string {
    return this.euros(raw).div(this.world.toFactor).toFixed();
  }

  /** A percentage or rate, as a plain decimal. */
  percent(raw: ScenarioAmount): string {
    return (readPercentage(raw, this.format, [], new IssueCollector()) ?? new Dec(0)).toFixed();
  }

  /** A value that may be a pm token: the token as written, else the amount in `to`'s unit. */
  amountOrPm(raw: ScenarioAmount): string {
    return typeof raw === 'string' && /^[+-]?pm$/i.test(raw.trim()) ? raw.trim().toLowerCase() : this.amount(raw);
  }

  /** Keeps a year that `to` holds; records one it does not. */
  keepYear(year: number): boolean {
    if (this.world.yearsTo.has(year)) return true;
    this.lostYears.add(year);
    return false;
  }

  /** The years a selection names in `from`, cut to `to`: as written when it names the same years in `to`. */
  years(field: string, selection: YearSelection): YearSelection {
    const inFrom = resolveYears(selection, this.world.from.horizon, [], new IssueCollector());
    return this.yearList(field, inFrom, selection);
  }

  /**
   * Years cut to `to`'s horizon: `written` (the selection as the change wrote it) when it names exactly those years
   * in `to`, else the list. No year left makes the change gone.
   */
  yearList(field: string, years: readonly number[], written?: YearSelection): YearSelection {
    const keep = years.filter((y) => this.keepYear(y));
    if (keep.length === 0 && years.length > 0) this.gone.push(`${field}: none of its years (${years.join(', ')}) is in the new version`);
    if (written !== undefined) {
      const check = new IssueCollector();
      const inTo = resolveYears(written, this.world.to.horizon, [], check);
      if (!check.hasIssues && inTo.length === keep.length && inTo.every((y, i) => y === keep[i])) return written;
    }
    return keep;
  }

  /** A record by year cut to `to`'s horizon, each value rewritten. */
  yearRecord<T, U>(record: Readonly<Record<string, T>>, each: (value: T) => U): Record<string, U> {
    const out: Record<string, U> = {};
    for (const [year, value] of Object.entries(record)) if (this.keepYear(Number(year))) out[year] = each(value);
    return out;
  }
}
