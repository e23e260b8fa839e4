/**
 * The corpus of printed tables: each as printed (CSV text, the seeds' tables copied cell by cell) with the
 * expected status of every check, in grid order ("row|column|status").
 */
import type { PrintedTableOptions } from '../../../src/document/printed-table-types.js';

export interface CorpusTable {
  readonly name: string;
  readonly csv: string;
  readonly options?: PrintedTableOptions;
  readonly checks: readonly string[];
  readonly lines: number;
  readonly issues?: readonly string[];
}

const years = (row: string, ...cells: string[]): string[] => cells.map((c, i) => `${row}|${2026 + i}|${c}`);

export const CORPUS: readonly CorpusTable[] = [
  {
    name: 'seed 000: TB1 2025 and MJB 2026-2029 (components as rows, pm, "- 152", TOTAAL SALDO PROGRAMMA)',
    csv: [
      ['Bedragen x € 1.000', '', '', '', '', '', '', ''],
      ['', 'TB1', 'MJB 2026 - 2029', '', '', '', 'Doorkijk MJB', ''],
      ['', '2025', '2026', '2027', '2028', '2029', '2030', '2031'],
      ['1 Financiële ontwikkelingen bestaand beleid (leereffecten jaarrekening en TB1)', '', '', '', '', '', '', ''],
      ['1.1 Noodopvang Oekraïne-vergoeding rijk', '6.500', '1.083', 'pm', 'pm', 'pm', 'pm', 'pm'],
      ['- kosten noodopvang', '-3.600', '-600', '', '', '', '', ''],
      ['1.2 Hotel- en accommodatieregeling (HAR)', '-771', '', '', '', '', '', ''],
      ['- vergoeding COA', '371', '', '', '', '', '', ''],
      ['1.3 Noodopvang asielzoekers', '', '', '', '', '', '', ''],
      ['- dekking via OAD', '-30', '-50', '-50', '-50', '-50', '-10', ''],
      ['1.4 Behoud uitvoeringscapaciteit Wmo', '-1.100', 'pm', 'pm', 'pm', 'pm', 'pm', 'pm'],
      ['1.5 Werkbudget Wmo', '1.100', '', '', '', '', '', ''],
      ['1.6 Uitvoeringscapaciteit JGH', '-800', 'pm', 'pm', 'pm', 'pm', 'pm', 'pm'],
      ['1.7 Jeugdgezondheidszorg', '', '', '', '', '', '', ''],
      ['- Indexatie', '- 152', '- 152', '- 152', '- 152', '- 152', '- 152', '- 152'],
      ['- Basistakenpakket', '', '-192', '-192', '', '', '', ''],
      ['1.8 Organisatieontwikkeling Sociaal Domein', '', 'pm', 'pm', 'pm', 'pm', 'pm', 'pm'],
      ['2 Onvermijdelijke ontwikkelingen', '', '', '', '', '', '', ''],
      ['2.1 Kinderopvang op sociaal medische indicatie', '', '', '', '', '', '', ''],
      ['- dekking via OAD', '-27', '-27', '-27', '-27', '-50', '-50', '-50'],
      ['3 Beleidswijzigingen/Nieuw beleid', '', '', '', '', '', '', ''],
      ['3.1 Realisatie gemeentelijke opvang', '-2.100', 'pm', '', '', '', '', ''],
      ['3.2 Crisisorganisatie Sociaal Domein', '', '', '', '', '', '', ''],
      ["- Regie te voeren, te starten bij GI's", '', '-77', '', '', '', '', ''],
      ['- Opstarten Zorg in Natura team', '', '-446', '', '', '', '', ''],
      ['- Regie op Thuiszitters', '', '-130', '', '', '', '', ''],
      ['4 Bezuinigings- en dekkingsvoorstellen', '', '', '', '', '', '', ''],
      ['4.1 Besparing subsidies Sociaal Domein (Wmo/welzijn)', '', '234', '234', '234', '234', '234', '234'],
      ['4.2 Besparing subsidies Jeugd', '', '250', '250', '250', '250', '250', '250'],
      ['4.3 Effectiever inrichten individuele voorzieningen (Wmo/HH)', '', '250', '250', '250', '250', '250', '250'],
      ['4.4 Vrijwilligerswaardering', '', '20', '20', '20', '20', '20', '20'],
      ['4.5 Verbonden partijen (maatregel 5, 27, 157, 167), Gemeenschappelijke regelingen:', '', '', '', '', '', '', ''],
      ['- GGD/VT', '', '189', '189', '189', '189', '189', '189'],
      ['- Servicebureau Jeugdhulp Haaglanden', '', '11', '11', '11', '11', '11', '11'],
      ['TOTAAL SALDO PROGRAMMA', '-609', '363', '533', '725', '702', '742', '752'],
    ].map((row) => row.map((cell) => (/[;"]/.test(cell) ? `"${cell}"` : cell)).join(';')).join('\n'),
    checks: ['2025', '2026', '2027', '2028', '2029', '2030', '2031'].map((y) => `TOTAAL SALDO PROGRAMMA|${y}|ok`),
    lines: 22,
  },
  {
    name: 'seed 001: Beleidswijzigingen/Nieuw beleid (pm, a heading with parts, x € 1.000)',
    csv: [
      'Beleidswijzigingen/Nieuw beleid;;;;', 'Bedragen x € 1.000;;;;', 'Beleidswijzigingen/Nieuw beleid;2026;2027;2028;2029',
      '1. Realisatie gemeentelijke opvang;pm;;;', '2. Crisisorganisatie Sociaal Domein;;;;', '- Regie te voeren, te starten bij GI\'s;77;;;',
      '- Opstarten Zorg in Natura team;446;;;', '- Regie op thuiszitters;130;;;', 'Saldo;653;0;0;0',
    ].join('\n'),
    checks: years('Saldo', 'ok', 'ok', 'ok', 'ok'),
    lines: 4,
  },
  {
    name: 'seed 001: Bezuinigings- en dekkingsvoorstellen',
    csv: [
      'Bedragen x € 1.000;;;;', 'Bezuinigings- en dekkingsvoorstellen;2026;2027;2028;2029', '1. Besparing subsidies Jeugd;250;250;250;250',
      '2. Effectiever inrichten individuele voorzieningen (Wmo/HH);250;250;250;250', '3. Vrijwilligerswaardering;20;20;20;20',
      '4. Verbonden partijen, Gemeenschappelijke regelingen:;;;;', '- GGD/VT;189;189;189;189', '- Servicebureau Jeugdhulp Haaglanden;11;11;11;11',
      'Totaal;720;720;720;720',
    ].join('\n'),
    checks: years('Totaal', 'ok', 'ok', 'ok', 'ok'),
    lines: 5,
  },
  {
    name: 'seed 001: Financieel samengevat (rounding differences, reserve mutations)',
    csv: [
      'Bedragen x €1.000;;;;;;',
      'Programma 2 Samen leven en ondersteunen;Jaarrekening 2024;Begroting 2025;Begroting 2026;Begroting 2027;Begroting 2028;Begroting 2029',
      'Lasten;-156.729;-168.891;-169.446;-159.869;-158.593;-158.516', 'Baten;19.970;17.715;11.196;2.139;1.981;1.981',
      'Gerealiseerd saldo van baten en lasten;-136.759;-151.175;-158.250;-157.731;-156.613;-156.536', 'Toevoegingen;0;-2.000;0;0;0;0',
      'Onttrekkingen;886;617;365;54;0;0', 'Mutaties reserves;886;-1.383;365;54;0;0', 'Saldo;-135.874;-152.558;-157.884;-157.677;-156.613;-156.536',
    ].join('\n'),
    options: { layout: { rows: [{ pattern: '^Gerealiseerd saldo', role: 'total' }, { label: 'Mutaties reserves', role: 'total' }] } },
    checks: [
      ...['Jaarrekening 2024', 'Begroting 2025', 'Begroting 2026', 'Begroting 2027', 'Begroting 2028', 'Begroting 2029'].map((c, i) => `Gerealiseerd saldo van baten en lasten|${c}|${['ok', 'rounding', 'ok', 'rounding', 'rounding', 'rounding'][i]}`),
      ...['Jaarrekening 2024', 'Begroting 2025', 'Begroting 2026', 'Begroting 2027', 'Begroting 2028', 'Begroting 2029'].map((c) => `Mutaties reserves|${c}|ok`),
      ...['Jaarrekening 2024', 'Begroting 2025', 'Begroting 2026', 'Begroting 2027', 'Begroting 2028', 'Begroting 2029'].map((c, i) => `Saldo|${c}|${['rounding', 'ok', 'rounding', 'ok', 'ok', 'ok'][i]}`),
    ],
    lines: 4,
  },
  {
    name: 'seed 003: Nieuw beleid (labels with a year in them)',
    csv: [
      'Bedragen x € 1.000;;;;', 'Nieuw beleid;2024;2025;2026;2027', 'Projecten jeugd (sturing en bekostiging);1.169;1.169;0;0',
      'Daklozenpunt: voortzetting 2023;80;80;80;80', 'Daklozenpunt: bijdrage gemeente Den Haag;-80;-80;-80;-80', 'Zoetermeer regenboogstad;20;20;20;0',
      'Formatie Zoetermeer 2025 / LLZ;113;113;0;0', 'Uitvoeringsplan Gezond en Actief Leven akkoord (GALA);1.293;1.293;924;0',
      'SPUK Sport en Bewegen, gezondheidsbevordering;-1.293;-1.293;-924;0', 'Pilot expertisepool en onderwijsbehandelgroep;480;480;0;0',
      'Pilot Expert pool, dekking vanuit ZIN gelden;-480;-480;0;0', 'Projectleider expertpool en onderwijsbehandelgroep;50;50;0;0', 'Saldo;1.352;1.352;20;0',
    ].join('\n'),
    checks: ['2024', '2025', '2026', '2027'].map((y) => `Saldo|${y}|ok`),
    lines: 10,
  },
  {
    name: 'seed 003: Financieel samengevat in whole euros',
    csv: [
      'Programma 2 Samen leven en ondersteunen;Jaarrekening 2022;Begroting 2023;Begroting 2024;Begroting 2025;Begroting 2026;Begroting 2027',
      'Baten;9.631.471;4.388.278;8.089.037;3.382.840;3.013.840;2.037.340', 'Lasten;-115.680.900;-122.118.771;-129.697.541;-127.618.316;-125.834.669;-124.629.091',
      'Resultaat;-106.049.429;-117.730.493;-121.608.504;-124.235.476;-122.820.829;-122.591.751',
    ].join('\n'),
    checks: ['Jaarrekening 2022', 'Begroting 2023', 'Begroting 2024', 'Begroting 2025', 'Begroting 2026', 'Begroting 2027'].map((c) => `Resultaat|${c}|ok`),
    lines: 2,
  },
  {
    name: 'trailing minus in whole euros',
    csv: ['Omschrijving;2026;2027', 'Lasten;5.810.503-;5.900.000-', 'Baten;1.000.000;1.000.000', 'Saldo;4.810.503-;4.900.001-'].join('\n'),
    checks: ['Saldo|2026|ok', 'Saldo|2027|rounding'],
    lines: 2,
  },
  {
    name: 'V and N after the amounts',
    csv: ['Bedragen x € 1.000;;', ';2026;2027', 'Hogere uitkering;250 V;250 V', 'Jeugdzorg;400 N;300 N', 'Saldo;150 N;50 V'].join('\n'),
    checks: ['Saldo|2026|ok', 'Saldo|2027|mismatch'],
    lines: 2,
  },
  {
    name: '"+ is nadeel" above the header',
    csv: ['Bedragen x € 1.000 (+ is nadeel);;', ';2026;2027', 'Lasten;1.200;1.250', 'Baten;-1.000;-1.000', 'Saldo;200;250'].join('\n'),
    checks: ['Saldo|2026|ok', 'Saldo|2027|ok'],
    lines: 2,
  },
  {
    name: 'parentheses for negatives',
    csv: [';2026;2027', 'Lasten;(1.500);(1.600)', 'Baten;1.200;1.200', 'Saldo;(300);(401)'].join('\n'),
    checks: ['Saldo|2026|ok', 'Saldo|2027|rounding'],
    lines: 2,
  },
  {
    name: 'several subtotal levels',
    csv: [
      ';2026', 'Lasten', 'Personeel;-100', 'Materieel;-50', 'Subtotaal lasten;-150', 'Baten', 'Leges;30', 'Subsidies;20', 'Subtotaal baten;50',
      'Totaal saldo;-100', 'Reserves', 'Onttrekking;10', 'Subtotaal reserves;10', 'Totaal resultaat;-90',
    ].join('\n'),
    checks: ['Subtotaal lasten|2026|ok', 'Subtotaal baten|2026|ok', 'Totaal saldo|2026|ok', 'Subtotaal reserves|2026|ok', 'Totaal resultaat|2026|ok'],
    lines: 5,
  },
  {
    name: 'waarvan and a structural row',
    csv: [';2026;2027', 'Lasten;-1.500;-1.500', 'Baten;1.300;1.400', 'Begrotingssaldo;-200;-100', 'waarvan incidenteel;-150;-50', 'Structureel begrotingssaldo;-50;-60'].join('\n'),
    checks: ['Begrotingssaldo|2026|ok', 'Begrotingssaldo|2027|ok', 'Structureel begrotingssaldo|2026|ok', 'Structureel begrotingssaldo|2027|mismatch'],
    lines: 2,
  },
  {
    name: 'non-year columns: primary budget, changes, after changes, then the years',
    csv: [
      ';Primitieve begroting;Wijzigingen;Begroting na wijziging;2027;2028', 'Lasten;-1.000;-50;-1.050;-1.000;-1.000', 'Baten;800;20;820;800;800',
      'Saldo;-200;-30;-230;-200;-200',
    ].join('\n'),
    options: {
      layout: {
        columns: [
          { header: 'Primitieve begroting', role: 'amount' },
          { header: 'Wijzigingen', role: 'amount' },
          { header: 'Begroting na wijziging', role: 'sum', of: ['Primitieve begroting', 'Wijzigingen'], year: 2026 },
        ],
      },
    },
    checks: [
      'Lasten|Begroting na wijziging|ok', 'Baten|Begroting na wijziging|ok', 'Saldo|Primitieve begroting|ok', 'Saldo|Wijzigingen|ok', 'Saldo|Begroting na wijziging|ok',
      'Saldo|Begroting na wijziging|ok', 'Saldo|2027|ok', 'Saldo|2028|ok',
    ],
    lines: 2,
  },
  {
    name: 'reserve additions and withdrawals split structural and incidental',
    csv: [
      'Bedragen x € 1.000;;', ';2026;2027', 'Saldo baten en lasten;-500;-400', 'Toevoegingen structureel;-100;-100', 'Toevoegingen incidenteel;-50;0',
      'Onttrekkingen structureel;200;200', 'Onttrekkingen incidenteel;300;100', 'Resultaat;-150;-200', 'waarvan incidenteel;250;100', 'Structureel resultaat;-400;-300',
    ].join('\n'),
    checks: ['Resultaat|2026|ok', 'Resultaat|2027|ok', 'Structureel resultaat|2026|ok', 'Structureel resultaat|2027|ok'],
    lines: 5,
  },
  {
    name: 'Af: and Bij: after an opening balance',
    csv: [';2026;2027', 'Saldo primitieve begroting;1.000;900', 'Af: nieuw beleid;-300;-300', 'Bij: bezuinigingen;100;150', 'Begrotingsresultaat;800;752'].join('\n'),
    checks: ['Begrotingsresultaat|2026|ok', 'Begrotingsresultaat|2027|mismatch'],
    lines: 3,
  },
  {
    name: 'dashes, pm spellings and "0,3 mln" in a table in thousands',
    csv: ['Bedragen x € 1.000;;;', ';2026;2027;2028', 'Opvang;p.m.;PM;–', 'Bijdrage;0,3 mln;300;—', 'Totaal;300;300;-'].join('\n'),
    // 2028: a dash for the total of dashes is not a check (nothing printed to compare)
    checks: ['Totaal|2026|ok', 'Totaal|2027|ok'],
    lines: 2,
  },
  {
    name: 'en notation, a layout declaring a derived row',
    csv: [',2026,2027', 'Expenses,"-1,500","-1,500"', 'Income,"1,600","1,650"', 'Total,100,150', 'Reserve,-40,-40', 'After reserve,60,110'].join('\n'),
    options: { locale: 'en', layout: { rows: [{ label: 'Reserve', role: 'line' }, { label: 'After reserve', role: 'derived', plus: ['Total', 'Reserve'] }] } },
    checks: ['Total|2026|ok', 'Total|2027|ok', 'After reserve|2026|ok', 'After reserve|2027|ok'],
    lines: 3,
  },
  {
    name: 'a JA/NEE verdict row that agrees with the computed structural saldo (JA when at least 0)',
    csv: [
      'Bedragen x € 1.000;;;', ';2026;2027;2028', 'Lasten;-1.500;-1.500;-1.500', 'Baten;1.600;1.450;1.520', 'Begrotingssaldo;100;-50;20',
      'waarvan incidenteel;-20;-60;20', 'Structureel begrotingssaldo;120;10;0', 'Structureel sluitend;JA;ja;JA',
    ].join('\n'),
    checks: [
      ...years('Begrotingssaldo', 'ok', 'ok', 'ok'), ...years('Structureel begrotingssaldo', 'ok', 'ok', 'ok'), ...years('Structureel sluitend', 'ok', 'ok', 'ok'),
    ],
    lines: 2,
  },
  {
    name: 'verdict rows that do not agree: NEE over a structural surplus, JA over a deficit judged from the computed saldo, "+ is nadeel"',
    csv: [
      '+ is nadeel;;', ';2026;2027', 'Lasten;1.500;1.500', 'Baten;-1.600;-1.400', 'Saldo;-100;100', 'waarvan incidenteel;0;0',
      // 2027 prints a structural saldo that looks closing (0); computed from the rows it is 100 nadeel
      'Structureel saldo;-100;0', 'Sluitend;NEE;JA',
    ].join('\n'),
    checks: [...years('Saldo', 'ok', 'ok'), ...years('Structureel saldo', 'ok', 'mismatch'), ...years('Sluitend', 'mismatch', 'mismatch')],
    lines: 2,
  },
];
