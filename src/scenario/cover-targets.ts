import type { Draft } from 'immer';
import { Dec, type Decimal } from '../core/decimal.js';
import type { IssueCode, IssueCollector, Path } from '../core/errors.js';
import { tally, work } from '../core/work.js';
import { type Budget } from '../model/budget.js';
import type { CoverClaim, CoverSource } from '../model/cover.js';
import type { SavingsTarget } from '../model/savings.js';
import { readScenarioAmount, resolveYears } from './values.js';
import type { ChangeStep, ScenarioAmount, YearSelection } from './changes/common.js';

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

/** The draft's cover. @internal */
export type DCover = NonNullable<Draft<Budget>['cover']>;
/** A claim of the draft. @internal */
export type DClaim = Draft<CoverClaim>;
/** A source of the draft. @internal */
export type DSource = Draft<CoverSource>;
/** A target of the draft. @internal */
export type DTarget = Draft<SavingsTarget>;
/** The fields of a claim a change may set. @internal */
export const CLAIM_FIELDS = ['source', 'extent', 'years'] as const;

/**
 * The shared state and lookups of the cover and savings-target changes of a scenario (claims, capacities, reserve
 * openings, target paths and measure realisations; each kind applies itself in `changes/`). Keys of conflicts are `claim <id> <field>`, `capacity <id>`,
 * `opening <id>`, `path <id>` and `measure <target>/<id>` (ids never contain a space, so they never clash with rows).
 * @internal
 */
export class ItemEditor {
  constructor(readonly ctx: ItemContext) {}

  /** Ids of the claims, kept by add-claim and drop-claim (a set, not a walk through the draft per added claim). */
  #claimIds: Set<string> | undefined;

  /** Forgets a dropped claim. */
  forgetClaim(id: string): void {
    this.#claimIds?.delete(id);
  }

  claimIds(): Set<string> {
    this.#claimIds ??= new Set(this.cover()?.claims.map((c) => c.id) ?? []);
    return this.#claimIds;
  }

  get horizon(): Draft<Budget>['horizon'] {
    return this.ctx.draft.horizon;
  }

  get allYears(): number[] {
    return [...this.horizon.years];
  }

  issue(code: IssueCode, path: Path, message: string): void {
    this.ctx.collector.add(code, path, message);
  }

  amount(raw: ScenarioAmount, step: ChangeStep, path: Path): Decimal | undefined {
    return readScenarioAmount(raw, step.factor, step.format, path, this.ctx.collector);
  }

  rate(raw: ScenarioAmount, step: ChangeStep, path: Path): Decimal | undefined {
    return readScenarioAmount(raw, new Dec(1), step.format, path, this.ctx.collector);
  }

  years(selection: YearSelection, path: Path): number[] {
    return resolveYears(selection, this.horizon, path, this.ctx.collector);
  }

  inHorizon(year: number, path: Path): boolean {
    const h = this.horizon;
    if (year >= h.from && year <= h.to) return true;
    this.issue('year_outside_horizon', path, `${year} is outside the horizon ${h.from}-${h.to}`);
    return false;
  }

  /** Amounts by year in euros, every year inside the horizon; undefined when one is bad. */
  yearAmounts(raw: Readonly<Record<string, ScenarioAmount>>, step: ChangeStep, path: Path): Record<string, Decimal> | undefined {
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

  cover(): DCover | undefined {
    return this.ctx.draft.cover;
  }

  source(id: string, path: Path): DSource | undefined {
    const sources = this.cover()?.sources;
    const source = sources !== undefined && Object.prototype.hasOwnProperty.call(sources, id) ? sources[id] : undefined;
    if (source === undefined) this.issue('unknown_reference', path, `no cover source "${id}" in the budget`);
    return source;
  }

  claimIndex(id: string, path: Path): number {
    if (work.enabled) tally('rowVisit', this.cover()?.claims.length ?? 0);
    const at = this.cover()?.claims.findIndex((c) => c.id === id) ?? -1;
    if (at < 0) this.issue('unknown_reference', path, `no cover claim "${id}" in the budget`);
    return at;
  }

  target(id: string, path: Path): DTarget | undefined {
    const targets = this.ctx.draft.targets;
    const target = targets !== undefined && Object.prototype.hasOwnProperty.call(targets, id) ? targets[id] : undefined;
    if (target === undefined) this.issue('unknown_reference', path, `no savings target "${id}" in the budget`);
    return target;
  }

  touchClaim(id: string, fields: readonly string[], i: number): void {
    for (const field of fields) for (const year of this.allYears) this.ctx.touch(`claim ${id} ${field}`, year, i);
  }
}
