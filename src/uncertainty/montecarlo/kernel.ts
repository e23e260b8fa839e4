/**
 * The draw kernel of a Monte Carlo plan (trekkingskern): one draw, allocation-free, on the plan's typed arrays.
 * Used by the main thread, the workers and the tornado table.
 * @packageDocumentation
 */
import { applyRatio, divRoundBig } from '../../engine/rate.js';
import { compileSpec, rateToPpm, type Sampler } from '../distribution.js';
import { createDrawStreams } from '../random.js';
import type { MonteCarloPlan } from './plan-data.js';
import { createDriverStep } from './kernel-drivers.js';

/**
 * The draw kernel of a plan (trekkingskern): reusable buffers and the per-input samplers.
 * Used by the main thread, the workers and the tornado table.
 */
export interface DrawKernel {
  /**
   * Evaluates the budget with given input values (cents for `amount` and `capacity`, rates or driver values for the others) into
   * `out[offset .. offset + stride)`.
   */
  evaluate(values: Float64Array, out: Float64Array, offset: number): void;
  /**
   * Runs draws `from .. to - 1` into `out` (`(to - from) * stride` values). A rank-correlated input draws at
   * draw `d` from the stream of the draw its order gives (`plan.drawOrder`).
   */
  run(from: number, to: number, out: Float64Array): void;
}

/**
 * Builds the kernel of a plan.
 * @param plan - from `planMonteCarlo` (or received by a worker)
 */
