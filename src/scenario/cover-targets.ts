import type { Draft } from 'immer';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCode, IssueCollector, Path } from '../core/errors.js';
import { tally, work } from '../core/work.js';
import { PM, type Budget } from '../model/budget.js';
import type { Capacity, ClaimExtent, CoverClaim, CoverSource } from '../model/cover.js';
import type { Measure, Realisation, SavingsTarget } from '../model/savings.js';
import type { Step } from './resolve.js';
import { readScenarioAmount, resolveYears } from './values.js';
import type {
  AddClaimChange,
  CapacitySpec,
  ClaimExtentSpec,
  CoverOrTargetChange,
  DropClaimChange,
  RealisationSpec,
  ScenarioAmount,
  SetCapacityChange,
  SetClaimChange,
  SetRealisationChange,
  SetReserveOpeningChange,
  SetTargetPathChange,
  YearSelection,
} from './types.js';

/** What a cover or target change edited (kind of item). @category Scenarios */
export type ItemKind = 'claim' | 'source' | 'target' | 'measure';

/** One edit of a cover or target change, in application order. @internal */
export interface ItemTrace {
  /** What was edited. */
  readonly kind: ItemKind;
  /** Id of the claim, source, target or measure. */
  readonly id: string;
  /** For a measure: the id of its target. */
  readonly target?: string;
  /** What changed: `source`, `extent`, `years`, `added`, `dropped`, `capacity`, `opening`, `path`, `realisation`. */
  readonly field: string;
  /** The years whose figures the edit may change. */
  readonly years: readonly number[];
  /** Index of the step in the flattened change list. */
  readonly step: number;
}

/** What the editor needs from the engine. @internal */
export interface ItemContext {
  /** immer draft of the budget. */
  readonly draft: Draft<Budget>;
  /** Where problems go (a quiet collector in lenient runs). */
  readonly collector: IssueCollector;
  /** Whether a line or component with this id exists now. */
  hasRow(id: string): boolean;
  /** Records that `step` sets `key` in `year`: two setters of one key and year conflict. */
  touch(key: string, year: number, step: number): void;
  /** Records an edit. */
  record(entry: ItemTrace): void;
}

type DCover = NonNullable<Draft<Budget>['cover']>;
type DClaim = Draft<CoverClaim>;
type DSource = Draft<CoverSource>;
type DTarget = Draft<SavingsTarget>;
const CLAIM_FIELDS = ['source', 'extent', 'years'] as const;

/**
 * Applies the cover and savings-target changes of a scenario to the draft budget: claims, capacities, reserve
 * openings, target paths and measure realisations. Keys of conflicts are `claim <id> <field>`, `capacity <id>`,
 * `opening <id>`, `path <id>` and `measure <target>/<id>` (ids never contain a space, so they never clash with rows).
 * @internal
 */
export class ItemEditor {
  constructor(private readonly ctx: ItemContext) {}

  /** Ids of the claims, kept by add-claim and drop-claim (a set, not a walk through the draft per added claim). */
  #claimIds: Set<string> | undefined;

  private claimIds(): Set<string> {
    this.#claimIds ??= new Set(this.cover()?.claims.map((c) => c.id) ?? []);
    return this.#claimIds;
  }

  /** Applies one change. */
  apply(change: CoverOrTargetChange, step: Step, i: number): void {
    switch (change.kind) {
      case 'add-claim':
        return this.addClaim(change, step, i);
      case 'set-claim':
        return this.setClaim(change, step, i);
      case 'drop-claim':
        return this.dropClaim(change, step, i);
      case 'set-capacity':
        return this.setCapacity(change, step, i);
      case 'set-reserve-opening':
        return this.setOpening(change, step, i);
      case 'set-target-path':
        return this.setPath(change, step, i);
      case 'set-realisation':
        return this.setRealisation(change, step, i);
    }
  }

  private get horizon(): Draft<Budget>['horizon'] {
    return this.ctx.draft.horizon;
  }

  private get allYears(): number[] {
    return [...this.horizon.years];
  }

  private issue(code: IssueCode, path: Path, message: string): void {
    this.ctx.collector.add(code, path, message);
  }

  private amount(raw: ScenarioAmount, step: Step, path: Path): Decimal | undefined {
    return readScenarioAmount(raw, step.factor, step.format, path, this.ctx.collector);
  }

  private rate(raw: ScenarioAmount, step: Step, path: Path): Decimal | undefined {
    return readScenarioAmount(raw, new Dec(1), step.format, path, this.ctx.collector);
  }

