/**
 * One year's total built from its lines, as a waterfall chart (watervaldiagram).
 *
 * @packageDocumentation
 */

import { IssueCollector } from '../../core/errors.js';
import { dataDecimals } from './format.js';
import { assembleChart, buildFrame, valueLabel, type Frame, type LegendItem } from './frame.js';
import { checkOptionalText, checkText, resolveOptions, type ChartOptions, checkChartInput } from './options.js';
import { defsFor, FRAME_COLORS, fillValue, ROLE_STYLES, type FillStyle } from './palette.js';
import { el, fragment, type Markup } from './svg.js';
import { placeValueLabels, type LabelCandidate } from './value-labels.js';
import { readSign, readStart, readSteps, type Start, type Step } from './waterfall-input.js';
import type { SignConvention } from '../../model/budget.js';

/** One step of a waterfall: a budget line's effect on the saldo (stap). @category Reports */
export interface WaterfallStep {
  /** Label under the bar ("1.1 Noodopvang Oekraïne"). */
  readonly label: string;
  /** Display value: positive = voordeel, negative = nadeel; `null` = no bar (for example a pm post). */
  readonly value: number | null;
  /** Preformatted value label ("-2.100", "pm"), used instead of the formatter. */
  readonly display?: string;
}

/** The starting amount of a waterfall (beginstand), such as the primitive begroting. @category Reports */
export interface WaterfallStart {
  /** Label under the bar. */
  readonly label: string;
  /** Display value. */
  readonly value: number;
  /** Preformatted value label, used instead of the formatter. */
  readonly display?: string;
}

/** Input of {@link waterfallChart}. @category Reports */
export interface WaterfallChartInput extends ChartOptions {
  /** Title above the chart. */
  readonly title: string;
  /** Unit label, such as "x € 1.000". */
  readonly unitLabel: string;
  /** Optional starting amount (for example the primitive begroting), drawn as a full bar. */
  readonly start?: WaterfallStart;
  /** The steps, in order. */
  readonly steps: readonly WaterfallStep[];
  /** Label of the closing total bar ("Totaal saldo 2025"). */
  readonly totalLabel: string;
  /** Preformatted label of the total (the exact figure from the model). */
  readonly totalDisplay?: string;
  /**
   * What a positive value is: a voordeel (`'voordeel-positive'`) or, for figures in the "+ is nadeel" convention, a
   * nadeel (`'nadeel-positive'`). It decides which steps are drawn as voordeel and which as nadeel.
   * @defaultValue 'voordeel-positive'
   */
  readonly sign?: SignConvention;
}

interface Bar {
  readonly key: 'start' | 'advantage' | 'disadvantage' | 'nil' | 'total';
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly label: string | undefined;
}

/**
 * Draws one year's total built from its lines as an SVG waterfall chart.
 *
 * @remarks
 * Each step floats from the running total before it to the running total after it, with a
 * dashed connector between neighbours. Voordeel steps (positive, or negative with `sign:
 * 'nadeel-positive'`) are dark and solid, nadeel steps light with a diagonal hatch, so they
 * stay apart in grey print. The start
 * (if any) and the total are full bars from zero in the darkest solid style. A `null` step has
 * no bar but keeps its place and label (with its `display` text, such as "pm"). Value labels
 * are on by default; a step's label that would touch the label right of it (the last step's
 * and the total's, say) moves to the other end of its bar.
 *
 * The total bar is the float sum of the display values: it places pixels only. Pass the
 * exact total from the model as `totalDisplay` to print it.
 *
 * @param input - title, unit label, optional start, steps, total label and shared options
 * @returns the SVG document as a string
 * @throws MeerjarenError with every problem found
 *
 * @example
 * ```ts
 * import { waterfallChart } from 'meerjaren';
 *
 * waterfallChart({
 *   title: 'Saldo 2025 opgebouwd',
 *   unitLabel: 'x € 1.000',
 *   steps: [{ label: '1.1 Oekraïne', value: 2900 }, { label: '3.1 Opvang', value: -2100 }],
 *   totalLabel: 'Totaal 2025',
 * });
 * ```
 * @category Reports
 */