export function createKernel(plan: MonteCarloPlan): DrawKernel {
  const Y = plan.yearCount;
  const S = plan.slotBase.length;
  const J = plan.inputKind.length;
  const work = new Float64Array(S);
  const values = new Float64Array(J);
  const samplers: Sampler[] = plan.distributions.map((spec, j) => compileSpec(spec, { unit: plan.inputKind[j] === 0 || plan.inputKind[j] === 4 ? 'euro' : 'rate' }));
  const drivers = createDriverStep(plan.drivers, plan.unitsPerCent);
  const streams = createDrawStreams(plan.seed, plan.inputStream);
  const rng = streams.random;
  const { slotBase, slotYear, slotStructural, slotTargetStart, slotTargets, inputKind, inputSlotStart, inputSlots, inputExponent, base, unitsPerCent, rounding, stride } = plan;
  const { msTarget, msYear, msPlanned, msBase, inputOrder, drawOrder, orderDraws } = plan;
  const ordered = inputOrder.some((c) => c >= 0);
  const MS = msBase.length;
  const msWork = new Float64Array(MS);
  const savingsOffset = (2 + plan.targetCount) * Y;
  const cover = plan.cover;
  const coverOffset = (2 + plan.targetCount + plan.savingsCount) * Y;
  const SC = cover.capKind.length;
  const C = cover.claimSource.length;
  const capWork = new Float64Array(cover.capBase.length);
  const rowWork = new Float64Array(cover.rowBase.length);
  const remaining = new Float64Array(SC);
  const given = new Float64Array(SC);
  const totalLeft = new Float64Array(SC);
  const balance = new Float64Array(SC);
  const opening = new Float64Array(SC);

  /** The cover, served year by year as evaluateCover serves it: the uncovered amount per year into `out`. */
  const serveCover = (out: Float64Array, offset: number): void => {
    const { capKind, capStart, capRow, capYears, hasReserve, resOpening, resAdd, resWithdraw, claimSource, claimRow, claimApplies, claimFixed } = cover;
    for (let s = 0; s < SC; s++) {
      totalLeft[s] = capWork[s * (Y + 1) + Y]!;
      balance[s] = resOpening[s]!;
    }
    for (let y = 0; y < Y; y++) {
      for (let s = 0; s < SC; s++) {
        const kind = capKind[s]!;
        let avail: number;
        if (kind === 0) avail = capWork[s * (Y + 1) + y]!;
        else if (kind === 1) avail = y >= capStart[s]! ? totalLeft[s]! : 0;
        else if (kind === 2) avail = capYears[s * Y + y] === 1 && capRow[s]! >= 0 ? Math.max(0, rowWork[capRow[s]! * Y + y]!) : 0;
        else if (kind === 3) avail = Infinity;
        else avail = 0;
        if (hasReserve[s] === 1) {
          opening[s] = balance[s]!;
          const free = Math.max(0, balance[s]! + resAdd[s * Y + y]! - resWithdraw[s * Y + y]!);
          avail = kind === 4 || kind === 3 ? free : Math.min(avail, free);
        }
        remaining[s] = avail;
        given[s] = 0;
      }
      let uncovered = 0;
      for (let c = 0; c < C; c++) {
        const cr = claimRow[c]!;
        const claimed = cr < 0 ? claimFixed[c * Y + y]! : claimApplies[c * Y + y] === 1 ? Math.max(0, -rowWork[cr * Y + y]!) : 0;
        const s = claimSource[c]!;
        if (s < 0) {
          uncovered += claimed;
          continue;
        }
        if (claimed === 0) continue;
        const left = remaining[s]!;
        const covered = left === Infinity ? claimed : Math.min(claimed, Math.max(0, left));
        if (left !== Infinity) remaining[s] = left - covered;
        given[s]! += covered;
        uncovered += claimed - covered;
      }
      for (let s = 0; s < SC; s++) {
        if (capKind[s] === 1 && y >= capStart[s]!) totalLeft[s]! -= given[s]!;
        if (hasReserve[s] === 1) balance[s] = opening[s]! + resAdd[s * Y + y]! - resWithdraw[s * Y + y]! - given[s]!;
      }
      out[offset + coverOffset + y] = uncovered === 0 ? 0 : uncovered;
    }
  };
  const MILLION = 1_000_000;
  let maxExponent = 1;
  for (let k = 0; k < inputExponent.length; k++) maxExponent = Math.max(maxExponent, inputExponent[k]!);
  const bigNum: bigint[] = new Array<bigint>(maxExponent + 1).fill(1n);
  const bigDen: bigint[] = new Array<bigint>(maxExponent + 1).fill(1n);
  for (let n = 1; n <= maxExponent; n++) bigDen[n] = bigDen[n - 1]! * 1_000_000n;

  const evaluate = (vals: Float64Array, out: Float64Array, offset: number): void => {
    work.set(slotBase);
    drivers.reset();
    if (MS > 0) msWork.set(msBase);
    if (plan.coverActive === 1) {
      capWork.set(cover.capBase);
      rowWork.set(cover.rowBase);
    }
    for (let j = 0; j < J; j++) {
      const v = vals[j]!;
      const from = inputSlotStart[j]!;
      const to = inputSlotStart[j + 1]!;
      const kind = inputKind[j]!;
      if (kind === 0) {
        const units = v * unitsPerCent;
        for (let k = from; k < to; k++) work[inputSlots[k]!] = units;
      } else if (kind === 1) {
        const ppm = rateToPpm(v);
        for (let k = from; k < to; k++) {
          const s = inputSlots[k]!;
          work[s] = applyRatio(work[s]!, ppm, MILLION, rounding);
        }
      } else if (kind === 3) {
        const ppm = rateToPpm(v);
        for (let k = from; k < to; k++) {
          const ms = inputSlots[k]!;
          msWork[ms] = applyRatio(msPlanned[ms]!, ppm, MILLION, rounding);
        }
      } else if (kind === 4) {
        const units = v * unitsPerCent;
        for (let k = from; k < to; k++) capWork[inputSlots[k]!] = units;
      } else if (kind >= 5) {
        drivers.apply(j, v, work);
      } else {
        const ppm = rateToPpm(v);
        const step = BigInt(MILLION + ppm);
        for (let n = 1; n <= maxExponent; n++) bigNum[n] = bigNum[n - 1]! * step;
        for (let k = from; k < to; k++) {
          const s = inputSlots[k]!;
          const n = inputExponent[k]!;
          if (n === 0) continue;
          work[s] = n === 1 ? applyRatio(work[s]!, MILLION + ppm, MILLION, rounding) : Number(divRoundBig(BigInt(work[s]!) * bigNum[n]!, bigDen[n]!, rounding));
        }
      }
    }
    for (let i = 0; i < stride; i++) out[offset + i] = base[i]!;
    for (let s = 0; s < S; s++) {
      const d = work[s]! - slotBase[s]!;
      if (d === 0) continue;
      const y = slotYear[s]!;
      out[offset + y]! += d;
      if (slotStructural[s] === 1) out[offset + Y + y]! += d;
      for (let k = slotTargetStart[s]!; k < slotTargetStart[s + 1]!; k++) out[offset + (2 + slotTargets[k]!) * Y + y]! += d;
      for (let k = cover.slotCoverStart[s]!; k < cover.slotCoverStart[s + 1]!; k++) rowWork[cover.slotCover[k]! * Y + y]! += d;
    }
    for (let ms = 0; ms < MS; ms++) {
      const d = msWork[ms]! - msBase[ms]!;
      if (d !== 0) out[offset + savingsOffset + msTarget[ms]! * Y + msYear[ms]!]! += d;
    }
    if (plan.coverActive === 1) serveCover(out, offset);
  };

  return {
    evaluate,
    run(from: number, to: number, out: Float64Array): void {
      for (let d = from; d < to; d++) {
        streams.draw(d);
        for (let j = 0; j < J; j++) {
          if (inputOrder[j]! >= 0) continue;
          streams.stream(j);
          values[j] = samplers[j]!(rng);
        }
        // a rank-correlated input draws from the stream of the draw its order gives (plan-correlation.ts)
        if (ordered) {
          for (let j = 0; j < J; j++) {
            const c = inputOrder[j]!;
            if (c < 0) continue;
            streams.draw(drawOrder[c * orderDraws + d]!);
            streams.stream(j);
            values[j] = samplers[j]!(rng);
          }
        }
        evaluate(values, out, (d - from) * stride);
      }
    },
  };
}
