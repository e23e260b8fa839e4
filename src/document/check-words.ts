/**
 * The words of a check of a printed figure (controle), one wording for every reader and the command line:
 * "Totaal 2028: gedrukt 1.500, som van de regels 1.501 (x € 1.000): afrondingsverschil -1", in the table's
 * notation and unit, Dutch or English.
 * @internal
 * @packageDocumentation
 */
import type { Unit } from '../model/budget.js';
import type { CheckStatus } from '../model/evaluation.js';
import type { NumberLocale } from './locale-amount.js';

/** How the figures of a check are written: the table's notation, the words for its unit, the language. */
export interface CheckWording {
  /** Writes a plain decimal ("-1500.5") in the table's notation ("-1.500,5" in nl, "-1,500.5" in en). */
  readonly amount: (plain: string) => string;
  /** The unit in words: "in euro", "x € 1.000", "x € 1 mln". */
  readonly unit: string;
  /** Language of the words. */
  readonly language: 'nl' | 'en';
}

/** What a printed figure was compared with: the sum of the rows, a formula of other rows, the sum of columns. */
export type CheckedAgainst = 'sum' | 'formula' | 'columns';

/**
 * The wording of checks for a table in `locale` notation and `unit`, in `language`.
 * @param locale - the table's number notation
 * @param unit - the table's unit
 * @param language - the language of the words
 */
export function checkWording(locale: NumberLocale, unit: Unit, language: 'nl' | 'en'): CheckWording {
  const group = locale === 'nl' ? '.' : ',';
  const point = locale === 'nl' ? ',' : '.';
  const amount = (plain: string): string => {
    const negative = plain.startsWith('-');
    const [whole = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : point + fraction}`;
  };
  const thousand = locale === 'nl' ? '1.000' : '1,000';
  const nl = language === 'nl';
  const unitText = unit === 'euro' ? (nl ? 'in euro' : 'in euros') : unit === 'thousand' ? `x € ${thousand}` : nl ? 'x € 1 mln' : 'x € 1 million';
  return { amount, unit: unitText, language };
}

/**
 * One check in words: "<subject>: gedrukt <printed>, som van de regels <computed> (<unit>): <outcome>".
 * @param w - the wording
 * @param subject - what was checked, as printed ("Totaal 2028", "regel 1.1 2026")
 * @param printed - the printed figure, a plain decimal or "pm"
 * @param computed - what it was compared with, a plain decimal or "pm"
 * @param against - what it was compared with
 * @param status - the outcome
 * @param difference - printed minus computed, a plain decimal
 */
export function checkSentence(w: CheckWording, subject: string, printed: string, computed: string, against: CheckedAgainst, status: CheckStatus, difference: string): string {
  const nl = w.language === 'nl';
  const what = against === 'sum' ? (nl ? 'som van de regels' : 'sum of its rows') : against === 'formula' ? (nl ? 'berekend' : 'computed') : nl ? 'som van de kolommen' : 'sum of the columns';
  const outcome =
    status === 'ok'
      ? nl ? 'klopt' : 'agrees'
      : `${status === 'rounding' ? (nl ? 'afrondingsverschil' : 'rounding difference') : nl ? 'verschil groter dan afronding' : 'difference beyond rounding'} ${w.amount(difference)}`;
  const figure = (plain: string): string => (plain === 'pm' ? 'pm' : w.amount(plain));
  return `${subject}: ${nl ? 'gedrukt' : 'printed'} ${figure(printed)}, ${what} ${figure(computed)} (${w.unit}): ${outcome}`;
}

/**
 * A verdict row checked in words: "Structureel sluitend 2027: gedrukt JA, berekend NEE uit saldo -100 (x € 1.000):
 * klopt niet".
 * @param w - the wording
 * @param subject - what was checked, as printed ("Structureel sluitend 2027")
 * @param printed - the verdict as printed ("JA")
 * @param computed - the verdict of the computed saldo ("NEE")
 * @param saldo - the computed saldo it was judged from, a plain decimal in the table's sign
 * @param status - the outcome: 'ok' or 'mismatch'
 */
export function verdictSentence(w: CheckWording, subject: string, printed: string, computed: string, saldo: string, status: CheckStatus): string {
  const nl = w.language === 'nl';
  const outcome = status === 'ok' ? (nl ? 'klopt' : 'agrees') : nl ? 'klopt niet' : 'does not agree';
  return `${subject}: ${nl ? 'gedrukt' : 'printed'} ${printed}, ${nl ? 'berekend' : 'computed'} ${computed} ${nl ? 'uit saldo' : 'from the saldo'} ${w.amount(saldo)} (${w.unit}): ${outcome}`;
}