export function waterfallChart(input: WaterfallChartInput): string {
  const issues = new IssueCollector();
  checkChartInput('waterfallChart', input, ['title', 'unitLabel', 'start', 'steps', 'totalLabel', 'totalDisplay', 'sign'], issues);
  const options = resolveOptions('waterfall', input, input, issues);
  const title = checkText(input.title, ['title'], issues);
  const unitLabel = checkText(input.unitLabel, ['unitLabel'], issues);
  const totalLabel = checkText(input.totalLabel, ['totalLabel'], issues);
  const totalDisplay = checkOptionalText(input.totalDisplay, ['totalDisplay'], issues);
  const start = readStart(input.start, issues);
  const steps = readSteps(input.steps, issues);
  const sign = readSign(input.sign, issues);
  issues.throwIfAny();

  const { texts, format } = options;
  const showValues = options.valueLabels ?? true;
  const decimals = dataDecimals([start?.value ?? null, ...steps.map((s) => s.value)]);
  const fmt = (v: number): string => format(v, { decimals, role: 'value' });

  const { bars, categories } = layOutBars(start, steps, totalLabel, totalDisplay, fmt, sign === 'nadeel-positive' ? -1 : 1);

  const styles: Record<string, FillStyle> = {
    total: ROLE_STYLES.total,
    advantage: ROLE_STYLES.advantage,
    disadvantage: ROLE_STYLES.disadvantage,
  };
  const fills = (key: string, s: FillStyle): string => fillValue(options.id, key, s);
  const legend: LegendItem[] = [
    { key: 'advantage', label: texts.advantage, swatch: { kind: 'box', fill: fills('advantage', ROLE_STYLES.advantage), stroke: ROLE_STYLES.advantage.ink } },
    { key: 'disadvantage', label: texts.disadvantage, swatch: { kind: 'box', fill: fills('disadvantage', ROLE_STYLES.disadvantage), stroke: ROLE_STYLES.disadvantage.ink } },
    { key: 'total', label: start === undefined ? texts.totalBar : texts.startAndTotal, swatch: { kind: 'box', fill: ROLE_STYLES.total.color, stroke: ROLE_STYLES.total.ink } },
  ];
  const values = bars.flatMap((b) => (b === undefined ? [] : [b.from, b.to]));
  const frame = buildFrame({ options, title, unitLabel, categories, categoryAttr: 'data-step', values, legend, headroom: showValues });
  const { drawn, connectors, labels } = drawBars(bars, frame, styles, fills, showValues);
  labels.push(...nullStepLabels(start, steps, frame, showValues));

  const described = bars
    .map((bar, i) => {
      const label = categories[i] ?? '';
      if (bar === undefined) return `${label}: ${steps[i - (start === undefined ? 0 : 1)]?.display ?? texts.noValue}`;
      const kind = bar.key === 'advantage' ? ` (${texts.advantage})` : bar.key === 'disadvantage' ? ` (${texts.disadvantage})` : '';
      return `${label}: ${bar.label ?? fmt(bar.value)}${kind}`;
    })
    .join('; ');
  const description = `${texts.kinds.waterfall}: ${title}. ${unitLabel}. ${described}`;
  return assembleChart(
    'waterfall',
    options,
    title,
    description,
    frame,
    defsFor(options.id, styles),
    fragment(el('g', { class: 'mj-connectors' }, ...connectors), el('g', { class: 'mj-bars' }, ...drawn), el('g', { class: 'mj-value-labels' }, ...labels)),
  );
}

/** One bar per category (none for a null step): the start, each step from the running total, the total; `voordeel` is the sign of a voordeel. */
function layOutBars(
  start: Start | undefined,
  steps: readonly Step[],
  totalLabel: string,
  totalDisplay: string | undefined,
  fmt: (v: number) => string,
  voordeel: 1 | -1,
): { bars: (Bar | undefined)[]; categories: string[] } {
  const bars: (Bar | undefined)[] = [];
  const categories: string[] = [];
  let running = 0;
  if (start !== undefined) {
    running = start.value;
    bars.push({ key: 'start', from: 0, to: start.value, value: start.value, label: start.display ?? fmt(start.value) });
    categories.push(start.label);
  }
  for (const step of steps) {
    categories.push(step.label);
    if (step.value === null) {
      bars.push(undefined);
      continue;
    }
    const key = step.value * voordeel > 0 ? 'advantage' : step.value * voordeel < 0 ? 'disadvantage' : 'nil';
    bars.push({ key, from: running, to: running + step.value, value: step.value, label: step.display ?? fmt(step.value) });
    running += step.value;
  }
  bars.push({ key: 'total', from: 0, to: running, value: running, label: totalDisplay ?? fmt(running) });
  categories.push(totalLabel);
  return { bars, categories };
}

