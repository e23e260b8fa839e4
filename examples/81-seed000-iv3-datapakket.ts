/**
 * Iv3 and the data package on seed 000 (Perspectiefnota 2026 / TB1 2025 of programme 2, x EUR 1.000; TOTAAL SALDO
 * PROGRAMMA -609 363 533 725 702 742 752 over 2025-2031).
 *
 * ASSUMPTIONS: the seed's table names no taakvelden or economische categorieën. The tags below are this example's
 * own reading of the lines (which taakveld of the 2017 layout a municipality would book them on, and which
 * hoofdcategorie), for illustration only:
 * - 1.1 and 1.2 (noodopvang Oekraïne, HAR) on 6.1 Samenkracht en burgerparticipatie: the rijksvergoeding and the
 *   COA vergoeding are baten of categorie 4 Overdrachten, the costs lasten of categorie 3 Goederen en diensten;
 *   1.3's cost too (6.1, categorie 3);
 * - 1.4 and 1.6 (uitvoeringscapaciteit) on 6.2 Wijkteams, categorie 1.1 Salarissen en sociale lasten; 1.5's werkbudget
 *   on 6.6 Maatwerkvoorzieningen (Wmo), categorie 3: a lower lasten (declared `lastenbaten: lasten`), not a baat;
 * - 1.7 Jeugdgezondheidszorg on 7.1 Volksgezondheid, categorie 4 (a contribution to the GGD); 1.8 on 0.4 Overhead, 1.1;
 * - 2.1 Kinderopvang SMI on 6.72 Maatwerkdienstverlening 18-, categorie 3;
 * - 3.1 Realisatie gemeentelijke opvang on 0.10 Mutaties reserves, categorie 7 (its EUR 2,0 mln goes to a reserve);
 * - 3.2 Crisisorganisatie on 6.82 Geëscaleerde zorg 18-, categorie 1.1, except "Opstarten Zorg in Natura team"
 *   (6.72) and "Regie op Thuiszitters" (4.3 Onderwijsbeleid en leerlingzaken);
 * - the savings 4.1, 4.2, 4.4 on 6.1 (subsidies: categorie 4), 4.3 on 6.71 (categorie 3), 4.5's GGD on 7.1 and the
 *   Servicebureau Jeugdhulp on 6.72 (categorie 4): each a lower lasten (`lastenbaten: lasten`);
 * - the programme is the budget's tag `programme: "2"`.
 *
 * Run: npx tsx examples/81-seed000-iv3-datapakket.ts   (writes out/seed000-datapakket/)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  checkIv3Tags, evaluate, iv3Rollup, iv3Table, loadBudget, readDataPackage, renderCsv, renderText, toDataPackage, type BudgetDocument,
} from 'meerjaren';

const seed = JSON.parse(readFileSync(fileURLToPath(new URL('./data/seed000-tb1.json', import.meta.url)), 'utf8')) as BudgetDocument;

type Tags = Record<string, string>;
const lasten = (taakveld: string, categorie: string): Tags => ({ taakveld, categorie, lastenbaten: 'lasten' });
const baten = (taakveld: string, categorie: string): Tags => ({ taakveld, categorie, lastenbaten: 'baten' });
const row = (taakveld: string, categorie: string): Tags => ({ taakveld, categorie });

/** The assumed tags: of a line, and of its components by position. */
const TAGS: Readonly<Record<string, { line?: Tags; components?: readonly (Tags | undefined)[] }>> = {
  '1.1': { line: baten('6.1', '4'), components: [lasten('6.1', '3')] },
  '1.2': { line: row('6.1', '3'), components: [baten('6.1', '4')] },
  '1.3': { line: row('6.1', '3') },
  '1.4': { line: row('6.2', '1.1') },
  '1.5': { line: lasten('6.6', '3') },
  '1.6': { line: row('6.2', '1.1') },
  '1.7': { line: row('7.1', '4') },
  '1.8': { line: row('0.4', '1.1') },
  '2.1': { line: row('6.72', '3') },
  '3.1': { line: row('0.10', '7') },
  '3.2': { line: row('6.82', '1.1'), components: [undefined, { taakveld: '6.72' }, { taakveld: '4.3' }] },
  '4.1': { line: lasten('6.1', '4') },
  '4.2': { line: lasten('6.1', '4') },
  '4.3': { line: lasten('6.71', '3') },
  '4.4': { line: lasten('6.1', '4') },
  '4.5': { line: { categorie: '4', lastenbaten: 'lasten' }, components: [{ taakveld: '7.1' }, { taakveld: '6.72' }] },
};

