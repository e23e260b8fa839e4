/**
 * The cover part of a Monte Carlo plan (dekkingsprogramma): the budget's cover sources and claims in integer
 * units, and the rows whose totals the claims and line capacities read.
 * @packageDocumentation
 */
import { ZERO } from '../../core/decimal.js';
import type { CoverEvaluation } from '../../evaluate/cover.js';
import type { CoverClaim, CoverSource } from '../../model/cover.js';
import type { CompiledBudget } from '../../engine/compile.js';
import type { Engine } from '../../engine/engine.js';
import type { CoverProgram } from './plan-data.js';
import { unitsOf } from './units.js';

/** The cover compiled for a plan, before the input slots are known. @internal */
export interface PlannedCover {
  /** The cover program, less its slot lookups (`slotCoverStart`, `slotCover`). */
  readonly program: Omit<CoverProgram, 'slotCoverStart' | 'slotCover'>;
  /** The sources, in the budget's order. */
  readonly sources: readonly CoverSource[];
  /** Index of each source by id. */
  readonly sourceIndex: ReadonlyMap<string, number>;
  /** Row or line id of each cover row. */
  readonly rowIds: readonly string[];
  /** Per row of the compiled budget: the cover rows whose totals it counts in. */
  readonly rowCover: readonly (readonly number[])[];
  /** Cover rows that a `share` claim reads. */
  readonly shareRows: ReadonlySet<number>;
  /** Number of `full` claims on a known row (each reads a drawn total). */
  readonly fullClaims: number;
  /** Sum of the absolute capacities, reserve mutations and fixed claims, in units. */
  readonly bound: number;
}

/** The cover rows a plan reads (a line or row id each), numbered as they are first met. */
class CoverRows {
  /** Row or line id of each cover row. */
  readonly ids: string[] = [];
  readonly #index = new Map<string, number>();

  constructor(private readonly compiled: CompiledBudget) {}

  /** The cover row of `id`, added when new; -1 when the budget has no such row. */
  indexOf(id: string): number {
    let cr = this.#index.get(id);
    if (cr === undefined) {
      if (this.compiled.rowOf(id) < 0) return -1;
      cr = this.ids.length;
      this.ids.push(id);
      this.#index.set(id, cr);
    }
    return cr;
  }
}

type SourceProgram = Pick<CoverProgram, 'capKind' | 'capBase' | 'capStart' | 'capRow' | 'capYears' | 'hasReserve' | 'resOpening' | 'resAdd' | 'resWithdraw'>;
type ClaimProgram = Pick<CoverProgram, 'claimSource' | 'claimRow' | 'claimApplies' | 'claimFixed'>;

/** The sources' capacities and reserves in units, and the sum of their absolute amounts. */
function planSources(compiled: CompiledBudget, sources: readonly CoverSource[], rows: CoverRows): { program: SourceProgram; bound: number } {
  const Y = compiled.yearCount;
  const years = compiled.years;
  const dec = compiled.decimals;
  const SC = sources.length;
  const capKind = new Uint8Array(SC);
  const capBase = new Float64Array(SC * (Y + 1));
  const capStart = new Int32Array(SC);
  const capRow = new Int32Array(SC).fill(-1);
  const capYears = new Uint8Array(SC * Y);
  const hasReserve = new Uint8Array(SC);
  const resOpening = new Float64Array(SC);
  const resAdd = new Float64Array(SC * Y);
  const resWithdraw = new Float64Array(SC * Y);
  let bound = 0;
  sources.forEach((s, i) => {
    const cap = s.capacity;
    if (cap.kind === 'per-year') {
      years.forEach((year, y) => (capBase[i * (Y + 1) + y] = unitsOf(cap.values[String(year)] ?? ZERO, dec)));
    } else if (cap.kind === 'total') {
      capKind[i] = 1;
      capBase[i * (Y + 1) + Y] = unitsOf(cap.amount, dec);
      const start = years.findIndex((year) => cap.from === undefined || year >= cap.from);
      capStart[i] = start < 0 ? Y : start;
    } else if (cap.kind === 'line') {
      capKind[i] = 2;
      capRow[i] = rows.indexOf(cap.line);
      years.forEach((year, y) => (capYears[i * Y + y] = cap.years === undefined || cap.years.includes(year) ? 1 : 0));
    } else capKind[i] = cap.kind === 'unlimited' ? 3 : 4;
    for (let k = 0; k <= Y; k++) bound += Math.abs(capBase[i * (Y + 1) + k]!);
    if (s.reserve !== undefined) {
      const reserve = s.reserve;
      hasReserve[i] = 1;
      resOpening[i] = unitsOf(reserve.opening, dec);
      bound += Math.abs(resOpening[i]!);
      years.forEach((year, y) => {
        resAdd[i * Y + y] = unitsOf(reserve.additions[String(year)] ?? ZERO, dec);
        resWithdraw[i * Y + y] = unitsOf(reserve.withdrawals[String(year)] ?? ZERO, dec);
        bound += Math.abs(resAdd[i * Y + y]!) + Math.abs(resWithdraw[i * Y + y]!);
      });
    }
  });
  return { program: { capKind, capBase, capStart, capRow, capYears, hasReserve, resOpening, resAdd, resWithdraw }, bound };
}

