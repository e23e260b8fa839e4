/**
 * Pixel scales for the report charts: a linear value scale with "nice" ticks that always
 * includes zero, and a band scale with one band per category.
 *
 * @remarks
 * Floats are fine here: they only place pixels.
 *
 * @packageDocumentation
 */

/** A linear scale from data values (display units) to pixels, with its ticks. */
export interface LinearScale {
  /** Lowest value of the domain (a tick, at most 0). */
  readonly min: number;
  /** Highest value of the domain (a tick, at least 0). */
  readonly max: number;
  /** The tick values, ascending; 0 is always one of them. */
  readonly ticks: readonly number[];
  /** Distance between ticks. */
  readonly step: number;
  /** Decimals needed to print the ticks exactly. */
  readonly decimals: number;
  /** Maps a value to a pixel coordinate. */
  readonly toPixel: (value: number) => number;
}

/** The smallest span a value scale gets; below it the axis would only show rounding noise. */
export const MIN_SPAN = 1e-6;

/**
 * The number of decimals that prints a tick step exactly (at most 12).
 * @param step - a positive step such as 0.25 or 2000
 */
export function decimalsForStep(step: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/**
 * A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) close to `span / count`.
 * @param span - the positive range to cover
 * @param count - about how many intervals are wanted
 */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return nice * magnitude;
}

/**
 * A linear value scale with nice ticks that always includes zero (schaal met nulpunt).
 *
 * @remarks
 * The domain is widened to whole ticks around `[min(0, lo), max(0, hi)]`, so bars always
 * start at a visible zero line. All-zero data gets the domain 0..1.
 *
 * @param lo - lowest data value (any finite number; use 0 when there is no data)
 * @param hi - highest data value
 * @param pixelFrom - pixel coordinate of the domain minimum (for a y axis: the bottom)
 * @param pixelTo - pixel coordinate of the domain maximum (for a y axis: the top)
 * @param count - about how many tick intervals are wanted (default 5)
 * @param minStep - smallest tick step (a power of ten), such as 1 for whole-number data (default: none)
 */
export function linearScale(
  lo: number,
  hi: number,
  pixelFrom: number,
  pixelTo: number,
  count = 5,
  minStep = 0,
): LinearScale {
  let low = Math.min(0, lo, hi);
  let high = Math.max(0, lo, hi);
  if (high - low < MIN_SPAN) {
    if (low === 0 && high === 0) high = 1;
    else if (high > 0) high = low + MIN_SPAN;
    else low = high - MIN_SPAN;
  }
  // Try a few tick counts around the wish and keep the one that wastes least room.
  const target = Math.max(1, Math.round(count));
  let best: { step: number; kLow: number; kHigh: number; score: number } | undefined;
  for (let c = Math.max(1, target - 2); c <= target + 2; c++) {
    const candidate = Math.max(minStep, niceStep(high - low, c));
    const kl = Math.floor(low / candidate + 1e-9);
    const kh = Math.ceil(high / candidate - 1e-9);
    const intervals = kh - kl;
    if (intervals < 1 || intervals > target + 2) continue;
    const score = ((kh - kl) * candidate) / (high - low) + 0.15 * Math.abs(intervals - target);
    if (best === undefined || score < best.score - 1e-9) best = { step: candidate, kLow: kl, kHigh: kh, score };
  }
  const step = best?.step ?? Math.max(minStep, niceStep(high - low, target));
  const kLow = best?.kLow ?? Math.floor(low / step + 1e-9);
  const kHigh = best?.kHigh ?? Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let k = kLow; k <= kHigh; k++) ticks.push(k === 0 ? 0 : k * step);
  const min = kLow * step;
  const max = kHigh * step;
  const span = max - min;
  const toPixel = (value: number): number => pixelFrom + ((value - min) / span) * (pixelTo - pixelFrom);
  return Object.freeze({
    min: min === 0 ? 0 : min,
    max: max === 0 ? 0 : max,
    ticks: Object.freeze(ticks),
    step,
    decimals: decimalsForStep(step),
    toPixel,
  });
}

/** A band scale: one band per category (year or step) across the plot width. */
export interface BandScale {
  /** Number of bands. */
  readonly count: number;
  /** Width of one band in pixels. */
  readonly bandWidth: number;
  /** Left edge of band `i`. */
  readonly start: (index: number) => number;
  /** Centre of band `i`. */
  readonly center: (index: number) => number;
}

/**
 * Splits `[from, to]` into `count` equal bands.
 * @param count - number of categories (0 is allowed)
 * @param from - left pixel
 * @param to - right pixel
 */
export function bandScale(count: number, from: number, to: number): BandScale {
  const bandWidth = count > 0 ? (to - from) / count : to - from;
  return Object.freeze({
    count,
    bandWidth,
    start: (index: number) => from + index * bandWidth,
    center: (index: number) => from + (index + 0.5) * bandWidth,
  });
}