const tagged: BudgetDocument = {
  ...seed,
  sections: seed.sections.map((s) => ({
    ...s,
    lines: s.lines.map((l) => {
      const t = TAGS[l.id] ?? {};
      return {
        ...l,
        tags: { ...l.tags, ...t.line },
        ...(l.components === undefined ? {} : { components: l.components.map((c, i) => ({ ...c, tags: { ...c.tags, ...t.components?.[i] } })) }),
      };
    }),
  })),
};
const tb1 = loadBudget(tagged);

// 1. The tags checked against the taakvelden of 2017 and the categorieën as known to meerjaren
const findings = checkIv3Tags(tb1);
console.log(`Iv3-bevindingen: ${findings.length === 0 ? 'geen' : findings.map((f) => `${f.code} ${f.path}`).join('; ')}`);

// 2. The roll-ups: per taakveld and per programme the same total, lasten and baten apart
const rollup = iv3Rollup(tb1);
const k = (d: { div(n: number): { toFixed(): string } }): string => d.div(1000).toFixed();
for (const year of ['2025', '2026', '2029']) {
  const byTaakveld = rollup.byTaakveld.reduce((a, g) => a.add(g.years[year]!.saldo), rollup.total[year]!.saldo.mul(0));
  const byProgramme = rollup.byProgramme.reduce((a, g) => a.add(g.years[year]!.saldo), rollup.total[year]!.saldo.mul(0));
  const total = rollup.total[year]!;
  console.log(
    `${year}: lasten ${k(total.lasten.amount)}, baten ${k(total.baten.amount)}, saldo per taakveld ${k(byTaakveld)}, per programma ${k(byProgramme)}, TOTAAL SALDO PROGRAMMA ${k(evaluate(tb1).total[year]!.amount)}`,
  );
}
for (const g of rollup.byTaakveld) console.log(`  ${g.code} ${g.entry?.title}: saldo 2026 ${k(g.years['2026']!.saldo)}`);

// 3. The Iv3 layout of 2026: lasten and baten apart, taakveld x categorie
const iv3Lasten = iv3Table(rollup, { side: 'lasten', year: 2026 });
console.log(renderText(iv3Lasten, { unit: 'thousand' }));
console.log(renderText(iv3Table(rollup, { side: 'baten', year: 2026 }), { unit: 'thousand' }));
console.log(renderCsv(iv3Lasten, { unit: 'thousand' }).split('\r\n').slice(0, 4).join('\n'));

// 4. The budget as a Frictionless data package, written and read back
const pkg = toDataPackage(tb1, { name: 'zoetermeer-perspectiefnota-2026' });
const dir = fileURLToPath(new URL('../out/seed000-datapakket/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [path, text] of Object.entries(pkg.files)) writeFileSync(`${dir}${path}`, text);
const files = Object.fromEntries(Object.keys(pkg.files).map((path) => [path, readFileSync(`${dir}${path}`, 'utf8')]));
const back = readDataPackage(files);
const csvRows = pkg.files['begroting.csv']!.split('\r\n').filter((l) => l !== '').length - 1;
console.log(`datapakket: datapackage.json + begroting.csv (${csvRows} cellen), teruggelezen gelijk: ${isDeepStrictEqual(back, tb1)}`);
console.log(pkg.files['begroting.csv']!.split('\r\n').slice(0, 3).join('\n'));
