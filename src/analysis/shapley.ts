/**
 * The Shapley values behind the attribution of a difference to scenarios: exactly over every coalition, or
 * estimated from seeded random orders when there are too many steps.
 * @internal
 * @module
 */
import { Dec, ZERO, type Decimal } from '../core/decimal.js';

/** Figures per year. */
export type Values = Record<string, Decimal>;

/** The exact Shapley value (Shapley-waarde) of each of `n` players per year, over every coalition. */
export function exactShapley(n: number, value: (mask: bigint) => Values, years: readonly number[]): Values[] {
  const fact: Decimal[] = [new Dec(1)];
  for (let k = 1; k <= n; k++) fact.push(fact[k - 1]!.times(k));
  const out: Values[] = [];
  for (let i = 0; i < n; i++) {
    const num: Values = {};
    for (const y of years) num[y] = ZERO;
    for (let mask = 0; mask < 1 << n; mask++) {
      if ((mask & (1 << i)) !== 0) continue;
      const size = popcount(mask);
      const weight = fact[size]!.times(fact[n - size - 1]!);
      const with_ = value(BigInt(mask | (1 << i)));
      const without = value(BigInt(mask));
      for (const y of years) num[y] = num[y]!.plus(with_[y]!.minus(without[y]!).times(weight));
    }
    const share: Values = {};
    for (const y of years) share[y] = num[y]!.div(fact[n]!);
    out.push(share);
  }
  return out;
}

/** The Shapley value of each of `n` players per year, estimated from `samples` random orders (seeded). */
export function sampledShapley(n: number, value: (mask: bigint) => Values, years: readonly number[], samples: number, seed: number): Values[] {
  const random = mulberry32(seed);
  const sums: Values[] = Array.from({ length: n }, () => Object.fromEntries(years.map((y) => [y, ZERO])) as Values);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let s = 0; s < samples; s++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mask = 0n;
    let prev = value(0n);
    for (const k of order) {
      mask |= 1n << BigInt(k);
      const next = value(mask);
      for (const y of years) sums[k]![y] = sums[k]![y]!.plus(next[y]!.minus(prev[y]!));
      prev = next;
    }
  }
  return sums.map((sum) => Object.fromEntries(years.map((y) => [y, sum[y]!.div(samples)])) as Values);
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
