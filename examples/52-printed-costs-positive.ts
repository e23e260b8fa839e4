/**
 * A printed table that prints costs positive ("+ is nadeel") and builds the result from the primary saldo with
 * "Bij:" and "Af:" rows, each added as printed ("Af: bezuinigingen -300" lowers the nadeel), then a waarvan row,
 * the structural result and a JA/NEE verdict (x € 1.000). No layout: the defaults read it. The 2028 result is
 * printed one off (a rounding difference), and its verdict "JA" is wrong: a structural nadeel of 701 is not
 * closing.
 */
import { evaluate, loadBudget, readPrintedTable } from 'meerjaren';

const printed = [
  'Meerjarenraming na voorstellen;;;',
  'Bedragen x € 1.000 (+ is nadeel);;;',
  'Omschrijving;2026;2027;2028',
  'Saldo primitieve begroting;1.250;980;640',
  'Bij: nieuw beleid;420;380;380',
  'Af: bezuinigingen;-300;-310;-320',
  'Af: incidentele baten grondexploitatie;-150;-;-',
  'Begrotingsresultaat;1.220;1.050;701',
  'waarvan incidenteel;-150;-;-',
  'Structureel begrotingsresultaat;1.370;1.050;701',
  'Structureel sluitend;NEE;NEE;JA',
].join('\n');

for (const language of ['nl', 'en'] as const) {
  const table = readPrintedTable(printed, { nature: 'structural', language });
  const mark = { ok: ' ', rounding: '~', mismatch: '!' } as const;
  console.log(`-- ${language}: sign ${table.document.sign}, unit ${table.document.unit}`);
  for (const check of table.checks) console.log(`${mark[check.status]} ${check.message}`);
  console.log(`ok: ${table.ok}`);
}

// the real lines, in the table's own sign convention: the evaluated result is the printed one, exact
const table = readPrintedTable(printed, { nature: 'structural' });
console.log(`lines: ${table.document.sections.flatMap((s) => s.lines).map((l) => l.title).join(', ')}`);
const evaluation = evaluate(loadBudget(JSON.stringify(table.document), { totals: 'ignore' }));
const asPrinted = evaluation.years.map((y) => evaluation.total[String(y)]!.amount.neg().div(1000).toFixed());
console.log(`begrotingsresultaat (+ is nadeel): ${asPrinted.join(' ')}`);
