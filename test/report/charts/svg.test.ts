import { describe, expect, it } from 'vitest';
import { firstIssueOf } from '../../helpers.js';
import {
  bandScale,
  decimalsForStep,
  el,
  escapeXml,
  fragment,
  linearScale,
  niceStep,
  num,
  shortHash,
  svgRoot,
  text,
  textWidth,
  truncate,
  wrapText,
} from '../../../src/report/charts/svg.js';

describe('escapeXml', () => {
  it('escapes markup characters and quotes', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });
  it('drops characters XML does not allow and keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\td\ne € ✓ 😀')).toBe('abc\td\ne € ✓ 😀');
  });
});

describe('el', () => {
  it('writes attributes in order, escapes values and text, leaves out undefined and false', () => {
    const markup = el('text', { class: 'mj-label', x: 1.005, y: -0, hidden: false, extra: undefined, title: 'a"b' }, text('<b>')).markup;
    expect(markup).toBe('<text class="mj-label" x="1" y="0" title="a&quot;b">&lt;b&gt;</text>');
  });
  it('self-closes an element without children and joins fragments', () => {
    expect(el('rect', { width: 2 }).markup).toBe('<rect width="2"/>');
    expect(fragment(el('a'), undefined, false, null, el('b')).markup).toBe('<a/><b/>');
  });
});

describe('num', () => {
  it('rounds to two decimals and never writes -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(num(-0)).toBe('0');
    expect(num(250)).toBe('250');
  });
  it('refuses non-finite coordinates', () => {
    // a MeerjarenError `internal_error` since issue 11 (no plain throw in src; was a RangeError)
    expect(firstIssueOf(() => num(Number.NaN))).toEqual({ code: 'internal_error', path: 'value' });
    expect(firstIssueOf(() => num(Number.POSITIVE_INFINITY))).toEqual({ code: 'internal_error', path: 'value' });
    expect(firstIssueOf(() => num(1e22))).toEqual({ code: 'internal_error', path: 'value' });
  });
});

describe('linearScale', () => {
  it('always includes zero as a tick', () => {
    expect(linearScale(363, 752, 300, 0).ticks).toContain(0);
    expect(linearScale(-609, -30, 300, 0).ticks).toContain(0);
    expect(linearScale(-609, 752, 300, 0).ticks).toContain(0);
  });
  it('covers the data with nice ticks', () => {
    const s = linearScale(-609, 752, 300, 0);
    expect(s.min).toBeLessThanOrEqual(-609);
    expect(s.max).toBeGreaterThanOrEqual(752);
    for (const t of s.ticks) expect(Math.abs(t / s.step - Math.round(t / s.step))).toBeLessThan(1e-9);
    expect([1, 2, 2.5, 5]).toContain(s.step / 10 ** Math.floor(Math.log10(s.step)));
  });
  it('puts all-negative data below a zero at the top', () => {
    const s = linearScale(-900, -100, 300, 0);
    expect(s.max).toBe(0);
    expect(s.toPixel(0)).toBe(0);
    expect(s.toPixel(s.min)).toBe(300);
  });
  it('gives all-zero data the domain 0..1', () => {
    const s = linearScale(0, 0, 300, 0);
    expect(s.min).toBe(0);
    expect(s.max).toBe(1);
    expect(s.ticks[0]).toBe(0);
  });
  it('handles tiny and huge spans without NaN', () => {
    for (const [lo, hi] of [
      [0, 5e-324],
      [-1e-12, 1e-12],
      [-1e15, 1e15],
      [1e15, 1e15],
    ] as const) {
      const s = linearScale(lo, hi, 300, 0);
      for (const t of s.ticks) expect(Number.isFinite(s.toPixel(t))).toBe(true);
      expect(s.ticks.length).toBeGreaterThanOrEqual(2);
    }
  });
  it('reports the decimals a step needs', () => {
    expect(decimalsForStep(500)).toBe(0);
    expect(decimalsForStep(0.25)).toBe(2);
    expect(decimalsForStep(2.5)).toBe(1);
    expect(decimalsForStep(niceStep(1, 4))).toBe(2);
  });
});

describe('bandScale', () => {
  it('splits the width into equal bands', () => {
    const b = bandScale(4, 100, 500);
    expect(b.bandWidth).toBe(100);
    expect(b.center(0)).toBe(150);
    expect(b.start(3)).toBe(400);
  });
  it('accepts zero bands', () => {
    expect(Number.isFinite(bandScale(0, 0, 100).bandWidth)).toBe(true);
  });
});

describe('text measurement', () => {
  it('estimates wider text as wider', () => {
    expect(textWidth('WWW', 12)).toBeGreaterThan(textWidth('iii', 12));
  });
  it('wraps at spaces and cuts with an ellipsis after maxLines', () => {
    const lines = wrapText('een twee drie vier vijf zes zeven acht negen tien', 60, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(truncate('Organisatieontwikkeling Sociaal Domein', 80, 12).endsWith('…')).toBe(true);
    expect(truncate('kort', 80, 12)).toBe('kort');
  });
});

describe('shortHash and svgRoot', () => {
  it('hashes stably and differently', () => {
    expect(shortHash('a')).toBe(shortHash('a'));
    expect(shortHash('a')).not.toBe(shortHash('b'));
  });
  it('makes an accessible root with title and desc', () => {
    const svg = svgRoot({ id: 'c1', kind: 'x', width: 200, height: 100, title: 'T <1>', description: 'D & E', lang: 'nl' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="mj-chart mj-chart-x" id="c1"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">T &lt;1&gt;</title><desc id="c1-desc">D &amp; E</desc>');
  });
});
