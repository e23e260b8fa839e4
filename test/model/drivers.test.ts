import { describe, expect, it } from 'vitest';
import { Dec, type Decimal, applyScenario, budget, budgetTable, driverSeries, indicatorTable, loadBudget, loadScenario, renderText, toDocument, type BudgetDocument, type DriversDocument } from '../../src/index.js';
import { parseExpression } from '../../src/model/driver-expression.js';
import { daysInYear, parameterYearFraction } from '../../src/model/driver-values.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, type Parameter } from '../../src/model/drivers.js';
import { issuePairsOf, issuesOf, issuesOrNone } from '../helpers.js';

/** The Ukraine reimbursement as places x normvergoeding (per day): EUR 61 until 2024, EUR 44 from 1 January 2025. */
function ukraine(drivers: Partial<DriversDocument> = {}, values?: Record<string, string>): BudgetDocument {
  return {
    format: 'meerjaren/budget', version: 1, title: 'Oekraïne', unit: 'thousand', numberFormat: 'nl',
    horizon: { from: 2024, to: 2026, budgetYear: 2025 },
    sections: [{ id: '1', title: 'Bestaand beleid', lines: [
      { id: '1.1', title: 'Noodopvang Oekraïne-vergoeding rijk', nature: 'incidental', ...(values === undefined ? {} : { values }) },
      { id: '1.2', title: 'HAR', nature: 'incidental', values: { '2025': '-771' }, components: [{ title: 'vergoeding COA', values: { '2025': '371' } }], row: 'amount' },
    ] }],
    drivers: {
      indicators: [{ id: 'plaatsen', title: 'Bezette plaatsen', unit: 'plaatsen', values: { '2024': 405, '2025': 405, '2026': 391 } }],
      parameters: [{ id: 'normvergoeding', title: 'Normvergoeding', unit: 'EUR per plaats per dag', rule: 'per-day', periods: [
        { from: '2022-03-01', value: 61 }, { from: '2025-01-01', value: 44 }, { from: '2026-03-05', value: 0 }] }],
      formulas: [{ row: '1.1', expression: 'plaatsen * normvergoeding' }],
      ...drivers,
    },
  };
}

const param = (rule: Parameter['rule'], periods: [string, string][]): Parameter => ({
  id: 'p', title: 'p', unit: 'EUR', rule, periods: periods.map(([from, value]) => ({ from, value: new Dec(value) })),
});
const frac = (p: Parameter, year: number): string => {
  const f = parameterYearFraction(p, year);
  return f === undefined ? 'none' : `${f.numerator}/${f.denominator}`;
};

