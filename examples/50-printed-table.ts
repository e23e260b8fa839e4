/**
 * From a printed table to a model (van gedrukte tabel naar model): seed 001's "Financieel samengevat" as printed
 * (x € 1.000), every printed total checked against the exact sum of the rows above it.
 */
import { readPrintedTable } from 'meerjaren';

const printed = [
  'Bedragen x €1.000;;;;;;',
  'Programma 2 Samen leven en ondersteunen;Jaarrekening 2024;Begroting 2025;Begroting 2026;Begroting 2027;Begroting 2028;Begroting 2029',
  'Lasten;-156.729;-168.891;-169.446;-159.869;-158.593;-158.516',
  'Baten;19.970;17.715;11.196;2.139;1.981;1.981',
  'Gerealiseerd saldo van baten en lasten;-136.759;-151.175;-158.250;-157.731;-156.613;-156.536',
  'Toevoegingen;0;-2.000;0;0;0;0',
  'Onttrekkingen;886;617;365;54;0;0',
  'Mutaties reserves;886;-1.383;365;54;0;0',
  'Saldo;-135.874;-152.558;-157.884;-157.677;-156.613;-156.536',
].join('\n');

// "Gerealiseerd saldo" and "Mutaties reserves" do not start with a total word: the layout says they are totals.
const table = readPrintedTable(printed, {
  layout: { rows: [{ pattern: '^Gerealiseerd saldo', role: 'total' }, { label: 'Mutaties reserves', role: 'total' }] },
});

for (const check of table.checks.filter((c) => c.status !== 'ok')) console.log(check.message);
console.log(`lines: ${table.document.sections.flatMap((s) => s.lines).map((l) => l.title).join(', ')}`);
console.log(`ok: ${table.ok}`);
