import type { Decimal } from '../../core/decimal.js';
import { constant, exactValue, type DistributionKindEntry, type NumberInput, mapAmountFields } from './common.js';

/** A certain value (vaste waarde): every draw is `value`. @category Uncertainty */
export interface FixedDistribution {
  /** Discriminant. */
  readonly kind: 'fixed';
  /** The value. */
  readonly value: NumberInput;
}

/** A fixed spec read into exact decimals. @internal */
export type ParsedFixed = { readonly kind: 'fixed'; readonly value: Decimal };

/** The fixed distribution kind: fields, reading and sampler. @internal */
export const fixedKind = {
  fields: ['kind', 'value'],
  mapAmounts: mapAmountFields('value'),
  parse({ num }) {
    const value = num('value');
    return value === undefined ? undefined : { kind: 'fixed', value };
  },
  sampler(parsed, unit, roundTo) {
    return { sampler: constant(exactValue(parsed.value, unit, roundTo)), exact: true };
  },
} satisfies DistributionKindEntry<ParsedFixed>;