describe('expressions', () => {
  it('parse numbers, names, + - * /, unary minus and parentheses, with the usual precedence', () => {
    const b = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2026 } })
      .section('2', 'Samen leven en ondersteunen')
      .line('x', 'x', [0], { nature: 'structural' })
      .drivers({ indicators: [{ id: 'a', title: 'a', unit: 'u', values: { 2026: 6 } }, { id: 'b', title: 'b', unit: 'u', values: { 2026: 4 } }] })
      .build();
    const v = (e: string): string => driverSeries(b, e).values['2026']!.value.toFixed();
    expect(v('a + b * 2')).toBe('14');
    expect(v('(a + b) * 2')).toBe('20');
    expect(v('a - b - 1')).toBe('1');
    expect(v('-a * -b')).toBe('24');
    expect(v('a / b / 3')).toBe('0.5');
    expect(v('1.0235 * a')).toBe('6.14'); // 6,141 rounded half-up to cents for display
    expect(driverSeries(b, '1.0235 * a', { places: 4 }).values['2026']!.value.toFixed()).toBe('6.141');
  });

  it('keep a quotient exact as a fraction: 97.406.000 / 4.525', () => {
    const b = budget({ title: 't', unit: 'thousand', horizon: { from: 2026, to: 2026 } })
      .section('2', 'Samen leven en ondersteunen')
      .line('2.1', 'Jeugdhulp', [-97406], { nature: 'structural' })
      .drivers({ indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525 } }] })
      .build();
    const perYouth = driverSeries(b, '-[2.1] / jeugdigen').values['2026']!;
    expect(perYouth.exact).toEqual({ numerator: 3896240n, denominator: 181n });
    expect(perYouth.value.toFixed()).toBe('21526.19');
    expect(perYouth.rounded).toBe(true);
    // and back: the exact cost per youth times the youths is the money, to the cent
    expect(driverSeries(b, '-[2.1] / jeugdigen * jeugdigen').values['2026']!).toMatchObject({ rounded: false });
    expect(driverSeries(b, '-[2.1] / jeugdigen * jeugdigen').values['2026']!.value.toFixed()).toBe('97406000');
  });

  it('refuse bad text with a column, and guard length and depth', () => {
    expect(parseExpression('a * / b', false)).toEqual({ ok: false, message: 'unexpected "/" at column 5' });
    expect(parseExpression('(a', false)).toMatchObject({ ok: false, message: expect.stringContaining('expected ")"') });
    expect(parseExpression('1e5', false)).toMatchObject({ ok: false });
    expect(parseExpression('007', false)).toMatchObject({ ok: false });
    expect(parseExpression('a b', false)).toMatchObject({ ok: false });
    expect(parseExpression('', false)).toMatchObject({ ok: false });
    expect(parseExpression('[2.1] * 2', false)).toMatchObject({ ok: false, message: expect.stringContaining('not to the money of a row') });
    expect(parseExpression('[2.1] * 2', true)).toMatchObject({ ok: true });
    expect(parseExpression('x'.repeat(MAX_EXPRESSION_LENGTH + 1), false)).toMatchObject({ ok: false, message: expect.stringContaining(`${MAX_EXPRESSION_LENGTH}`) });
    const deep = (n: number): string => '('.repeat(n) + 'a' + ')'.repeat(n);
    expect(parseExpression(deep(MAX_EXPRESSION_DEPTH), false)).toMatchObject({ ok: true });
    expect(parseExpression(deep(MAX_EXPRESSION_DEPTH + 1), false)).toMatchObject({ ok: false, message: expect.stringContaining('nests') });
    expect(parseExpression('-'.repeat(MAX_EXPRESSION_DEPTH + 1) + 'a', false)).toMatchObject({ ok: false });
    // a long flat sum is not deep
    expect(parseExpression(Array.from({ length: 300 }, () => 'a').join('+'), false)).toMatchObject({ ok: true });
  });
});

describe('dated parameters', () => {
  it('per-day: the sum over the days of the year, across a change at a year boundary', () => {
    const p = param('per-day', [['2022-03-01', '61'], ['2025-01-01', '44']]);
    expect(frac(p, 2024)).toBe('22326/1'); // 61 x 366 (2024 is a leap year)
    expect(frac(p, 2025)).toBe('16060/1'); // 44 x 365
    expect(frac(p, 2022)).toBe(`${61 * 306}/1`); // from 1 March: 306 days; the days before the first period add nothing
    expect(frac(p, 2021)).toBe('none'); // the year ends before the first period
  });

  it('per-day: a period starting mid-year splits the year by days', () => {
    const p = param('per-day', [['2020-01-01', '61'], ['2025-07-01', '44']]);
    expect(frac(p, 2025)).toBe(`${61 * 181 + 44 * 184}/1`); // 1 Jan - 30 Jun: 181 days, 1 Jul - 31 Dec: 184
    const leap = param('per-day', [['2020-01-01', '61'], ['2028-03-01', '44']]);
    expect(frac(leap, 2028)).toBe(`${61 * 60 + 44 * 306}/1`); // 29 February counts
    const end = param('per-day', [['2022-03-01', '44'], ['2026-03-05', '0']]);
    expect(frac(end, 2026)).toBe(`${44 * 63}/1`); // up to and including 4 March 2026
  });

  it('year-average: the average over the days, an exact fraction', () => {
    const p = param('year-average', [['2020-01-01', '2'], ['2025-07-01', '3']]);
    const f = parameterYearFraction(p, 2025)!;
    expect(Number(f.numerator) / Number(f.denominator)).toBeCloseTo((2 * 181 + 3 * 184) / 365, 12);
    expect(frac(p, 2026)).toBe('3/1');
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
  });
});

