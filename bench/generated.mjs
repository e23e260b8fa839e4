// The generated budget of the bench's child processes (memory.mjs, mc-process.mjs): 5,000 lines x 10 years in
// 10 sections, amounts in euros with cents, 3% pm, 60% structural, from a fixed linear congruential stream; and
// its 100 uncertain inputs, one every 50 lines, uniform and triangular by turns.
export const YEARS = 10;

/** The budget document (meerjaren/budget, version 1). */
export function generatedDocument() {
  let r = 2026;
  const rnd = () => ((r = (r * 1103515245 + 12345) % 2147483648), r / 2147483648);
  const sections = [];
  for (let l = 0; l < 5000; l++) {
    if (l % 500 === 0) sections.push({ id: String(sections.length + 1), title: `Sectie ${sections.length + 1}`, lines: [] });
    const cell = () => (rnd() < 0.03 ? 'pm' : (Math.floor((rnd() - 0.5) * 2e9) / 100).toFixed(2));
    sections[sections.length - 1].lines.push({ id: `r${l}`, title: `Regel ${l}`, nature: rnd() < 0.6 ? 'structural' : 'incidental', values: Array.from({ length: YEARS }, cell) });
  }
  return { version: 1, title: 'Gegenereerde begroting', unit: 'euro', horizon: { from: 2025, to: 2034, budgetYear: 2026 }, sections };
}

/** The 100 Monte Carlo inputs over the generated budget (amounts in euros). */
export function generatedInputs() {
  return Array.from({ length: 100 }, (_, k) => ({
    id: `in${k}`,
    kind: 'amount',
    rows: [`r${k * 50}`],
    years: [2025 + (k % YEARS)],
    distribution: k % 2 === 0 ? { kind: 'uniform', low: '-100000', high: '100000' } : { kind: 'triangular', low: '-100000', likely: '0', high: '100000' },
  }));
}
