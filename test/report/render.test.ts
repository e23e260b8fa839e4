import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/render.js';
import type { Table, TableRow } from '../../src/report/table.js';
import { cell, row, seed000Table } from './fixtures/seed000.js';

/** The first table of seed 000 as the text renderer prints it. */
const SEED_000_TEXT = `Programma 2 Samen leven en ondersteunen: TB1 2025 en MJB 2026 - 2029
Bedragen x € 1.000

                                                                                 TB1        MJB 2026 - 2029      Doorkijk MJB
                                                                                  2025   2026  2027  2028  2029   2030   2031
1 Financiële ontwikkelingen bestaand beleid (leereffecten jaarrekening en TB1)
1.1 Noodopvang Oekraïne-vergoeding rijk                                          6.500  1.083    pm    pm    pm     pm     pm
  - kosten noodopvang                                                           -3.600   -600
1.2 Hotel- en accommodatieregeling (HAR)                                          -771
  - vergoeding COA                                                                 371
1.3 Noodopvang asielzoekers                                                        -30    -50   -50   -50   -50    -10
  - dekking via OAD
1.4 Behoud uitvoeringscapaciteit Wmo                                            -1.100     pm    pm    pm    pm     pm     pm
1.5 Werkbudget Wmo                                                               1.100
1.6 Uitvoeringscapaciteit JGH                                                     -800     pm    pm    pm    pm     pm     pm
1.7 Jeugdgezondheidszorg
  - Indexatie                                                                     -152   -152  -152  -152  -152   -152   -152
  - Basistakenpakket                                                                     -192  -192
1.8 Organisatieontwikkeling Sociaal Domein                                                 pm    pm    pm    pm     pm     pm

2 Onvermijdelijke ontwikkelingen
2.1 Kinderopvang op sociaal medische indicatie                                     -27    -27   -27   -27   -50    -50    -50
  - dekking via OAD

3 Beleidswijzigingen/Nieuw beleid
3.1 Realisatie gemeentelijke opvang                                             -2.100     pm
3.2 Crisisorganisatie Sociaal Domein
  - Regie te voeren, te starten bij GI's                                                  -77
  - Opstarten Zorg in Natura team                                                        -446
  - Regie op Thuiszitters                                                                -130

4 Bezuinigings- en dekkingsvoorstellen
4.1 Besparing subsidies Sociaal Domein (Wmo/welzijn)                                      234   234   234   234    234    234
4.2 Besparing subsidies Jeugd                                                             250   250   250   250    250    250
4.3 Effectiever inrichten individuele voorzieningen (Wmo/HH)                              250   250   250   250    250    250
4.4 Vrijwilligerswaardering                                                                20    20    20    20     20     20
4.5 Verbonden partijen, Gemeenschappelijke regelingen:
  - GGD/VT                                                                                189   189   189   189    189    189
  - Servicebureau Jeugdhulp Haaglanden                                                     11    11    11    11     11     11
-----------------------------------------------------------------------------------------------------------------------------
TOTAAL SALDO PROGRAMMA                                                            -609    363   533   725   702    742    752
`;

/** Seed 001 "Financieel samengevat" 2024, with exact figures that print a rounding difference. */
const seed001: Table = {
  title: 'Financieel samengevat',
  labelHeader: 'Programma 2',
  columns: [{ key: '2024', label: 'Jaarrekening 2024' }],
  rows: [
    row('lasten', 'Lasten', 'line', 0, [-156_729.4]),
    row('baten', 'Baten', 'line', 0, [19_970]),
    row('gerealiseerd', 'Gerealiseerd saldo van baten en lasten', 'subtotal', 0, [-136_759.4], ['lasten', 'baten']),
    row('mutaties', 'Mutaties reserves', 'line', 0, [885.6]),
    row('saldo', 'Saldo', 'total', 0, [-135_873.8], ['gerealiseerd', 'mutaties']),
  ],
};