describe('a budget document with drivers', () => {
  it('computes a driven row: places x days x tariff, with the tariff change', () => {
    const b = loadBudget(ukraine());
    const values = b.sections[0]!.lines[0]!.values;
    expect(Object.fromEntries(Object.entries(values).map(([y, v]) => [y, (v as Decimal).toFixed()]))).toEqual({
      '2024': '9042030', // 405 x 61 x 366
      '2025': '6504300', // 405 x 44 x 365
      '2026': '1083852', // 391 x 44 x 63
    });
  });

  it('checks values the document writes against the formula, within half the unit', () => {
    expect(loadBudget(ukraine({}, { '2025': '6.504', '2026': '1.084' })).sections[0]!.lines[0]!.values['2025']!.toString()).toBe('6504300');
    expect(issuePairsOf(() => loadBudget(ukraine({}, { '2025': '6.500' })))).toEqual([['formula_mismatch', 'sections[0].lines[0].values.2025']]);
    expect(issuePairsOf(() => loadBudget(ukraine({}, { '2025': 'pm' })))).toEqual([['formula_mismatch', 'sections[0].lines[0].values.2025']]);
  });

  it('writes the drivers back, and loads again unchanged', () => {
    const b = loadBudget(ukraine());
    const doc = toDocument(b);
    expect(doc.drivers?.formulas).toEqual([{ row: '1.1', expression: 'plaatsen * normvergoeding' }]);
    expect(doc.drivers?.parameters?.[0]?.periods[1]).toEqual({ from: '2025-01-01', value: '44' });
    expect(toDocument(loadBudget(JSON.parse(JSON.stringify(doc))))).toEqual(doc);
  });

  it('refuses bad drivers with codes and paths', () => {
    const bad = (drivers: Partial<DriversDocument>): [string, string][] => issuesOrNone(() => loadBudget(ukraine(drivers))).map((i) => [i.code, i.path]);
    expect(bad({ formulas: [{ row: '1.1', expression: 'plaatsen * ' }] })).toEqual([['invalid_expression', 'drivers.formulas[0].expression']]);
    expect(bad({ formulas: [{ row: '1.1', expression: 'plekken * normvergoeding' }] })).toEqual([['unknown_reference', 'drivers.formulas[0].expression']]);
    expect(bad({ formulas: [{ row: '9.9', expression: 'plaatsen' }] })).toEqual([['line_without_values', 'sections[0].lines[0]'], ['unknown_reference', 'drivers.formulas[0].row']]);
    expect(bad({ formulas: [{ row: '1.1', expression: 'plaatsen / (plaatsen - 405)' }] })).toEqual([
      ['division_by_zero', 'drivers.formulas[0].expression'],
      ['division_by_zero', 'drivers.formulas[0].expression'],
    ]);
    expect(bad({ formulas: [{ row: '1.1', expression: 'plaatsen' }, { row: '1.1', expression: 'plaatsen' }] })).toEqual([['duplicate_id', 'drivers.formulas[1].row']]);
    expect(bad({ formulas: [{ row: '1.1', expression: '999999999999999999 * plaatsen' }] })).toContainEqual(['amount_out_of_range', 'drivers.formulas[0].expression']);
    const plaatsen = ukraine().drivers!.indicators![0]!;
    const extra = (indicator: unknown): [string, string][] => bad({ indicators: [plaatsen, indicator as never] });
    expect(extra({ id: 'plaats-en', title: 'x', unit: 'u', values: {} })).toEqual([['invalid_id', 'drivers.indicators[1].id']]);
    expect(extra({ id: 'constructor', title: 'x', unit: 'u', values: {} })).toEqual([['forbidden_key', 'drivers.indicators[1].id']]);
    expect(extra({ id: '__proto__', title: 'x', unit: 'u', values: {} })).toEqual([['forbidden_key', 'drivers.indicators[1].id']]);
    expect(extra({ id: 'toString', title: 'x', unit: 'u', values: {} })).toEqual([]);
    expect(extra({ id: 'normvergoeding', title: 'x', unit: 'u', values: {} })).toEqual([['duplicate_id', 'drivers.parameters[0].id']]);
    expect(extra({ id: 'a', title: 'x', unit: 'u', values: { '26': 1, '2026': 'x' } })).toEqual([
      ['invalid_year', 'drivers.indicators[1].values.26'],
      ['invalid_amount', 'drivers.indicators[1].values.2026'],
    ]);
    expect(extra({ id: 'a', title: '', unit: 'u' })).toEqual([['invalid_value', 'drivers.indicators[1].title'], ['missing_field', 'drivers.indicators[1].values']]);
    const periods = (p: unknown[]): [string, string][] => bad({ parameters: [{ id: 'normvergoeding', title: 'n', unit: 'u', rule: 'per-day', periods: p as never }] });
    expect(periods([{ from: '2025-02-30', value: 1 }])).toEqual([['invalid_value', 'drivers.parameters[0].periods[0].from']]);
    expect(periods([{ from: '2025-01-01', value: 1 }, { from: '2025-01-01', value: 2 }])).toEqual([['invalid_value', 'drivers.parameters[0].periods[1].from']]);
    expect(periods([])).toEqual([['missing_field', 'drivers.parameters[0].periods']]);
    expect(bad({ parameters: [{ id: 'normvergoeding', title: 'n', unit: 'u', rule: 'daily' as never, periods: [{ from: '2025-01-01', value: 1 }] }] })).toEqual([['invalid_value', 'drivers.parameters[0].rule']]);
    expect(bad({ extra: 1 } as never)).toEqual([['unknown_field', 'drivers.extra']]);
  });

  it('refuses a formula on a subtotal line, and a driven line without a nature', () => {
    const doc = ukraine({ formulas: [{ row: '1.1', expression: 'plaatsen' }, { row: '1.2', expression: 'plaatsen' }] });
    const sub = { ...doc, sections: [{ ...doc.sections[0]!, lines: [doc.sections[0]!.lines[0]!, { ...doc.sections[0]!.lines[1]!, row: 'subtotal' as const, values: { '2025': '-400' } }] }] };
    expect(issuePairsOf(() => loadBudget(sub))).toContainEqual(['invalid_value', 'drivers.formulas[1].row']);
    const bare = { ...doc, drivers: { ...doc.drivers, formulas: [{ row: '1.1', expression: 'plaatsen' }] }, sections: [{ ...doc.sections[0]!, lines: [{ id: '1.1', title: 'x' }] }] };
    expect(issuePairsOf(() => loadBudget(bare))).toEqual([['missing_nature', 'sections[0].lines[0].nature']]);
  });

  it('gives a driven component its values', () => {
    const doc = ukraine({ formulas: [{ row: 'coa', expression: 'plaatsen * 2' }] }, { '2025': '6.500' });
    const lines = doc.sections[0]!.lines;
    const withComponent = { ...doc, sections: [{ ...doc.sections[0]!, lines: [lines[0]!, { ...lines[1]!, components: [{ id: 'coa', title: 'vergoeding COA' }] }] }] };
    const b = loadBudget(withComponent as never);
    expect(b.sections[0]!.lines[1]!.components[0]!.values['2026']!.toString()).toBe('782');
  });
});

