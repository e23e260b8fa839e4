import { Dec, type Decimal } from '../../core/decimal.js';
import { issue } from '../../core/errors.js';
import { BASE_DISTRIBUTIONS } from './base-kinds.js';
import { ONE, checkFields, isRecord, parseSpecOf, readNumber, type DistributionKindEntry, type KindEntries, type NumberInput, type Sampler } from './common.js';
import type { ComponentDistribution, ComponentKind } from './component.js';

/** One component of a mixture: a distribution and its weight. @category Uncertainty */
export interface MixtureComponent {
  /** The share of the draws that come from this component, in [0, 1]; the weights of a mixture sum to exactly 1. */
  readonly weight: NumberInput;
  /** The component's distribution, of any kind but `mixture`, in the same unit as the mixture. */
  readonly distribution: ComponentDistribution;
}

/**
 * A weighted mixture of distributions (mengverdeling): each draw first picks a component by its weight, then draws
 * from it. For an outcome that depends on a decision not yet taken: with 0,6 the council keeps the post (a PERT
 * around its current amount), with 0,4 it is cut (a uniform around a lower amount). The weights sum to exactly 1.
 * @category Uncertainty
 */
export interface MixtureDistribution {
  /** Discriminant. */
  readonly kind: 'mixture';
  /** The components, at least one. */
  readonly components: readonly MixtureComponent[];
}

/** A mixture spec read into exact decimals: its weights and its components, each read by its kind. @internal */
export type ParsedMixture = {
  readonly kind: 'mixture';
  readonly weights: readonly Decimal[];
  readonly components: readonly { readonly kind: ComponentKind; readonly parsed: { readonly kind: string } }[];
};

const COMPONENT_KINDS = BASE_DISTRIBUTIONS as unknown as KindEntries;

/** The mixture distribution kind: fields, reading and sampler. @internal */
export const mixtureKind = {
  fields: ['kind', 'components'],
  mapAmounts(spec, path, map) {
    const components = spec['components'];
    if (!Array.isArray(components)) return spec;
    return {
      ...spec,
      components: components.map((component: unknown, index) => {
        if (!isRecord(component) || !isRecord(component['distribution'])) return component;
        const distribution = component['distribution'];
        const kind = distribution['kind'];
        if (typeof kind !== 'string' || !Object.hasOwn(COMPONENT_KINDS, kind)) return component;
        return { ...component, distribution: COMPONENT_KINDS[kind]!.mapAmounts(distribution, [...path, 'components', index, 'distribution'], map) };
      }),
    };
  },
  parse({ spec, path, unit, issues }) {
    const components = spec['components'];
    const componentsPath = [...path, 'components'];
    if (components === undefined) {
      issues.push(issue('missing_field', componentsPath, 'missing "components"'));
      return undefined;
    }
    if (!Array.isArray(components)) {
      issues.push(issue('invalid_type', componentsPath, '"components" must be an array of { weight, distribution }'));
      return undefined;
    }
    const weights: Decimal[] = [];
    const parsed: { kind: ComponentKind; parsed: { readonly kind: string } }[] = [];
    let total = new Dec(0);
    let complete = true;
    components.forEach((component: unknown, index) => {
      const at = [...componentsPath, index];
      if (!isRecord(component)) {
        issues.push(issue('invalid_type', at, 'a component must be an object { weight, distribution }'));
        complete = false;
        return;
      }
      checkFields(component, ['weight', 'distribution'], at, issues);
      const weight = readNumber(component['weight'], 'probability', [...at, 'weight'], issues);
      const distribution = component['distribution'];
      let read: { readonly kind: string } | undefined;
      if (isRecord(distribution) && distribution['kind'] === 'mixture') {
        issues.push(issue('invalid_distribution', [...at, 'distribution', 'kind'], 'a component of a mixture is not a mixture: write its components in the outer one'));
      } else if (distribution === undefined) {
        issues.push(issue('missing_field', [...at, 'distribution'], 'a component needs a distribution'));
      } else {
        read = parseSpecOf(COMPONENT_KINDS, distribution, [...at, 'distribution'], unit, issues);
      }
      if (weight === undefined || read === undefined) {
        complete = false;
        return;
      }
      weights.push(weight);
      parsed.push({ kind: read.kind as ComponentKind, parsed: read });
      total = total.plus(weight);
    });
    if (complete && !total.eq(ONE)) {
      issues.push(issue('probabilities_not_one', componentsPath, `the weights sum to ${total.toFixed()}, not exactly 1`));
    }
    return complete ? { kind: 'mixture', weights, components: parsed } : undefined;
  },
  sampler(parsed, unit, roundTo) {
    // each component's own draw (unrounded: the mixture's draw is rounded once, as any other)
    const samplers: Sampler[] = parsed.components.map((c) => COMPONENT_KINDS[c.kind]!.sampler(c.parsed, unit, roundTo).sampler);
    const count = samplers.length;
    const cumulative = new Float64Array(count);
    let running = new Dec(0);
    let lastWeighted = 0;
    for (let i = 0; i < count; i++) {
      running = running.plus(parsed.weights[i]!);
      cumulative[i] = running.toNumber();
      if (parsed.weights[i]!.gt(0)) lastWeighted = i;
    }
    return {
      sampler: (rng) => {
        const u = rng.nextFloat();
        // the first component with u < its cumulative weight (a weight of 0 is never picked)
        let k = 0;
        while (k < lastWeighted && !(u < cumulative[k]!)) k++;
        return samplers[k]!(rng);
      },
      exact: false,
    };
  },
} satisfies DistributionKindEntry<ParsedMixture>;
