/**
 * Weerstandsvermogen per year of the meerjarenraming, from a risicoregister document (`meerjaren/risks`, amounts
 * x € 1.000), and the benodigde capaciteit by simulation at 90% certainty beside kans x effect. The register and its
 * amounts are illustrative (the register of example 70, with the expected balance of the algemene reserve per year).
 */
import { readFileSync } from 'node:fs';
import { loadRiskRegister, renderText, simulateRequiredCapacity, weerstandsvermogenByYear, weerstandsvermogenYearTable } from 'meerjaren';

const register = loadRiskRegister(readFileSync(new URL('./data/risicoregister-2026.json', import.meta.url), 'utf8'));
const perYear = weerstandsvermogenByYear(register, { from: 2026, to: 2029 });
console.log(renderText(weerstandsvermogenYearTable(perYear, { title: register.title }), { unit: 'thousand' }));

for (const year of perYear.years) {
  const sim = simulateRequiredCapacity(register, { year, confidence: '0.9', draws: 10_000, seed: 2026 });
  const k = (d: { div(n: number): { toFixed(p: number): string } }): string => d.div(1000).toFixed(0);
  console.log(
    `${year}: kans x effect ${k(sim.expected)}, 90% zekerheid ${k(sim.required)} (x € 1.000): ratio ${sim.ratio?.toFixed(2)}, ` +
      `waardering ${sim.rating} ${sim.label}; tekort in ${sim.shortfallDraws} van ${sim.draws} trekkingen`,
  );
}