/** The bars, the dashed connectors between neighbours and the value labels. */
function drawBars(
  bars: readonly (Bar | undefined)[],
  frame: Frame,
  styles: Record<string, FillStyle>,
  fills: (key: string, s: FillStyle) => string,
  showValues: boolean,
): { drawn: Markup[]; connectors: Markup[]; labels: Markup[] } {
  const { x, y } = frame;
  const barWidth = Math.max(2, Math.min(64, x.bandWidth * 0.64));

  const drawn: Markup[] = [];
  const connectors: Markup[] = [];
  const candidates: LabelCandidate[] = [];
  let previous: { index: number; level: number } | undefined;
  bars.forEach((bar, i) => {
    if (bar === undefined) return;
    const cx = x.center(i);
    const top = y.toPixel(Math.max(bar.from, bar.to));
    const bottom = y.toPixel(Math.min(bar.from, bar.to));
    const attrs = {
      class: `mj-bar mj-bar-${bar.key}`,
      'data-step': String(i),
      'data-series': bar.key,
      'data-value': String(bar.value),
    };
    if (bar.key === 'nil') {
      drawn.push(el('rect', { ...attrs, x: cx - barWidth / 2, y: top - 0.75, width: barWidth, height: 1.5, fill: FRAME_COLORS.axis }));
    } else {
      const s: FillStyle = styles[bar.key === 'start' ? 'total' : bar.key] ?? ROLE_STYLES.total;
      drawn.push(
        el('rect', {
          ...attrs,
          x: cx - barWidth / 2,
          y: top,
          width: barWidth,
          height: Math.max(0, bottom - top),
          fill: fills(bar.key === 'start' ? 'total' : bar.key, s),
          stroke: s.ink,
          'stroke-width': 1,
        }),
      );
    }
    if (previous !== undefined) {
      const level = y.toPixel(previous.level);
      connectors.push(
        el('line', {
          class: 'mj-connector',
          'data-step': String(i),
          x1: x.center(previous.index) + barWidth / 2,
          x2: cx - barWidth / 2,
          y1: level,
          y2: level,
          stroke: FRAME_COLORS.muted,
          'stroke-width': 1,
          'stroke-dasharray': '3 2',
        }),
      );
    }
    previous = { index: i, level: bar.to };
    if (showValues && bar.label !== undefined) {
      const full = bar.key === 'total' || bar.key === 'start';
      const outer = { y: top, side: 1 as const };
      const inner = { y: bottom, side: -1 as const };
      const [first, second] = (full ? bar.to >= 0 : bar.value >= 0) ? [outer, inner] : [inner, outer];
      const attrs = { 'data-step': String(i), 'data-series': bar.key };
      candidates.push(full ? { x: cx, first, label: bar.label, attrs } : { x: cx, first, second, label: bar.label, attrs });
    }
  });
  // a step's label that would touch its right neighbour's (the last step's and the total's) moves to the bar's other end
  return { drawn, connectors, labels: placeValueLabels(candidates) };
}

/** Null steps: their display text (such as "pm") sits at the running level. */
function nullStepLabels(start: Start | undefined, steps: readonly Step[], frame: Frame, showValues: boolean): Markup[] {
  const { x, y } = frame;
  const labels: Markup[] = [];
  steps.forEach((step, j) => {
    const i = j + (start === undefined ? 0 : 1);
    if (step.value !== null || !showValues || step.display === undefined) return;
    let level = start?.value ?? 0;
    for (let k = 0; k < j; k++) level += steps[k]?.value ?? 0;
    labels.push(valueLabel(x.center(i), y.toPixel(level), 1, step.display, { 'data-step': String(i), 'data-series': 'none' }));
  });
  return labels;
}
