import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRESENTATION,
  displayStep,
  resolvePresentation,
  UNIT_FACTORS,
  unitLine,
  type Presentation,
} from '../../src/report/presentation.js';
import { issuesOf } from './fixtures/issues.js';

describe('resolvePresentation', () => {
  it('fills every default', () => {
    expect(resolvePresentation()).toEqual({
      unit: 'thousand',
      decimals: 0,
      sign: 'voordeel-positive',
      notation: 'minus',
      nil: '',
      pm: 'pm',
      locale: 'nl',
      labels: 'nl',
      rounding: 'consistent',
      roundingMode: 'half-up',
    });
    expect(resolvePresentation({})).toEqual(DEFAULT_PRESENTATION);
  });

  it('keeps given settings and treats undefined as the default', () => {
    const p = resolvePresentation({ unit: 'million', decimals: 1, notation: 'vn', nil: '-', sign: undefined });
    expect(p).toMatchObject({ unit: 'million', decimals: 1, notation: 'vn', nil: '-', sign: 'voordeel-positive' });
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('reports every bad setting with its path', () => {
    const bad = { unit: 'dozen', decimals: 1.5, sign: 'plus', notation: 'x', locale: 'de', labels: 'fr', rounding: 'no', roundingMode: 'bankers', colour: 'red' };
    expect(issuesOf(() => resolvePresentation(bad as unknown as Presentation)).sort()).toEqual(
      [
        'unknown_field@colour',
        'invalid_value@unit',
        'invalid_value@decimals',
        'invalid_value@sign',
        'invalid_value@notation',
        'invalid_value@locale',
        'invalid_value@labels',
        'invalid_value@rounding',
        'invalid_value@roundingMode',
      ].sort(),
    );
  });

  it('refuses decimals out of range, tokens with line breaks, an invisible pm, equal tokens', () => {
    expect(issuesOf(() => resolvePresentation({ decimals: -1 }))).toEqual(['invalid_value@decimals']);
    expect(issuesOf(() => resolvePresentation({ decimals: 11 }))).toEqual(['invalid_value@decimals']);
    expect(issuesOf(() => resolvePresentation({ nil: 'a\nb' }))).toEqual(['invalid_value@nil']);
    expect(issuesOf(() => resolvePresentation({ pm: ' ' }))).toEqual(['invalid_value@pm']);
    expect(issuesOf(() => resolvePresentation({ nil: 'pm' }))).toEqual(['invalid_value@nil']);
    expect(issuesOf(() => resolvePresentation(null as unknown as Presentation))).toEqual(['invalid_argument@presentation']);
  });
});

describe('units', () => {
  it('has the factors of the brief', () => {
    expect(UNIT_FACTORS).toEqual({ euro: 1, thousand: 1000, million: 1_000_000 });
  });

  it('gives the display step in euros', () => {
    expect(displayStep(resolvePresentation()).toFixed()).toBe('1000');
    expect(displayStep(resolvePresentation({ unit: 'million', decimals: 1 })).toFixed()).toBe('100000');
    expect(displayStep(resolvePresentation({ unit: 'euro', decimals: 2 })).toFixed()).toBe('0.01');
  });

  it('writes the unit line', () => {
    expect(unitLine(resolvePresentation())).toBe('Bedragen x € 1.000');
    expect(unitLine(resolvePresentation({ unit: 'euro' }))).toBe('Bedragen x € 1');
    expect(unitLine(resolvePresentation({ unit: 'million' }))).toBe('Bedragen x € 1 mln');
    expect(unitLine(resolvePresentation({ labels: 'en', locale: 'en' }))).toBe('Amounts x € 1,000');
    expect(unitLine(resolvePresentation({ sign: 'nadeel-positive' }))).toBe('Bedragen x € 1.000; + is nadeel');
    expect(unitLine(resolvePresentation({ sign: 'nadeel-positive', notation: 'vn' }))).toBe('Bedragen x € 1.000');
  });
});
