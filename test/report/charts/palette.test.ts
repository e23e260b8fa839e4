import { describe, expect, it } from 'vitest';
import {
  BAND_FILLS,
  bandFill,
  defsFor,
  fillValue,
  marker,
  patternDef,
  ROLE_STYLES,
  SERIES_STYLES,
  seriesStyle,
} from '../../../src/report/charts/palette.js';

/** CIE L* of a #rrggbb colour: what a grey-scale print keeps. */
function lightness(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
}

describe('series styles', () => {
  it('give every series its own dash and marker', () => {
    expect(new Set(SERIES_STYLES.map((s) => s.dash ?? 'solid')).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.marker)).size).toBe(SERIES_STYLES.length);
  });
  it('differ in lightness, not only in hue, for the first three series', () => {
    const ls = SERIES_STYLES.slice(0, 3).map((s) => lightness(s.stroke));
    for (let i = 0; i < ls.length; i++) {
      for (let j = i + 1; j < ls.length; j++) expect(Math.abs((ls[i] ?? 0) - (ls[j] ?? 0))).toBeGreaterThanOrEqual(15);
    }
  });
  it('document their lightness truthfully (within 3 L*)', () => {
    for (const s of SERIES_STYLES) expect(Math.abs(lightness(s.stroke) - s.lightness)).toBeLessThan(3);
  });
  it('cycle beyond the palette, also for negative indices', () => {
    expect(seriesStyle(SERIES_STYLES.length)).toBe(SERIES_STYLES[0]);
    expect(seriesStyle(-1)).toBe(SERIES_STYLES[SERIES_STYLES.length - 1]);
  });
});

describe('role styles', () => {
  it('tell voordeel from nadeel by pattern and lightness', () => {
    expect(ROLE_STYLES.advantage.pattern).not.toBe(ROLE_STYLES.disadvantage.pattern);
    expect(Math.abs(lightness(ROLE_STYLES.advantage.color) - lightness(ROLE_STYLES.disadvantage.color))).toBeGreaterThan(25);
  });
  it('tell structural from incidental by pattern and lightness', () => {
    expect(ROLE_STYLES.structural.pattern).not.toBe(ROLE_STYLES.incidental.pattern);
    expect(Math.abs(lightness(ROLE_STYLES.structural.color) - lightness(ROLE_STYLES.incidental.color))).toBeGreaterThan(25);
  });
  it('make the realised bar darker than the target bar', () => {
    expect(lightness(ROLE_STYLES.target.color) - lightness(ROLE_STYLES.realised.color)).toBeGreaterThan(30);
  });
});

describe('band fills', () => {
  it('get darker towards the inner bands, at least 10 L* apart', () => {
    for (const count of [1, 2, 3, 4]) {
      const ls = Array.from({ length: count }, (_, r) => lightness(bandFill(r, count)));
      for (let i = 1; i < ls.length; i++) expect((ls[i - 1] ?? 0) - (ls[i] ?? 0)).toBeGreaterThanOrEqual(10);
    }
    expect(BAND_FILLS.length).toBe(4);
    expect(bandFill(9, 10)).toBe(BAND_FILLS[3]);
  });
});

describe('patterns and markers', () => {
  it('define a pattern for every non-solid style and refer to it by id', () => {
    expect(patternDef('c', 'x', ROLE_STYLES.total)).toBeUndefined();
    const def = patternDef('c', 'nadeel', ROLE_STYLES.disadvantage)?.markup ?? '';
    expect(def).toContain('<pattern id="c-pattern-nadeel"');
    expect(fillValue('c', 'nadeel', ROLE_STYLES.disadvantage)).toBe('url(#c-pattern-nadeel)');
    expect(fillValue('c', 'total', ROLE_STYLES.total)).toBe(ROLE_STYLES.total.color);
    for (const style of SERIES_STYLES) {
      const d = defsFor('c', { s: style });
      if (style.pattern === 'solid') expect(d).toBeUndefined();
      else expect(d?.markup).toContain('id="c-pattern-s"');
    }
  });
  it('draws every marker shape with the given attributes', () => {
    for (const style of SERIES_STYLES) {
      const m = marker(style.marker, 10, 20, 8, style.stroke, { class: 'mj-point', 'data-year': '2025' }).markup;
      expect(m).toContain('class="mj-point"');
      expect(m).toContain('data-year="2025"');
      expect(m).not.toContain('NaN');
    }
  });
});
