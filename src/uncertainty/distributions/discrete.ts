import { Dec, type Decimal } from '../../core/decimal.js';
import { issue } from '../../core/errors.js';
import { ONE, TOLERANCE_DEC, checkFields, exactValue, isRecord, readNumber, type DistributionKindEntry, type NumberInput } from './common.js';

/** One outcome of a discrete distribution. @category Uncertainty */
export interface DiscreteChoice {
  /** The value, kept exactly. */
  readonly value: NumberInput;
  /** Its probability, in [0, 1]. */
  readonly p: NumberInput;
}

/** A finite set of outcomes with probabilities summing to 1 (discrete verdeling). @category Uncertainty */
export interface DiscreteDistribution {
  /** Discriminant. */
  readonly kind: 'discrete';
  /** The outcomes; probabilities must sum to 1 within 1e-9. */
  readonly choices: readonly DiscreteChoice[];
}

/** A discrete spec read into exact decimals. @internal */
export type ParsedDiscrete = { readonly kind: 'discrete'; readonly values: readonly Decimal[]; readonly probabilities: readonly Decimal[] };

/** The discrete distribution kind: fields, reading and sampler. @internal */
export const discreteKind = {
  fields: ['kind', 'choices'],
  mapAmounts(spec, path, map) {
    const choices = spec['choices'];
    if (!Array.isArray(choices)) return spec;
    return {
      ...spec,
      choices: choices.map((choice: unknown, index) =>
        isRecord(choice) && choice['value'] !== undefined ? { ...choice, value: map(choice['value'], [...path, 'choices', index, 'value']) } : choice,
      ),
    };
  },
  parse({ spec, path, unit, issues }) {
    const choices = spec['choices'];
    const choicesPath = [...path, 'choices'];
    if (choices === undefined) {
      issues.push(issue('missing_field', choicesPath, 'missing "choices"'));
      return undefined;
    }
    if (!Array.isArray(choices)) {
      issues.push(issue('invalid_type', choicesPath, '"choices" must be an array of { value, p }'));
      return undefined;
    }
    const values: Decimal[] = [];
    const probabilities: Decimal[] = [];
    let total = new Dec(0);
    let complete = true;
    choices.forEach((choice: unknown, index) => {
      const choicePath = [...choicesPath, index];
      if (!isRecord(choice)) {
        issues.push(issue('invalid_type', choicePath, 'a choice must be an object { value, p }'));
        complete = false;
        return;
      }
      checkFields(choice, ['value', 'p'], choicePath, issues);
      const value = readNumber(choice['value'], unit, [...choicePath, 'value'], issues);
      const p = readNumber(choice['p'], 'probability', [...choicePath, 'p'], issues);
      if (value === undefined || p === undefined) {
        complete = false;
        return;
      }
      values.push(value);
      probabilities.push(p);
      total = total.plus(p);
    });
    if (complete && total.minus(ONE).abs().gt(TOLERANCE_DEC)) {
      issues.push(issue('probabilities_not_one', choicesPath, `the probabilities sum to ${total.toFixed()}, not 1`));
    }
    return complete ? { kind: 'discrete', values, probabilities } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    const count = parsed.values.length;
    const values = new Float64Array(count);
    const cumulative = new Float64Array(count);
    const total = parsed.probabilities.reduce((sum, p) => sum.plus(p), new Dec(0));
    let running = new Dec(0);
    for (let i = 0; i < count; i++) {
      values[i] = exactValue(parsed.values[i]!, unit, roundTo);
      running = running.plus(parsed.probabilities[i]!);
      cumulative[i] = i === count - 1 ? 1 : running.div(total).toNumber();
    }
    const last = count - 1;
    return {
      sampler: (rng) => {
        const u = rng.nextFloat();
        // first index with u < cumulative[index] (binary search; the last choice takes what is left)
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (u < cumulative[mid]!) hi = mid;
          else lo = mid + 1;
        }
        return values[lo]!;
      },
      exact: true,
    };
  },
} satisfies DistributionKindEntry<ParsedDiscrete>;