describe('scenarios on drivers', () => {
  const base = loadBudget(ukraine());
  const run = (changes: unknown[]) => applyScenario(base, loadScenario({ id: 's', title: 's', changes }, { budget: base }));

  it('set-parameter: the driven row follows (had the tariff stayed at EUR 61)', () => {
    const r = run([{ kind: 'set-parameter', parameter: 'normvergoeding', periods: [{ from: '2022-03-01', value: '61' }, { from: '2026-03-05', value: '0' }] }]);
    expect(r.budget.sections[0]!.lines[0]!.values['2025']!.toString()).toBe('9017325'); // 405 x 61 x 365
    expect(r.touched.map((t) => [t.row, t.year])).toEqual([['1.1', 2025], ['1.1', 2026]]);
    expect(toDocument(loadBudget(toDocument(r.budget)))).toEqual(toDocument(r.budget));
  });

  it('set-indicator: for some years; two changes of different drivers do not conflict', () => {
    const r = run([
      { kind: 'set-indicator', indicator: 'plaatsen', years: [2026], value: '405' },
      { kind: 'set-parameter', parameter: 'normvergoeding', periods: [{ from: '2022-03-01', value: '61' }, { from: '2025-01-01', value: '44' }] },
    ]);
    expect(r.budget.sections[0]!.lines[0]!.values['2026']!.toString()).toBe(String(405 * 44 * 365));
    expect(r.budget.drivers!.indicators[0]!.values['2026']!.toString()).toBe('405');
  });

  it('refuses a direct write of a driven row, and two different settings of one indicator value', () => {
    expect(issuePairsOf(() => run([{ kind: 'set-amount', line: '1.1', years: [2025], value: '1' }]))).toEqual([['driven_row', 'changes[0]']]);
    expect(issuePairsOf(() => run([{ kind: 'drop-line', line: '1.1' }]))).toContainEqual(['driven_row', 'changes[0]']);
    expect(issuePairsOf(() => run([
      { kind: 'set-indicator', indicator: 'plaatsen', years: [2025], value: '1' },
      { kind: 'set-indicator', indicator: 'plaatsen', years: [2025], value: '2' },
    ]))).toEqual([['change_conflict', 'changes[1]']]);
    expect(issuePairsOf(() => run([{ kind: 'set-indicator', indicator: 'plekken', value: '1' }]))).toEqual([['unknown_reference', 'changes[0].indicator']]);
    expect(issuePairsOf(() => run([{ kind: 'set-indicator', indicator: 'plaatsen', value: 'x' }]))).toEqual([['invalid_amount', 'changes[0].value']]);
    expect(issuePairsOf(() => run([{ kind: 'set-parameter', parameter: 'normvergoeding', periods: [{ from: '2025-13-01', value: '1' }] }]))).toEqual([['invalid_value', 'changes[0].periods[0].from']]);
    expect(issuePairsOf(() => run([{ kind: 'set-parameter', parameter: 'normvergoeding', periods: [] }]))).toEqual([['invalid_type', 'changes[0].periods']]);
  });

  it('reports a division by zero a change causes at the change', () => {
    const b = loadBudget(ukraine({ formulas: [{ row: '1.1', expression: '1000 / plaatsen' }] }));
    expect(issuesOf(() => applyScenario(b, { id: 's', title: 's', changes: [{ kind: 'set-indicator', indicator: 'plaatsen', years: [2025], value: '0' }] }))).toEqual([
      { code: 'division_by_zero', path: 'changes[0].value' },
    ]);
  });
});