  private years(selection: YearSelection, path: Path): number[] {
    return resolveYears(selection, this.horizon, path, this.ctx.collector);
  }

  private inHorizon(year: number, path: Path): boolean {
    const h = this.horizon;
    if (year >= h.from && year <= h.to) return true;
    this.issue('year_outside_horizon', path, `${year} is outside the horizon ${h.from}-${h.to}`);
    return false;
  }

  /** Amounts by year in euros, every year inside the horizon; undefined when one is bad. */
  private yearAmounts(raw: Readonly<Record<string, ScenarioAmount>>, step: Step, path: Path): Record<string, Decimal> | undefined {
    const out: Record<string, Decimal> = {};
    let ok = true;
    for (const [year, value] of Object.entries(raw)) {
      if (!this.inHorizon(Number(year), [...path, year])) {
        ok = false;
        continue;
      }
      const amount = this.amount(value, step, [...path, year]);
      if (amount === undefined) ok = false;
      else out[year] = amount;
    }
    return ok ? out : undefined;
  }

  private cover(): DCover | undefined {
    return this.ctx.draft.cover;
  }

  private source(id: string, path: Path): DSource | undefined {
    const sources = this.cover()?.sources;
    const source = sources !== undefined && Object.prototype.hasOwnProperty.call(sources, id) ? sources[id] : undefined;
    if (source === undefined) this.issue('unknown_reference', path, `no cover source "${id}" in the budget`);
    return source;
  }

  private claimIndex(id: string, path: Path): number {
    if (work.enabled) tally('rowVisit', this.cover()?.claims.length ?? 0);
    const at = this.cover()?.claims.findIndex((c) => c.id === id) ?? -1;
    if (at < 0) this.issue('unknown_reference', path, `no cover claim "${id}" in the budget`);
    return at;
  }

  private target(id: string, path: Path): DTarget | undefined {
    const targets = this.ctx.draft.targets;
    const target = targets !== undefined && Object.prototype.hasOwnProperty.call(targets, id) ? targets[id] : undefined;
    if (target === undefined) this.issue('unknown_reference', path, `no savings target "${id}" in the budget`);
    return target;
  }

  private extent(spec: ClaimExtentSpec, step: Step, path: Path): ClaimExtent | undefined {
    if (spec === 'full') return { kind: 'full' };
    if ('share' in spec) {
      const rate = this.rate(spec.share, step, [...path, 'share']);
      return rate === undefined ? undefined : { kind: 'share', rate };
    }
    const values = this.yearAmounts(spec.amount, step, [...path, 'amount']);
    return values === undefined ? undefined : { kind: 'amount', values };
  }

  private touchClaim(id: string, fields: readonly string[], i: number): void {
    for (const field of fields) for (const year of this.allYears) this.ctx.touch(`claim ${id} ${field}`, year, i);
  }

  private addClaim(change: AddClaimChange, step: Step, i: number): void {
    const spec = change.claim;
    const cp = [...step.path, 'claim'];
    let ok = true;
    const cover = this.cover();
    if (this.claimIds().has(spec.id)) {
      this.issue('duplicate_id', [...cp, 'id'], `"${spec.id}" is already a claim`);
      ok = false;
    }
    if (!this.ctx.hasRow(spec.target)) {
      this.issue('unknown_reference', [...cp, 'target'], `no line or component "${spec.target}" in the budget`);
      ok = false;
    }
    if (this.source(spec.source, [...cp, 'source']) === undefined) ok = false;
    let at = cover?.claims.length ?? 0;
    if (change.before !== undefined) {
      at = this.claimIndex(change.before, [...step.path, 'before']);
      if (at < 0) ok = false;
    }
    const extent = this.extent(spec.extent ?? 'full', step, [...cp, 'extent']);
    const years = spec.years === undefined ? undefined : this.years(spec.years, [...cp, 'years']);
    if (!ok || extent === undefined || cover === undefined || (years !== undefined && years.length === 0)) return;
    const claim: CoverClaim = { id: spec.id, target: spec.target, source: spec.source, extent, ...(years === undefined ? {} : { years }) };
    cover.claims.splice(at, 0, claim as DClaim);
    this.claimIds().add(spec.id);
    this.ctx.record({ kind: 'claim', id: spec.id, field: 'added', years: years ?? this.allYears, step: i });
  }

