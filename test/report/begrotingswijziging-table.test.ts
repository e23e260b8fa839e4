/**
 * The council's table of a begrotingswijziging and its printed document: rows per programme and line, three columns
 * a year, the structural and incidental parts, the reserve block, the afrondingsverschil rows, and the paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { budget } from '../../src/evaluate/builder.js';
import { withCover } from '../../src/validate/with-cover.js';
import { begrotingswijziging } from '../../src/analysis/begrotingswijziging.js';
import { begrotingswijzigingTable } from '../../src/report/begrotingswijziging-table.js';
import { renderBegrotingswijziging } from '../../src/report/begrotingswijziging-document.js';
import { renderText } from '../../src/report/render-text.js';
import { issuesOf } from '../helpers.js';
import { PROGRAMMES, run } from '../../examples/64-begrotingswijziging-moties.js';

describe('begrotingswijzigingTable', () => {
  const { combined } = run();
  it('has a heading, the lines and a total per programme, then the total with its structural and incidental parts; three columns a year', () => {
    const t = begrotingswijzigingTable(combined, { programmes: PROGRAMMES, years: [2026, 2027] });
    expect(t.columns.map((c) => `${c.group}:${c.label}`)).toEqual(['2026:Lasten', '2026:Baten', '2026:Saldo', '2027:Lasten', '2027:Baten', '2027:Saldo']);
    expect(t.rows.map((r) => [r.kind, r.label])).toEqual([
      ['heading', 'Programma 2 Samen leven en ondersteunen'],
      ['line', '4.1 Besparing subsidies Sociaal Domein (Wmo/welzijn) (vervallen)'],
      ['subtotal', 'Totaal Programma 2 Samen leven en ondersteunen'],
      ['heading', 'Gemeentebreed (overige programma\'s)'],
      ['line', 'G4.2 Maatregel 4.2 Ramingsystematiek (p-max-1)'],
      ['subtotal', 'Totaal Gemeentebreed (overige programma\'s)'],
      ['heading', 'Programma 4 Vrije tijd'],
      ['line', 'P4.1 Subsidies jeugdactiviteiten onderdeel C (naar programma 4 Vrije tijd) (nieuw)'],
      ['subtotal', 'Totaal Programma 4 Vrije tijd'],
      ['total', 'Totaal mutatie lasten en baten'],
      ['line', 'waarvan structureel'],
      ['line', 'waarvan incidenteel'],
    ]);
    // on the saldo scale: 234.000 more lasten print -234.000
    expect(t.rows[1]!.cells.slice(0, 3).map((c) => c.amount!.toFixed())).toEqual(['-234000', '0', '-234000']);
    expect(t.rows.find((r) => r.id === 'total')!.cells.slice(0, 3).map((c) => c.amount!.toFixed())).toEqual(['-52450', '0', '-52450']);
    const text = renderText(t);
    expect(text).toMatch(/Totaal mutatie lasten en baten\s+-52\s+0\s+-52\s+-52\s+0\s+-52/);
  });

  it('adds an afrondingsverschil row where the printed saldo is not the printed lasten plus baten', () => {
    const b = budget({ title: 'B', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('1', 'S')
      .line('a', 'A', [200], { nature: 'structural', row: 'amount', tags: { lastenbaten: 'baten' } })
      .component('kosten', [-600], { tags: { lastenbaten: 'lasten' } })
      .build();
    const w = begrotingswijziging(b, { id: 's', title: 'S', changes: [{ kind: 'drop-line', line: 'a' }] });
    // lasten -600, baten -200: saldo +400; in x € 1.000: lasten 1 (fewer lasten), baten 0, saldo 0
    const t = begrotingswijzigingTable(w);
    const diff = t.rows.find((r) => r.id === 'line::gone:a.afrondingsverschil-saldo')!;
    expect(diff.kind).toBe('rounding');
    expect(diff.cells.map((c) => c.amount?.toFixed())).toEqual([undefined, undefined, '-1000']);
    // in euros nothing needs rounding: no such row
    expect(begrotingswijzigingTable(w, { presentation: { unit: 'euro' } }).rows.some((r) => r.kind === 'rounding')).toBe(false);
  });

  it('prints the reserve block and the saldo after reserve mutations', () => {
    const b = budget({ title: 'B', unit: 'thousand', horizon: { from: 2026, to: 2026 } }).section('1', 'S').line('x', 'Wmo', [-700], { nature: 'structural' }).build();
    const covered = withCover(b, { sources: [{ id: 'ar', title: 'Algemene reserve', kind: 'reserve', nature: 'incidental', capacity: 'balance', reserve: { opening: 5000 } }], claims: [] });
    const w = begrotingswijziging(covered, { id: 'r', title: 'R', changes: [{ kind: 'add-claim', claim: { id: 'c', target: 'x', source: 'ar' } }] });
    const t = begrotingswijzigingTable(w);
    expect(t.rows.slice(-5).map((r) => [r.id, r.cells.map((c) => c.amount?.div(1000).toFixed())])).toEqual([
      ['reserves', [undefined, undefined, undefined]],
      ['reserves:additions', ['0', undefined, '0']],
      ['reserves:withdrawals', [undefined, '700', '700']],
      ['reserves:total', ['0', '700', '700']],
      ['after-reserves', ['0', '700', '700']],
    ]);
  });

  it('speaks English with labels: en, and refuses a year outside the wijziging and a bad option', () => {
    const t = begrotingswijzigingTable(combined, { labels: 'en' });
    expect(t.columns[0]!.label).toBe('Expenses');
    expect(t.rows.some((r) => r.label === 'of which structural')).toBe(true);
    expect(issuesOf(() => begrotingswijzigingTable(combined, { years: [2040] }))).toEqual([{ code: 'invalid_option', path: 'options.years[0]' }]);
    expect(issuesOf(() => begrotingswijzigingTable(combined, { programmes: { '2': 3 as never } }))).toEqual([{ code: 'invalid_option', path: 'options.programmes.2' }]);
    expect(issuesOf(() => begrotingswijzigingTable({} as never))).toEqual([{ code: 'invalid_argument', path: 'wijziging' }]);
  });
});

describe('renderBegrotingswijziging', () => {
  const { combined, combinedTechnical, m84Technical } = run();
  it('text: the table, then the dekking paragraph per motion with the lines, then the verdict', () => {
    const out = renderBegrotingswijziging(combinedTechnical, { programmes: PROGRAMMES });
    expect(out).toContain('Toelichting en dekking\nMotie 2506-84: geen verschraling van onze preventieve zorg (Wmo)\n- Besparing subsidies Sociaal Domein vervalt (4.1)\n- 234 extra uit Ramingsystematiek (G4.2)\nMotie 2506-85');
    expect(out).toContain('Technische begrotingswijziging, maar niet budgettair neutraal: het saldo verandert in 2026 (€ -52.450), 2027 (€ -52.450)');
    expect(renderBegrotingswijziging(m84Technical)).toContain('Technische begrotingswijziging: budgettair neutraal in elk jaar.');
    expect(renderBegrotingswijziging(combined)).not.toContain('Technische');
    const en = renderBegrotingswijziging(m84Technical, { labels: 'en' });
    expect(en).toContain('Explanation and cover');
    expect(en).toContain('Technical budget amendment: budget neutral in every year.');
    expect(en).toContain('Amounts x € 1.000'); // labels in English, numbers in the presentation's locale (nl)
  });

  it('Markdown and HTML escape the notes; CSV holds the table only, exact', () => {
    const b = budget({ title: 'B', unit: 'euro', horizon: { from: 2026, to: 2026 } }).section('1', 'S').line('a', 'A', [-10], { nature: 'structural' }).build();
    const w = begrotingswijziging(b, { id: 's', title: 'S', changes: [{ kind: 'set-amount', line: 'a', years: [2026], value: '-20', note: '<script>x</script> *vet*' }] });
    const html = renderBegrotingswijziging(w, { format: 'html' });
    expect(html).toContain('<li>&lt;script&gt;x&lt;/script&gt; *vet* (a)</li>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p class="mj-inferred">* Lasten en baten afgeleid uit het teken');
    expect(renderBegrotingswijziging(w, { format: 'markdown' })).toContain('- \\<script\\>x\\</script\\> \\*vet\\* (a)');
    const csv = renderBegrotingswijziging(w, { format: 'csv', presentation: { unit: 'euro' } });
    expect(csv).toContain('a A *;-10;0;-10\r\n');
    expect(csv).not.toContain('Toelichting');
    expect(issuesOf(() => renderBegrotingswijziging(w, { format: 'pdf' as never }))).toEqual([{ code: 'invalid_option', path: 'options.format' }]);
  });
});
