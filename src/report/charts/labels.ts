/**
 * Fixed texts of the charts in Dutch (default) and English (grafiekteksten).
 *
 * @packageDocumentation
 */

import type { ChartLocale } from './format.js';

/** The fixed texts a chart prints or uses in its accessible description. */
export interface ChartTexts {
  /** "Jaar" */
  readonly year: string;
  /** "Legenda" */
  readonly legend: string;
  /** "geen waarde": read out for a gap (null) */
  readonly noValue: string;
  /** "voordeel": a positive step in a waterfall */
  readonly advantage: string;
  /** "nadeel": a negative step in a waterfall */
  readonly disadvantage: string;
  /** "Begin" */
  readonly start: string;
  /** "Taakstelling" */
  readonly target: string;
  /** "Gerealiseerd" */
  readonly realised: string;
  /** "Gepland (maatregelen)" */
  readonly planned: string;
  /** "Tekort" (target not met) */
  readonly gap: string;
  /** "Overschot" (target exceeded) */
  readonly surplus: string;
  /** "Structureel" */
  readonly structural: string;
  /** "Incidenteel" */
  readonly incidental: string;
  /** "Totaal saldo" */
  readonly total: string;
  /** "Mediaan" */
  readonly median: string;
  /** "Totaal": legend entry of total bars */
  readonly totalBar: string;
  /** "Begin en totaal": legend entry when start and total bars share a style */
  readonly startAndTotal: string;
  /** Accessible kind names of the charts. */
  readonly kinds: {
    /** "Lijndiagram" */
    readonly line: string;
    /** "Watervaldiagram" */
    readonly waterfall: string;
    /** "Staafdiagram taakstelling en realisatie" */
    readonly target: string;
    /** "Gestapeld staafdiagram structureel en incidenteel" */
    readonly balance: string;
    /** "Waaierdiagram" */
    readonly fan: string;
  };
  /** "Eenheid" */
  readonly unit: string;
}

const NL: ChartTexts = Object.freeze({
  year: 'Jaar',
  legend: 'Legenda',
  noValue: 'geen waarde',
  advantage: 'voordeel',
  disadvantage: 'nadeel',
  start: 'Begin',
  target: 'Taakstelling',
  realised: 'Gerealiseerd',
  planned: 'Gepland (maatregelen)',
  gap: 'Tekort',
  surplus: 'Overschot',
  structural: 'Structureel',
  incidental: 'Incidenteel',
  total: 'Totaal saldo',
  median: 'Mediaan',
  totalBar: 'Totaal',
  startAndTotal: 'Begin en totaal',
  kinds: Object.freeze({
    line: 'Lijndiagram',
    waterfall: 'Watervaldiagram',
    target: 'Staafdiagram taakstelling en realisatie',
    balance: 'Gestapeld staafdiagram structureel en incidenteel',
    fan: 'Waaierdiagram',
  }),
  unit: 'Eenheid',
});

const EN: ChartTexts = Object.freeze({
  year: 'Year',
  legend: 'Legend',
  noValue: 'no value',
  advantage: 'favourable',
  disadvantage: 'unfavourable',
  start: 'Start',
  target: 'Savings target',
  realised: 'Realised',
  planned: 'Planned (measures)',
  gap: 'Shortfall',
  surplus: 'Surplus',
  structural: 'Structural',
  incidental: 'Incidental',
  total: 'Total balance',
  median: 'Median',
  totalBar: 'Total',
  startAndTotal: 'Start and total',
  kinds: Object.freeze({
    line: 'Line chart',
    waterfall: 'Waterfall chart',
    target: 'Bar chart of savings target and realisation',
    balance: 'Stacked bar chart of structural and incidental balance',
    fan: 'Fan chart',
  }),
  unit: 'Unit',
});

/**
 * The fixed chart texts for a language.
 * @param locale - `nl` (default) or `en`
 */
export function chartTexts(locale: ChartLocale = 'nl'): ChartTexts {
  return locale === 'en' ? EN : NL;
}
