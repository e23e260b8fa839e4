/**
 * Value labels that keep clear of each other (waardelabels): a label sits at its bar's end, and moves to the
 * bar's other end when it would touch the label beside it.
 *
 * @internal
 * @packageDocumentation
 */

import { valueLabel } from './frame.js';
import { textWidth } from './text-measure.js';
import type { Markup } from './svg.js';

/** Font size of a value label, as {@link valueLabel} draws it. */
const SIZE = 11;
/** Room kept free between two labels, in pixels. */
const GAP = 3;

/** A value label to place: its bar's centre, the ends it may sit at, and its text. @internal */
export interface LabelCandidate {
  /** Centre of the bar. */
  readonly x: number;
  /** Where the label sits first: a pixel height and the side (1 above it, -1 below it). */
  readonly first: { readonly y: number; readonly side: 1 | -1 };
  /** Where it moves when it would touch its neighbour; none = it stays. */
  readonly second?: { readonly y: number; readonly side: 1 | -1 };
  /** The text. */
  readonly label: string;
  /** Attributes for the text element. */
  readonly attrs: Readonly<Record<string, string | undefined>>;
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The box a label covers, from the way {@link valueLabel} draws it (centred, above or below `y`). */
function boxOf(x: number, y: number, side: 1 | -1, label: string): Box {
  const half = textWidth(label, SIZE) / 2 + GAP / 2;
  const baseline = side === 1 ? y - 5 : y + 12 + 3;
  return { left: x - half, right: x + half, top: baseline - SIZE, bottom: baseline + 3 };
}

const touches = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Places labels from the last to the first: each at its first place, or at its second when the first touches
 * the label placed right of it (so the last label, a total, always keeps its own place).
 * @param candidates - the labels, left to right
 * @internal
 */
export function placeValueLabels(candidates: readonly LabelCandidate[]): Markup[] {
  const placed: Markup[] = [];
  let right: Box | undefined;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    let at = c.first;
    let box = boxOf(c.x, at.y, at.side, c.label);
    if (right !== undefined && touches(box, right) && c.second !== undefined) {
      const other = boxOf(c.x, c.second.y, c.second.side, c.label);
      if (!touches(other, right)) {
        at = c.second;
        box = other;
      }
    }
    placed.push(valueLabel(c.x, at.y, at.side, c.label, c.attrs));
    right = box;
  }
  return placed.reverse();
}