describe('renderText', () => {
  it('prints the first table of seed 000 as the document does', () => {
    expect(renderText(seed000Table)).toBe(SEED_000_TEXT);
  });

  it('prints the seed figures: grouped thousands, minus signs, pm, blanks', () => {
    const lines = renderText(seed000Table).split('\n');
    expect(lines.find((l) => l.startsWith('1.1 '))).toMatch(/ 6\.500 +1\.083 +pm +pm +pm +pm +pm$/);
    expect(lines.find((l) => l.startsWith('3.1 '))).toMatch(/ -2\.100 +pm$/);
    expect(lines.find((l) => l.startsWith('TOTAAL'))).toMatch(/ -609 +363 +533 +725 +702 +742 +752$/);
    expect(lines.find((l) => l.startsWith('1.5 '))).toMatch(/ 1\.100$/);
    expect(lines.some((l) => l !== l.trimEnd())).toBe(false);
  });

  it('shows that a total holds a pm', () => {
    const table: Table = {
      ...seed000Table,
      rows: seed000Table.rows.map((r) => (r.kind === 'total' ? { ...r, cells: r.cells.map((c, i) => (i === 0 ? c : { ...c, pm: true })) } : r)),
    };
    expect(renderText(table).split('\n').at(-2)).toMatch(/ -609 +363 \+ pm +533 \+ pm/);
  });

  it('prints other conventions on request', () => {
    const text = renderText(seed000Table, { unit: 'euro', notation: 'trailing-minus', nil: '-', sign: 'nadeel-positive' });
    expect(text).toContain('Bedragen x € 1; + is nadeel');
    const total = text.split('\n').at(-2) ?? '';
    expect(total).toMatch(/ 609\.000 +363\.000- +533\.000-/);
    expect(text.split('\n').find((l) => l.startsWith('1.5 '))).toMatch(/ 1\.100\.000- +- +- +- +- +- +-$/);
  });

  it('adds an Afrondingsverschil row in plain rounding, none in consistent rounding', () => {
    const plain = renderText(seed001, { rounding: 'plain' });
    expect(plain).toContain('Programma 2                             Jaarrekening 2024');
    expect(plain.split('\n').slice(-3)).toEqual([
      'Saldo                                            -135.874',
      'Afrondingsverschil                                     -1',
      '',
    ]);
    const consistent = renderText(seed001);
    expect(consistent).not.toContain('Afrondingsverschil');
    expect(consistent).toContain('Gerealiseerd saldo van baten en lasten           -136.760');
    expect(renderText(seed001, { rounding: 'plain', labels: 'en', locale: 'en' })).toContain('Rounding difference');
  });

  it('prints headings without figures, notes as text, and no group line without groups', () => {
    const table: Table = {
      title: '',
      columns: [{ key: 'a', label: '2026' }],
      rows: [
        { ...row('h', 'Kop', 'heading', 0, [5]) },
        row('l', 'Regel', 'line', 1, [1.5]),
        { ...row('n', 'Een lange toelichting die breder is dan de tabel zelf', 'note', 0, [null]) },
      ],
    };
    expect(renderText(table)).toBe(['Bedragen x € 1.000', '', '         2026', 'Kop', '  Regel     2', 'Een lange toelichting die breder is dan de tabel zelf', ''].join('\n'));
  });
});

