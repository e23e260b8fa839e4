/**
 * A check of a printed total in words (controle), as tables and the command line show it: "totaal 2028: gedrukt
 * 1.500, som van de regels 1.501 (x € 1.000): afrondingsverschil -1", in the table's own unit and sign convention.
 * @internal
 * @packageDocumentation
 */
import type { Decimal } from '../core/decimal.js';
import { unitFactor, type Budget } from '../model/budget.js';
import type { Check } from '../model/evaluation.js';
import { checkSentence, checkWording } from '../document/check-words.js';
import type { LabelLanguage } from './presentation.js';

/** An amount in euros as a plain decimal in the table's unit and sign convention ("-151.176" x € 1.000 is "-151176"). */
function asPrinted(value: Decimal, budget: Budget): string {
  const scaled = value.div(unitFactor(budget.presentation.unit));
  const signed = budget.presentation.sign === 'nadeel-positive' && !scaled.isZero() ? scaled.neg() : scaled;
  return signed.toFixed();
}

/** What was checked, in words: "regel 1.1 2026", "onderdeel 3 2027", "totaal 2025" ("line 1.1 2026" in English). */
function subject(check: Check, language: LabelLanguage): string {
  const nl = language === 'nl';
  const scope = check.scope === 'line' ? (nl ? 'regel ' : 'line ') : check.scope === 'section' ? (nl ? 'onderdeel ' : 'section ') : nl ? 'totaal' : 'total';
  return `${scope}${check.id} ${check.year}`;
}

/**
 * A check in words, in the budget's unit and sign convention, Dutch by default.
 * @param check - a check of the budget's evaluation
 * @param budget - the budget it checks
 * @param language - the language of the words
 * @internal
 */
export function checkNote(check: Check, budget: Budget, language: LabelLanguage = 'nl'): string {
  const words = checkWording(language === 'en' ? 'en' : 'nl', budget.presentation.unit, language);
  return checkSentence(words, subject(check, language), asPrinted(check.expected, budget), asPrinted(check.actual, budget), 'sum', check.status, asPrinted(check.difference, budget));
}
