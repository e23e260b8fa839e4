/**
 * How likely is the Hervormingsagenda taakstelling met, per year, when its measures deliver an uncertain share of
 * their plan? The target and its measures are those of example 11 (seed 004: EUR 3 mln in 2025, EUR 7 mln in 2026,
 * then EUR 1 mln more each year; the measures are an analyst's assumptions). Here each uncertain measure gets a
 * realisation rate with a distribution; per draw the target's realised savings and its gap follow exactly as
 * `evaluateTargets` computes them (realised = planned x rate, rounded to the cent once).
 *
 * Beside it, a variant with common random numbers: "voorveld op tijd" (the voorveld delivers in the planned year
 * instead of a year late). Both runs draw the same numbers, so the difference per year is the variant's effect, not
 * noise.
 *
 * Run: npx tsx examples/33-hervormingsagenda-maatregelen-kans.ts
 */
import { fileURLToPath } from 'node:url';
import { compareMonteCarlo, evaluateTargets, type Decimal, type MonteCarloComparison, type UncertainInput } from 'meerjaren';
import { LOCAL_PATH, hervormingsagenda } from './11-hervormingsagenda-taakstelling.js';

/** The uncertain realisation of the measures (rates of the plan). The voorveld keeps its assumed delay of a year. */
export const MEASURE_INPUTS: readonly UncertainInput[] = [
  // decided: delivers 90% to 100%
  { id: 'crisisorganisatie', kind: 'measure', target: 'hervormingsagenda', measure: 'crisisorganisatie', distribution: { kind: 'uniform', low: '0.9', high: '1' } },
  // in preparation: most likely 60%, between 30% and 90%
  { id: 'lokale-teams', kind: 'measure', target: 'hervormingsagenda', measure: 'lokale-teams', distribution: { kind: 'pert', low: '0.3', likely: '0.6', high: '0.9' } },
  // at risk: nothing, about half, or all
  {
    id: 'regionale-inkoop',
    kind: 'measure',
    target: 'hervormingsagenda',
    measure: 'regionale-inkoop',
    distribution: { kind: 'discrete', choices: [{ value: '0', p: '0.2' }, { value: '0.5', p: '0.5' }, { value: '1', p: '0.3' }] },
  },
];

/**
 * The Monte Carlo run on the taakstelling, with the variant "voorveld op tijd".
 * @param draws - number of draws
 */
export function hervormingsagendaKans(draws = 10_000): MonteCarloComparison {
  return compareMonteCarlo(
    hervormingsagenda(),
    [
      {
        id: 'voorveld-op-tijd',
        scenario: {
          id: 'voorveld-op-tijd',
          title: 'Voorveld op tijd',
          changes: [{ kind: 'set-realisation', target: 'hervormingsagenda', measures: ['voorveld'], realisation: 'as-planned' }],
        },
      },
    ],
    { inputs: MEASURE_INPUTS, draws, seed: 2025 },
  );
}

/** An amount x € 1 mln (the budget's unit, and so the run's), as printed. */
const mln = (d: Decimal): string => d.toFixed(2).replace('.', ',').replace('-0,00', '0,00');
/** An amount in euros (as `evaluateTargets` gives it) x € 1 mln. */
const eurosInMln = (d: Decimal): string => mln(d.div(1_000_000));
const pct = (p: number): string => `${(p * 100).toFixed(1).replace('.', ',')}%`;

function main(): void {
  const cmp = hervormingsagendaKans();
  const base = cmp.baseline.savings[0]!;
  const onPaper = evaluateTargets(hervormingsagenda()).targets['hervormingsagenda']!;
  const years = cmp.baseline.years.filter((year) => LOCAL_PATH[year] !== undefined);
  console.log(`${base.label}: kans dat de maatregelen haar vullen (${cmp.baseline.draws.toLocaleString('nl-NL')} trekkingen, seed ${String(cmp.baseline.seed)})`);
  console.log('bedragen x € 1 mln; tekort = taakstelling - gerealiseerd (negatief = overschot)\n');
  console.log('jaar  taakstelling  gepland  kans gehaald  tekort P5  P50     P95');
  for (const year of years) {
    const gap = base.gap[year]!.percentiles;
    console.log(
      `${year}  ${mln(base.target[year]!).padStart(12)}  ${eurosInMln(onPaper.years[year]!.planned).padStart(7)}  ${pct(base.probabilityMet[year]!).padStart(12)}  ${mln(gap['p5']!).padStart(9)}  ${mln(gap['p50']!).padStart(6)}  ${mln(gap['p95']!).padStart(6)}`,
    );
  }
  const filled = years.filter((year) => onPaper.years[year]!.planned.gte(onPaper.years[year]!.target));
  const met = years.filter((year) => base.probabilityMet[year]! > 0);
  console.log(`\nOp papier gevuld in: ${filled.join(', ') || 'geen jaar'}; met deze realisatie kans > 0 in: ${met.join(', ') || 'geen jaar'}.`);
  const variant = cmp.variants[0]!;
  const diff = variant.difference.savings[0]!.gap;
  const vs = variant.result.savings[0]!;
  console.log(`\nVariant "${variant.label}" (dezelfde trekkingen): verschil in tekort, variant - basis`);
  console.log('jaar  kans gehaald  verschil P5  P50     P95');
  for (const year of years) {
    const d = diff[year]!.percentiles;
    console.log(`${year}  ${pct(vs.probabilityMet[year]!).padStart(12)}  ${mln(d['p5']!).padStart(11)}  ${mln(d['p50']!).padStart(6)}  ${mln(d['p95']!).padStart(6)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
