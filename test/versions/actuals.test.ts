import { describe, expect, it } from 'vitest';
import { budget } from '../../src/evaluate/builder.js';
import { MeerjarenError } from '../../src/core/errors.js';
import { Dec } from '../../src/core/decimal.js';
import { loadActuals } from '../../src/document/read-actuals.js';
import { compareActuals } from '../../src/analysis/actuals-comparison.js';
import { forecast } from '../../src/analysis/forecast.js';
import { versionSeries } from '../../src/analysis/version-series.js';
import { budgetCourse } from '../../src/analysis/budget-course.js';
import { courseTable } from '../../src/report/course-table.js';
import { accountsTable } from '../../src/report/accounts-table.js';
import { renderText } from '../../src/report/render-text.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderCsv } from '../../src/report/render.js';
import { roundTable } from '../../src/report/allocate.js';

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  return [];
}

const b = budget({ title: 'Begroting 2025 na wijziging', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
  .section('1', 'Lasten')
  .line('wmo', 'Wmo', [-1100, -1000, -1000], { nature: 'structural' })
  .line('jgh', 'JGH', [-800, 'pm', 'pm'], { nature: 'incidental' })
  .line('onv', 'Onvoorzien', ['pm', 0, 0], { nature: 'incidental' })
  .section('2', 'Baten')
  .line('coa', 'Vergoeding COA', [371, 0, 0], { nature: 'incidental' })
  .line('oad', 'Taakmutatie', [-30, -30, -30], { nature: 'structural', tags: { lastenbaten: 'baten' } })
  .build();
const doc = {
  format: 'meerjaren/actuals',
  version: 1,
  title: 'Jaarrekening 2025',
  unit: 'thousand',
  numberFormat: 'nl',
  years: [2025],
  lines: { wmo: { '2025': '-1.250' }, onv: { '2025': '-40' }, coa: { '2025': '400,5' }, oad: { '2025': null } },
};

describe('loadActuals', () => {
  it('reads amounts in the unit and number format, null as nihil, frozen', () => {
    const a = loadActuals(doc);
    expect(a.lines['wmo']!['2025']!.toFixed()).toBe('-1250000');
    expect(a.lines['coa']!['2025']!.toFixed()).toBe('400500');
    expect(a.lines['oad']!['2025']!.toFixed()).toBe('0');
    expect(a.years).toEqual([2025]);
    expect(Object.isFrozen(a.lines['wmo'])).toBe(true);
    expect(loadActuals(JSON.stringify(doc)).lines['wmo']!['2025']!.toFixed()).toBe('-1250000');
  });

  it('negates a nadeel-positive document, and reads ids such as toString', () => {
    const a = loadActuals({ ...doc, sign: 'nadeel-positive', lines: { toString: { '2025': '5' } } });
    expect(a.lines['toString']!['2025']!.toFixed()).toBe('-5000');
    expect(Object.getPrototypeOf(a.lines)).toBe(null);
  });

  it('refuses every problem at once: pm, a year not closed, a duplicate year, unknown fields, a bad amount, format and version', () => {
    expect(
      issuesOf(() =>
        loadActuals({ ...doc, format: 'x', version: 2, extra: 1, years: [2025, 2025, 'x'], lines: { wmo: { '2025': 'pm', '2026': '1' }, jgh: { '2025': '1,2,3' }, bad: 5 } }),
      ),
    ).toEqual([
      'unknown_field extra',
      'invalid_value format',
      'unsupported_version version',
      'duplicate_year years[1]',
      'invalid_year years[2]',
      'invalid_value lines.wmo.2025',
      'year_outside_horizon lines.wmo.2026',
      'invalid_amount lines.jgh.2025',
      'invalid_type lines.bad',
    ]);
    expect(issuesOf(() => loadActuals({ format: 'meerjaren/actuals', version: 1 }))).toEqual(['missing_field title', 'missing_field unit', 'missing_field years', 'missing_field lines']);
    expect(issuesOf(() => loadActuals({ ...doc, lines: JSON.parse('{"__proto__": {}}') }))).toEqual(['forbidden_key lines.__proto__']);
    expect(issuesOf(() => loadActuals(doc, { maxDepth: 0 }))).toEqual(['invalid_option options.maxDepth']);
  });
});

describe('compareActuals', () => {
  const c = compareActuals(b, loadActuals(doc));
  const line = (id: string) => c.sections.flatMap((s) => s.lines).find((l) => l.id === id)!.years['2025']!;

  it('gives the deviation realisatie - begroting exactly, with over- and underspending named by side', () => {
    expect(line('wmo').deviation!.toFixed()).toBe('-150000');
    expect(line('wmo').kind).toBe('overspending');
    expect(line('coa').deviation!.toFixed()).toBe('29500');
    expect(line('coa').kind).toBe('higher-income');
    expect(line('oad').deviation!.toFixed()).toBe('30000'); // realised nihil on a declared baten line
    expect(line('oad').kind).toBe('higher-income');
  });

  it('never counts a missing actual or a pm budget as 0', () => {
    expect(line('jgh')).toMatchObject({ actual: undefined, deviation: undefined, reason: 'missing-actual', missing: ['jgh'] });
    expect(line('onv')).toMatchObject({ deviation: undefined, reason: 'pm-budget', pm: ['onv'] });
    expect(line('onv').actual!.toFixed()).toBe('-40000');
    const s1 = c.sections[0]!.years['2025']!;
    expect(s1.actual!.toFixed()).toBe('-1290000'); // wmo + onv; jgh has none
    expect(s1.missing).toEqual(['jgh']);
    expect(s1.pm).toEqual(['onv']);
    expect(c.total.years['2025']!.deviation!.toFixed()).toBe('-90500'); // -150 + 29,5 + 30
  });

  it('underspending is a voordeel on a lasten line; a closed year outside the horizon has no budget', () => {
    const under = compareActuals(b, loadActuals({ ...doc, years: [2024, 2025], lines: { wmo: { '2025': '-1.000', '2024': '-900' } } }));
    const w = under.sections[0]!.lines[0]!;
    expect(w.years['2025']!.kind).toBe('underspending');
    expect(w.years['2024']).toMatchObject({ budget: undefined, reason: 'not-in-version' });
    expect(under.total.years['2024']!.budget).toBeUndefined();
  });

  it('takes a version, and refuses actuals of lines the budget does not have', () => {
    expect(compareActuals({ name: 'TB2 2025', kind: 'tb2', budget: b }, loadActuals(doc)).label).toBe('TB2 2025');
    expect(issuesOf(() => compareActuals(b, loadActuals({ ...doc, lines: { nope: { '2025': '1' } } })))).toEqual(['unknown_reference actuals.lines.nope']);
    expect(issuesOf(() => compareActuals(b, { title: 'x', unit: 'euro', years: [2025], lines: { wmo: { '2025': 5 } } } as never))).toEqual(['invalid_argument actuals.lines.wmo.2025']);
    expect(issuesOf(() => compareActuals(b, null as never))).toEqual(['invalid_argument actuals']);
    expect(compareActuals(b, { title: 'x', unit: 'euro', years: [2025], lines: { wmo: { '2025': new Dec(-5) } } }).sections[0]!.lines[0]!.years['2025']!.deviation!.toFixed()).toBe('1099995');
  });
});

describe('forecast', () => {
  const f = forecast(b, loadActuals(doc), { from: 2024, to: 2028 });
  it('takes the actuals for closed years and the budget for open ones; says what it lacks', () => {
    expect(f.years).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(f.closed).toEqual([2025]);
    const wmo = f.sections[0]!.lines[0]!.years;
    expect(wmo['2025']).toMatchObject({ source: 'actual' });
    expect(wmo['2025']!.amount!.toFixed()).toBe('-1250000');
    expect(wmo['2026']!.source).toBe('budget');
    expect(wmo['2026']!.amount!.toFixed()).toBe('-1000000');
    expect(wmo['2024']).toMatchObject({ source: 'not-in-version', amount: undefined });
    expect(f.sections[0]!.lines[1]!.years['2025']).toMatchObject({ source: 'actual', amount: undefined, missing: ['jgh'] });
    expect(f.sections[0]!.years['2026']!.pm).toEqual(['jgh']);
    expect(f.total.years['2025']!.missing).toEqual(['jgh']);
  });

  it('refuses a range that is not one', () => {
    expect(issuesOf(() => forecast(b, loadActuals(doc), { from: 2030, to: 2025 }))).toEqual(['invalid_option options']);
    expect(issuesOf(() => forecast(b, loadActuals(doc), { from: 1.5 }))).toEqual(['invalid_option options.from']);
  });
});

describe('courseTable and accountsTable', () => {
  const s = versionSeries([
    { name: 'Begroting 2025', kind: 'begroting', budget: b },
    { name: 'TB1 2025', kind: 'tb1', mutations: { id: 'tb1', title: 'TB1 2025', unit: 'thousand', numberFormat: 'nl', changes: [{ kind: 'set-amount', line: 'wmo', years: [2025], value: { add: '-0,4' } }] } },
    { name: 'TB2 2025', kind: 'tb2', mutations: { id: 'tb2', title: 'TB2 2025', unit: 'thousand', numberFormat: 'nl', changes: [{ kind: 'set-amount', line: 'coa', years: [2025], value: { add: '0,4' } }] } },
  ]);
  const course = budgetCourse(s, loadActuals(doc));

  it('the course table: primitief, each wijziging, na wijziging, realisatie, afwijking; the mutations listed', () => {
    const t = courseTable(course);
    expect(t.columns.map((c) => c.label)).toEqual(['Begroting 2025', 'Wijziging TB1 2025', 'Wijziging TB2 2025', 'Begroting na wijziging', 'Realisatie', 'Afwijking']);
    const wmo = t.rows.find((r) => r.id === 'line:1:wmo')!;
    expect(wmo.cells.map((c) => c.amount?.toFixed())).toEqual(['-1100000', '-400', undefined, '-1100400', '-1250000', '-149600']);
    expect(t.rows.map((r) => r.label)).toContain('geen realisatie 2025: jgh');
    expect(t.rows.map((r) => r.label)).toContain('begroting pm, geen afwijking 2025: onv');
    expect(t.rows.map((r) => r.label)).toContain('  '.trim() + '1. bedrag gewijzigd wmo jaren [2025] waarde {"add":"-0,4"}');
    const text = renderText(t, { unit: 'thousand' });
    expect(text).toMatch(/Mutaties TB2 2025: TB2 2025/);
    for (const render of [renderMarkdown, renderHtml, renderCsv]) expect(render(t, { unit: 'thousand' })).toContain('Realisatie');
  });

  it('rows add up after rounding, or an afrondingsverschil row follows', () => {
    const small = budget({ title: 'B', unit: 'euro', horizon: { from: 2025, to: 2025 } })
      .section('1', 'S')
      .line('a', 'A', [-400], { nature: 'structural' })
      .line('b', 'B', [-400], { nature: 'structural' })
      .build();
    const jr = loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'JR', unit: 'euro', years: [2025], lines: { a: { '2025': '-400' }, b: { '2025': '-400' } } });
    const t = accountsTable(compareActuals(small, jr));
    const plain = renderText(t, { unit: 'thousand', rounding: 'plain' });
    expect(plain).toMatch(/Afrondingsverschil\s+-1\s+-1\n/);
    const consistent = roundTable(t, { unit: 'thousand' });
    const printed = (id: string, c: number) => consistent.rows.find((r) => r.id === id)!.cells[c]!.amount?.toFixed() ?? '0';
    expect(printed('total', 0)).toBe('-1000');
    expect(Number(printed('line:1:a', 0)) + Number(printed('line:1:b', 0))).toBe(-1000);
    expect(renderText(courseTable(course), { unit: 'thousand' })).toMatch(/Totaal 1\s+-1\.900 \+ pm\s+0\s+-1\.900 \+ pm\s+-1\.290\s+-150\n/);
  });

  it('with the presentation it is printed with, printed columns add up too: an afrondingsverschil row where they do not', () => {
    const pb = budget({ title: 'P', unit: 'euro', horizon: { from: 2025, to: 2025 } }).section('1', 'S').line('a', 'A', [-1100400], { nature: 'structural' }).line('c', 'C', [-2000000], { nature: 'structural' }).build();
    const series = versionSeries([
      { name: 'Begroting 2025', kind: 'begroting', budget: pb },
      { name: 'TB1 2025', kind: 'tb1', mutations: { id: 'tb1', title: 'TB1', unit: 'euro', changes: [{ kind: 'set-amount', line: 'a', years: [2025], value: { add: '-400' } }] } },
    ]);
    const jr = loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'JR', unit: 'euro', years: [2025], lines: { a: { '2025': '-1250400' }, c: { '2025': '-2000000' } } });
    const presentation = { unit: 'thousand' as const };
    const t = courseTable(budgetCourse(series, jr), { presentation });
    const rounding = t.rows.filter((r) => r.kind === 'rounding');
    // a: -1.100 + 0 printed, -1.101 after (-1.100.800): -1 in the column of the begroting na wijziging; and the
    // afwijking -150 (-149.600) is not -1.250 - -1.101 = -149 as printed: -1 in its column; 'c' adds up
    expect(rounding.map((r) => r.id)).toEqual(['line:1:a.afrondingsverschil', 'subtotal:1.afrondingsverschil', 'total.afrondingsverschil']);
    expect(rounding[0]!.cells.map((c) => c.amount?.toFixed())).toEqual([undefined, undefined, '-1000', undefined, '-1000']);
    expect(renderText(t, presentation)).toMatch(/a A\s+-1\.100\s+0\s+-1\.101\s+-1\.250\s+-150\n\s+Afrondingsverschil\s+-1\s+-1\n/);
    expect(courseTable(budgetCourse(series, jr)).rows.some((r) => r.kind === 'rounding')).toBe(false);
    // the jaarrekening table: realisatie -1.250 (-1.250.400) minus begroting -1.101 (-1.100.800) is printed -150, not -149
    const at = accountsTable(compareActuals(series.versions[1]!, jr), { presentation });
    expect(at.rows.find((r) => r.id === 'line:1:a.afrondingsverschil')!.cells.map((c) => c.amount?.toFixed())).toEqual([undefined, undefined, '-1000']);
    expect(issuesOf(() => courseTable(budgetCourse(series, jr), { presentation: 'x' as never }))).toEqual(['invalid_option options.presentation']);
  });

  it('the jaarrekening table: begroting na wijziging, realisatie, verschil; overschrijdingen named', () => {
    const t = accountsTable(compareActuals(s.versions[2]!, loadActuals(doc)));
    expect(t.columns.map((c) => `${c.group} ${c.label}`)).toEqual(['2025 Begroting na wijziging', '2025 Realisatie', '2025 Verschil']);
    expect(t.rows.map((r) => r.label)).toContain('overschrijding lasten 2025: wmo (€ -149.600)');
    const text = renderText(t, { unit: 'thousand' });
    expect(text).toContain('Jaarrekening 2025');
    expect(renderCsv(t, { unit: 'euro' })).toContain('-1100400;-1250000;-149600');
  });

  it('refuses what is not a course or a comparison', () => {
    expect(issuesOf(() => courseTable({} as never))).toEqual(['invalid_argument course']);
    expect(issuesOf(() => accountsTable(null as never))).toEqual(['invalid_argument comparison']);
    expect(issuesOf(() => courseTable(course, { years: ['x'] as never }))).toEqual(['invalid_option options.years[0]']);
  });
});