  private setClaim(change: SetClaimChange, step: Step, i: number): void {
    const at = this.claimIndex(change.claim, [...step.path, 'claim']);
    const source = change.source === undefined ? undefined : this.source(change.source, [...step.path, 'source']);
    const extent = change.extent === undefined ? undefined : this.extent(change.extent, step, [...step.path, 'extent']);
    let years: number[] | 'all' | undefined;
    if (change.years === 'all') years = 'all';
    else if (change.years !== undefined) {
      years = this.years(change.years, [...step.path, 'years']);
      if (years.length === 0) return;
    }
    if (at < 0 || (change.source !== undefined && source === undefined) || (change.extent !== undefined && extent === undefined)) return;
    const claim = this.cover()!.claims[at]!;
    const fields: string[] = [];
    if (source !== undefined) {
      claim.source = source.id;
      fields.push('source');
    }
    if (extent !== undefined) {
      claim.extent = extent as Draft<ClaimExtent>;
      fields.push('extent');
    }
    if (years === 'all') delete claim.years;
    else if (years !== undefined) claim.years = years;
    if (years !== undefined) fields.push('years');
    this.touchClaim(claim.id, fields, i);
    for (const field of fields) this.ctx.record({ kind: 'claim', id: claim.id, field, years: this.allYears, step: i });
  }

  private dropClaim(change: DropClaimChange, step: Step, i: number): void {
    const at = this.claimIndex(change.claim, [...step.path, 'claim']);
    if (at < 0) return;
    this.cover()!.claims.splice(at, 1);
    this.#claimIds?.delete(change.claim);
    this.touchClaim(change.claim, CLAIM_FIELDS, i);
    this.ctx.record({ kind: 'claim', id: change.claim, field: 'dropped', years: this.allYears, step: i });
  }

  private capacity(spec: CapacitySpec, source: DSource, step: Step, path: Path): Capacity | undefined {
    if (spec === 'unlimited') return { kind: 'unlimited' };
    if (spec === 'balance') {
      if (source.reserve === undefined) {
        this.issue('not_reserve', path, `only a reserve has its balance as capacity; "${source.id}" is not a reserve`);
        return undefined;
      }
      return { kind: 'balance' };
    }
    if ('perYear' in spec) {
      const values = this.yearAmounts(spec.perYear, step, [...path, 'perYear']);
      return values === undefined ? undefined : { kind: 'per-year', values };
    }
    if ('total' in spec) {
      const amount = this.amount(spec.total, step, [...path, 'total']);
      const fromOk = spec.from === undefined || this.inHorizon(spec.from, [...path, 'from']);
      if (amount === undefined || !fromOk) return undefined;
      return spec.from === undefined ? { kind: 'total', amount } : { kind: 'total', amount, from: spec.from };
    }
    let ok = true;
    if (!this.ctx.hasRow(spec.line)) {
      this.issue('unknown_reference', [...path, 'line'], `no line or component "${spec.line}" in the budget`);
      ok = false;
    }
    spec.years?.forEach((y, n) => {
      if (!this.inHorizon(y, [...path, 'years', n])) ok = false;
    });
    if (!ok) return undefined;
    return spec.years === undefined ? { kind: 'line', line: spec.line } : { kind: 'line', line: spec.line, years: [...spec.years] };
  }

  private setCapacity(change: SetCapacityChange, step: Step, i: number): void {
    const source = this.source(change.source, [...step.path, 'source']);
    if (change.capacity !== undefined) {
      if (source === undefined) return;
      const capacity = this.capacity(change.capacity, source, step, [...step.path, 'capacity']);
      if (capacity === undefined) return;
      source.capacity = capacity as Draft<Capacity>;
      for (const year of this.allYears) this.ctx.touch(`capacity ${source.id}`, year, i);
      this.ctx.record({ kind: 'source', id: source.id, field: 'capacity', years: this.allYears, step: i });
      return;
    }
    const years = this.years(change.years ?? [], [...step.path, 'years']);
    const value = this.amount(change.value ?? '', step, [...step.path, 'value']);
    if (source === undefined || value === undefined || years.length === 0) return;
    const capacity = source.capacity;
    if (capacity.kind !== 'per-year') {
      this.issue('capacity_not_per_year', [...step.path, 'years'], `"${source.id}" has a capacity of kind ${capacity.kind}, not per year: give a whole new capacity instead`);
      return;
    }
    for (const year of years) {
      capacity.values[String(year)] = value as Draft<Decimal>;
      this.ctx.touch(`capacity ${source.id}`, year, i);
    }
    this.ctx.record({ kind: 'source', id: source.id, field: 'capacity', years, step: i });
  }

