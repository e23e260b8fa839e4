/**
 * Reading the input of a waterfall chart: its start, its steps and its sign convention.
 *
 * @internal
 * @packageDocumentation
 */

import type { IssueCollector } from '../../core/errors.js';
import { SIGN_CONVENTIONS, type SignConvention } from '../../model/budget.js';
import { checkNumber, checkOptionalText, checkText } from './options.js';

/** A checked start. @internal */
export type Start = { label: string; value: number; display: string | undefined };
/** A checked step. @internal */
export type Step = { label: string; value: number | null; display: string | undefined };
/** A field of the input, not yet checked. */
type Raw = { readonly label?: unknown; readonly value?: unknown; readonly display?: unknown };

/** Reads the optional start. @internal */
export function readStart(input: unknown, issues: IssueCollector): Start | undefined {
  let start: Start | undefined;
  if (input !== undefined) {
    if (typeof input !== 'object' || input === null) {
      issues.add('invalid_type', ['start'], 'must be an object with label and value');
    } else {
      const raw = input as Raw;
      start = {
        label: checkText(raw.label, ['start', 'label'], issues),
        value: checkNumber(raw.value, ['start', 'value'], issues, false) ?? 0,
        display: checkOptionalText(raw.display, ['start', 'display'], issues),
      };
    }
  }
  return start;
}

/** Reads the steps. @internal */
export function readSteps(input: unknown, issues: IssueCollector): Step[] {
  const rawSteps: readonly unknown[] = Array.isArray(input) ? input : [];
  if (!Array.isArray(input)) {
    issues.add(input === undefined ? 'missing_field' : 'invalid_type', ['steps'], 'must be an array of steps');
  }
  return rawSteps.map((raw, i) => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Raw;
    if (typeof raw !== 'object' || raw === null) issues.add('invalid_type', ['steps', i], 'must be an object');
    return {
      label: checkText(item.label, ['steps', i, 'label'], issues),
      value: checkNumber(item.value, ['steps', i, 'value'], issues, true),
      display: checkOptionalText(item.display, ['steps', i, 'display'], issues),
    };
  });
}

/** Reads the sign convention of the values: voordeel positive unless said otherwise. @internal */
export function readSign(input: unknown, issues: IssueCollector): SignConvention {
  if (input === undefined) return 'voordeel-positive';
  if (typeof input === 'string' && (SIGN_CONVENTIONS as readonly string[]).includes(input)) return input as SignConvention;
  issues.add('invalid_value', ['sign'], `must be one of ${SIGN_CONVENTIONS.map((s) => `"${s}"`).join(', ')}`);
  return 'voordeel-positive';
}
