/**
 * A risk whose financial effect is a distribution: the grondexploitatie of the risicoregister of example 71 (kans
 * 30%, at most 1.800 x € 1.000) costs, when it occurs, between 0 and 1.800 with 600 most likely (a triangular
 * distribution, mean 800). The benodigde capaciteit as kans x effect keeps the register's printed amount; the
 * simulation at 90% certainty draws the amount, and so needs less than with the full 1.800 in every occurrence.
 * The register and its amounts are illustrative; the year is 2026.
 */
import { readFileSync } from 'node:fs';
import { loadRiskRegister, simulateRequiredCapacity, weerstandsvermogen } from 'meerjaren';

const document = JSON.parse(readFileSync(new URL('./data/risicoregister-2026.json', import.meta.url), 'utf8')) as { risks: { id: string }[] };
const plain = loadRiskRegister(document);
// the same register with R2's effect as a distribution, in the document's unit (x € 1.000), as a document writes it
const withDistribution = loadRiskRegister({
  ...document,
  risks: document.risks.map((r) => (r.id === 'R2' ? { ...r, distribution: { kind: 'triangular', low: 0, likely: 600, high: 1800 } } : r)),
});

const k = (d: { div(n: number): { toFixed(p: number): string } }): string => d.div(1000).toFixed(0);
const year = 2026;
console.log(`kans x effect (benodigd, ${year}): ${k(weerstandsvermogen(withDistribution, { year }).required)} x € 1.000`);
for (const [label, register] of [['R2 vast 1.800', plain], ['R2 driehoek 0 / 600 / 1.800', withDistribution]] as const) {
  const sim = simulateRequiredCapacity(register, { year, confidence: '0.9', draws: 10_000, seed: 2026 });
  console.log(
    `${label}: 90% zekerheid ${k(sim.required)}, gemiddeld verlies ${k(sim.mean)} (x € 1.000); ratio ${sim.ratio?.toFixed(2)}, ` +
      `waardering ${sim.rating} ${sim.label}; tekort in ${sim.shortfallDraws} van ${sim.draws} trekkingen`,
  );
}
