/**
 * Font sizes and spacing shared by the parts of the chart frame (title, axes, legend).
 *
 * @packageDocumentation
 */

/** Font sizes and spacing of the frame. */
export const FRAME_METRICS = Object.freeze({
  pad: 12,
  titleSize: 16,
  titleLine: 20,
  labelSize: 12,
  labelLine: 14,
  legendRow: 20,
  swatchWidth: 28,
});