describe('driverSeries and indicatorTable', () => {
  const b = loadBudget(ukraine());

  it('a parameter series is its year value; a row is its money; a pm or missing year has no value', () => {
    expect(driverSeries(b, 'normvergoeding').values['2024']!.value.toFixed()).toBe('22326');
    expect(driverSeries(b, '[1.2]').values['2025']!.value.toFixed()).toBe('-400000');
    expect(Object.keys(driverSeries(b, '[1.2]').values)).toEqual(['2025']);
    expect(Object.keys(driverSeries(b, 'plaatsen', { years: [2023, 2024] }).values)).toEqual(['2024']);
  });

  it('refuses with codes and paths', () => {
    expect(issuePairsOf(() => driverSeries(b, 'plaatsen +'))).toEqual([['invalid_expression', 'expression']]);
    expect(issuePairsOf(() => driverSeries(b, '[9.9] + x'))).toEqual([['unknown_reference', 'expression'], ['unknown_reference', 'expression']]);
    expect(issuePairsOf(() => driverSeries(b, '1 / (plaatsen - 405)'))).toEqual([['division_by_zero', 'expression'], ['division_by_zero', 'expression']]);
    expect(issuePairsOf(() => driverSeries(b, 'plaatsen', { places: 13 }))).toEqual([['invalid_option', 'options.places']]);
    expect(issuePairsOf(() => driverSeries(b, 1 as never))).toEqual([['invalid_argument', 'expression']]);
  });

  it('the money table and the indicator table agree: the driven row is its expression of the indicator rows', () => {
    const money = budgetTable(b).rows.find((r) => r.id.endsWith('1.1') || r.label.startsWith('1.1'))!;
    const drivers = indicatorTable(b, { series: [{ label: '1.1', unit: 'EUR', expression: 'plaatsen * normvergoeding' }] });
    const [places, tariff, product] = drivers.rows;
    b.horizon.years.forEach((year, i) => {
      const col = budgetTable(b).columns.findIndex((c) => c.key === String(year));
      expect(money.cells[col]!.amount!.eq(product!.cells[i]!.amount!)).toBe(true);
      expect(places!.cells[i]!.amount!.times(tariff!.cells[i]!.amount!).eq(money.cells[col]!.amount!)).toBe(true);
    });
  });

  it('lists indicators, parameters and series with their units, and never a total row', () => {
    const table = indicatorTable(b, { series: [{ label: 'Vergoeding per plaats', unit: 'EUR', expression: '[1.1] / plaatsen' }] });
    expect(table.rows.map((r) => r.label)).toEqual([
      'Bezette plaatsen (plaatsen)',
      'Normvergoeding (EUR per plaats per dag, som over de dagen)',
      'Vergoeding per plaats (EUR)',
    ]);
    expect(table.rows.every((r) => r.kind === 'line' && r.of === undefined)).toBe(true);
    const text = renderText(table, { unit: 'euro' });
    expect(text).toMatch(/Normvergoeding .*22\.326\s+16\.060\s+2\.772/);
    expect(text).not.toMatch(/totaal/i);
    expect(issuePairsOf(() => indicatorTable(b, { series: [{ label: 'x', unit: 'u' } as never] }))).toEqual([['invalid_option', 'options.series[0]']]);
  });
});