/** The claims in priority order: source, the row a `full` claim reads, the years, fixed amounts in units. */
function planClaims(
  compiled: CompiledBudget,
  claims: readonly CoverClaim[],
  sourceIndex: ReadonlyMap<string, number>,
  evaluation: CoverEvaluation | undefined,
  rows: CoverRows,
): { program: ClaimProgram; shareRows: Set<number>; fullClaims: number; bound: number } {
  const Y = compiled.yearCount;
  const years = compiled.years;
  const dec = compiled.decimals;
  const C = claims.length;
  const claimSource = new Int32Array(C);
  const claimRow = new Int32Array(C).fill(-1);
  const claimApplies = new Uint8Array(C * Y);
  const claimFixed = new Float64Array(C * Y);
  const shareRows = new Set<number>();
  let fullClaims = 0;
  let bound = 0;
  claims.forEach((claim, c) => {
    claimSource[c] = sourceIndex.get(claim.source) ?? -1;
    const cr = claim.extent.kind === 'amount' ? -1 : rows.indexOf(claim.target);
    if (claim.extent.kind === 'full' && cr >= 0) {
      claimRow[c] = cr;
      fullClaims++;
    }
    if (claim.extent.kind === 'share' && cr >= 0) shareRows.add(cr);
    years.forEach((year, y) => {
      claimApplies[c * Y + y] = claim.years === undefined || claim.years.includes(year) ? 1 : 0;
      if (claimRow[c]! < 0) {
        claimFixed[c * Y + y] = unitsOf(evaluation?.claims[c]?.years[String(year)]?.claimed ?? ZERO, dec);
        bound += Math.abs(claimFixed[c * Y + y]!);
      }
    });
  });
  return { program: { claimSource, claimRow, claimApplies, claimFixed }, shareRows, fullClaims, bound };
}

/** The cover rows' totals without draws, and per compiled row the cover rows it counts in. */
function planRows(compiled: CompiledBudget, engine: Engine, rowIds: readonly string[]): { rowBase: Float64Array; rowCover: number[][] } {
  const Y = compiled.yearCount;
  const rowCover: number[][] = Array.from({ length: compiled.rowCount }, () => []);
  const rowBase = new Float64Array(rowIds.length * Y);
  rowIds.forEach((id, cr) => {
    const l = compiled.lineOf(id);
    const r = compiled.rowOf(id);
    const first = l >= 0 ? compiled.lineFirstRow[l]! : r;
    const end = l >= 0 ? compiled.lineFirstRow[l + 1]! : r + 1;
    for (let row = first; row < end; row++) rowCover[row]!.push(cr);
    for (let y = 0; y < Y; y++) rowBase[cr * Y + y] = Number(l >= 0 ? engine.amountUnits('line', l, y) : engine.amountUnits('row', r, y));
  });
  return { rowBase, rowCover };
}

/**
 * Compiles the cover for the draw kernel: sources, claims in priority order and the rows they read, mirroring
 * `evaluateCover`.
 * @param compiled - the budget in the plan's units
 * @param engine - the engine on `compiled` (for the rows' totals without draws)
 * @param sources - the cover sources (empty when the cover is not reported)
 * @param claims - the claims in priority order
 * @param evaluation - `evaluateCover` of the budget, for the claims with fixed amounts
 * @internal
 */
export function planCover(
  compiled: CompiledBudget,
  engine: Engine,
  sources: readonly CoverSource[],
  claims: readonly CoverClaim[],
  evaluation: CoverEvaluation | undefined,
): PlannedCover {
  const sourceIndex = new Map<string, number>(sources.map((s, i) => [s.id, i]));
  const rows = new CoverRows(compiled);
  const planned = planSources(compiled, sources, rows);
  const claimed = planClaims(compiled, claims, sourceIndex, evaluation, rows);
  const { rowBase, rowCover } = planRows(compiled, engine, rows.ids);
  return {
    program: { ...planned.program, ...claimed.program, rowBase },
    sources,
    sourceIndex,
    rowIds: rows.ids,
    rowCover,
    shareRows: claimed.shareRows,
    fullClaims: claimed.fullClaims,
    bound: planned.bound + claimed.bound,
  };
}