  private setOpening(change: SetReserveOpeningChange, step: Step, i: number): void {
    const source = this.source(change.source, [...step.path, 'source']);
    const value = this.amount(change.value, step, [...step.path, 'value']);
    if (source === undefined || value === undefined) return;
    if (source.reserve === undefined) {
      this.issue('not_reserve', [...step.path, 'source'], `"${source.id}" is not a reserve: it has no opening balance`);
      return;
    }
    source.reserve.opening = value as Draft<Decimal>;
    for (const year of this.allYears) this.ctx.touch(`opening ${source.id}`, year, i);
    this.ctx.record({ kind: 'source', id: source.id, field: 'opening', years: this.allYears, step: i });
  }

  private setPath(change: SetTargetPathChange, step: Step, i: number): void {
    const target = this.target(change.target, [...step.path, 'target']);
    const years = this.years(change.years, [...step.path, 'years']);
    const raw = change.value;
    const pm = typeof raw === 'string' && raw.trim().toLowerCase() === 'pm';
    const value = raw === null || pm ? undefined : this.amount(raw, step, [...step.path, 'value']);
    if (target === undefined || years.length === 0 || (raw !== null && !pm && value === undefined)) return;
    for (const year of years) {
      const y = String(year);
      if (raw === null) delete target.path[y];
      else target.path[y] = (pm ? PM : value) as Draft<Decimal>;
      this.ctx.touch(`path ${target.id}`, year, i);
    }
    this.ctx.record({ kind: 'target', id: target.id, field: 'path', years, step: i });
  }

  private realisation(spec: RealisationSpec, measure: Measure, step: Step, path: Path): Realisation | undefined {
    if (spec === 'as-planned' || spec === 'none') return { kind: spec };
    const above = spec.abovePlan === true ? { abovePlan: true } : {};
    if ('delay' in spec) {
      if (spec.rate === undefined) return { kind: 'delay', years: spec.delay };
      const rate = this.rate(spec.rate, step, [...path, 'rate']);
      return rate === undefined ? undefined : { kind: 'delay', years: spec.delay, rate };
    }
    if ('rate' in spec) {
      const rate = this.rate(spec.rate, step, [...path, 'rate']);
      return rate === undefined ? undefined : { kind: 'rate', rate, ...above };
    }
    const values = this.yearAmounts(spec.amount, step, [...path, 'amount']);
    if (values === undefined) return undefined;
    if (spec.abovePlan !== true) {
      let ok = true;
      for (const [year, value] of Object.entries(values)) {
        const plan = measure.planned[year] ?? new Dec(0);
        if (value.gt(plan)) {
          this.issue('realisation_above_plan', [...path, 'amount', year], `${value.toFixed()} is more than the ${plan.toFixed()} planned for "${measure.id}"; say so with "abovePlan": true`);
          ok = false;
        }
      }
      if (!ok) return undefined;
    }
    return { kind: 'amount', values, ...above };
  }

  private setRealisation(change: SetRealisationChange, step: Step, i: number): void {
    const target = this.target(change.target, [...step.path, 'target']);
    if (target === undefined) return;
    const ids = change.measures ?? Object.keys(target.measures);
    if (ids.length === 0) {
      this.issue('empty_selection', [...step.path, 'target'], `the target "${target.id}" has no measures`);
      return;
    }
    const measures: Draft<Measure>[] = [];
    ids.forEach((id, n) => {
      const m = Object.prototype.hasOwnProperty.call(target.measures, id) ? target.measures[id] : undefined;
      if (m === undefined) this.issue('unknown_reference', [...step.path, 'measures', n], `no measure "${id}" in the target "${target.id}"`);
      else measures.push(m);
    });
    if (measures.length !== ids.length) return;
    const chosen: { measure: Draft<Measure>; realisation: Realisation }[] = [];
    for (const measure of measures) {
      const realisation = this.realisation(change.realisation, measure as Measure, step, [...step.path, 'realisation']);
      if (realisation !== undefined) chosen.push({ measure, realisation });
    }
    if (chosen.length !== measures.length) return;
    for (const { measure, realisation } of chosen) {
      measure.realisation = realisation as Draft<Realisation>;
      for (const year of this.allYears) this.ctx.touch(`measure ${target.id}/${measure.id}`, year, i);
      this.ctx.record({ kind: 'measure', id: measure.id, target: target.id, field: 'realisation', years: this.allYears, step: i });
    }
  }
}

/** Whether a change acts on cover or savings targets rather than on budget lines. @internal */
export function isCoverOrTargetChange(change: { readonly kind: string }): change is CoverOrTargetChange {
  return ITEM_KINDS.has(change.kind);
}

const ITEM_KINDS = new Set<string>(['add-claim', 'set-claim', 'drop-claim', 'set-capacity', 'set-reserve-opening', 'set-target-path', 'set-realisation']);