describe('renderMarkdown', () => {
  it('prints a GitHub table with right-aligned figures, bold headings and totals', () => {
    const md = renderMarkdown(seed000Table);
    const lines = md.split('\n');
    expect(lines[0]).toBe('**Programma 2 Samen leven en ondersteunen: TB1 2025 en MJB 2026 - 2029**');
    expect(md).toContain('Bedragen x € 1.000');
    expect(md).toContain('Kolomgroepen: TB1: 2025; MJB 2026 - 2029: 2026 t/m 2029; Doorkijk MJB: 2030 t/m 2031');
    expect(md).toContain('|  | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 |\n| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(md).toContain('| 1.1 Noodopvang Oekraïne-vergoeding rijk | 6.500 | 1.083 | pm | pm | pm | pm | pm |');
    expect(md).toContain('| \u00a0\u00a0- kosten noodopvang | -3.600 | -600 |  |  |  |  |  |');
    expect(md).toContain('| **TOTAAL SALDO PROGRAMMA** | **-609** | **363** |');
    expect(md).toContain('| **2 Onvermijdelijke ontwikkelingen** |  |  |');
    expect(renderMarkdown(seed001, { rounding: 'plain' })).toContain('| _Afrondingsverschil_ | _-1_ |');
  });

  it('escapes labels so they cannot break the table or inject HTML', () => {
    const table: Table = { title: 'a|b', columns: [{ key: 'x', label: 'x' }], rows: [row('l', '<img src=x onerror=alert(1)> *x* | [l](u)\nnext', 'line', 0, [1])] };
    const md = renderMarkdown(table);
    expect(md).toContain('**a\\|b**');
    expect(md).toContain('| \\<img src=x onerror=alert(1)\\> \\*x\\* \\| \\[l\\](u) next | 1 |');
  });
});

describe('renderHtml', () => {
  it('prints a table fragment with classes per row kind and figure', () => {
    const html = renderHtml(seed000Table);
    expect(html.startsWith('<table class="meerjaren">\n')).toBe(true);
    expect(html).toContain('<caption><span class="mj-title">Programma 2 Samen leven en ondersteunen: TB1 2025 en MJB 2026 - 2029</span> <span class="mj-unit">Bedragen x € 1.000</span></caption>');
    expect(html).toContain('<tr class="mj-groups"><td></td><th scope="colgroup">TB1</th><th scope="colgroup" colspan="4">MJB 2026 - 2029</th><th scope="colgroup" colspan="2">Doorkijk MJB</th></tr>');
    expect(html).toContain('<tr class="mj-heading mj-depth-0"><th scope="row" colspan="8">2 Onvermijdelijke ontwikkelingen</th></tr>');
    expect(html).toContain('<tr class="mj-line mj-depth-0"><th scope="row">3.1 Realisatie gemeentelijke opvang</th><td class="mj-amount">-2.100</td><td class="mj-pm">pm</td><td class="mj-nil"></td>');
    expect(html).toContain('<tr class="mj-total mj-depth-0"><th scope="row">TOTAAL SALDO PROGRAMMA</th><td class="mj-amount">-609</td>');
    expect(renderHtml(seed001, { rounding: 'plain' })).toContain('<tr class="mj-rounding mj-depth-0"><th scope="row">Afrondingsverschil</th><td class="mj-amount">-1</td></tr>');
  });

  it('escapes all text and holds no script, handler or inline style', () => {
    const evil = '<script>alert("x")</script>';
    const table: Table = {
      title: evil,
      labelHeader: '" onmouseover="x',
      columns: [{ key: 'x', label: "<b>'", group: '&amp;' }],
      rows: [row('l', evil, 'line', 0, [1])],
    };
    const html = renderHtml(table, { pm: '<i>', nil: '&' });
    // every tag is one of the table's own, with only class, scope and colspan attributes
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      expect(tag).toMatch(/^<\/?(?:table|caption|span|thead|tbody|tr|th|td)(?: (?:class|scope|colspan)="[^"<>&]*")*>$/);
    }
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).toContain('<th scope="colgroup">&#38;amp;</th>');
  });
});

describe('renderCsv', () => {
  it('is tableToCsv', () => {
    const csv = renderCsv(seed000Table);
    expect(csv.startsWith('\ufeff;TB1;MJB 2026 - 2029;;;;Doorkijk MJB;\r\nBedragen x € 1.000;2025;2026;2027;2028;2029;2030;2031\r\n')).toBe(true);
    expect(csv).toContain('\r\n- kosten noodopvang;-3600;-600;;;;;\r\n');
    expect(csv.endsWith('TOTAAL SALDO PROGRAMMA;-609;363;533;725;702;742;752\r\n')).toBe(true);
  });
});

describe('all renderers print rounded figures that add up', () => {
  const table: Table = {
    title: 'afronding',
    columns: [{ key: '2026', label: '2026' }],
    rows: [
      { id: 'a', label: 'a', kind: 'line', depth: 0, cells: [{ amount: new Dec(1400), pm: false }] },
      { id: 'b', label: 'b', kind: 'line', depth: 0, cells: [{ amount: new Dec(1400), pm: false }] },
      { id: 'c', label: 'c', kind: 'line', depth: 0, cells: [{ amount: new Dec(1400), pm: false }] },
      { id: 't', label: 't', kind: 'total', depth: 0, cells: [cell(4.2)], of: ['a', 'b', 'c'] } satisfies TableRow,
    ],
  };
  it('gives the extra thousand to one part', () => {
    expect(renderText(table)).toMatch(/a +2\nb +1\nc +1\n-+\nt +4\n$/);
    expect(renderMarkdown(table)).toContain('| a | 2 |\n| b | 1 |\n| c | 1 |\n| **t** | **4** |');
    expect(renderHtml(table)).toContain('<th scope="row">a</th><td class="mj-amount">2</td>');
    // CSV rounds when asked to; by default it writes full precision (the same table exactly)
    expect(renderCsv(table, {}, { round: true })).toContain('a;2\r\nb;1\r\nc;1\r\nt;4\r\n');
    expect(renderCsv(table)).toContain('a;1,4\r\nb;1,4\r\nc;1,4\r\nt;4,2\r\n');
  });
});
