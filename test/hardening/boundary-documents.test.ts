/**
 * The public boundary of the document and report side (documents, the builder, CSV and year tables, formatting,
 * tables and their renderers, charts, HTML, JSON) and of the core helpers, called as plain JavaScript would call
 * it: every parameter of every function with undefined, null, a number, a text, an empty object and an array,
 * and every option with a wrong type, a value out of range, NaN, Infinity, a typo and an unknown key. Each
 * refusal is a MeerjarenError whose code and path name the parameter or option; nothing else (no TypeError, no
 * RangeError, no stack overflow) ever escapes.
 *
 * Together with test/hardening/boundary-evaluation.test.ts this covers every function of the main entry and of
 * `meerjaren/testing`: the last test checks that.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as api from 'meerjaren';
import * as testing from 'meerjaren/testing';
import { ALL, CHOICE, FLAGS, LISTS, NUMBERS, OBJECTS, OPTIONS, TEXTS, call, describeRows, evaluationExports, issuesOf, type OptionCase, type Param, type Row } from './boundary-kit.js';
import { Dec, MeerjarenError, budget, evaluate, readYearTable, resolvePresentation, type Budget } from 'meerjaren';

const WIJZIGING = api.begrotingswijziging(api.budget({ title: 'B', unit: 'euro', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'A', [-10, -10], { nature: 'structural' }).build(), { id: 's', title: 'S', changes: [{ kind: 'drop-line', line: 'a', note: 'weg' }] });
const WV = api.weerstandsvermogen({ risks: [{ id: 'R', title: 'R', probability: '0.5', amount: '100', nature: 'incidental' }], capacity: [] });
const MUNICIPALITY = api.loadMunicipality({
  format: 'meerjaren/municipality',
  version: 1,
  title: 'M',
  unit: 'euro',
  horizon: { from: 2026, to: 2027 },
  programmes: [{ id: 'p', budget: { version: 1, title: 'P', unit: 'euro', horizon: { from: 2026, to: 2027 }, sections: [{ id: 'A', title: 'A', lines: [{ id: 'a', title: 'A', nature: 'structural', values: [-1, -1] }] }] } }],
  oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', values: [2, 2] }] },
});
const MUNICIPALITY_EVALUATION = api.evaluateMunicipality(MUNICIPALITY);
const MUNICIPAL_SCENARIO = api.applyMunicipalScenario(MUNICIPALITY, 'p', { id: 's', title: 'S', changes: [{ kind: 'set-amount', line: 'a', years: { from: 2026 }, value: '-2' }] });
const base: Budget = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2029 } })
  .section('1', 'S')
  .line('cost', 'kosten', [-500, -500, 'pm', -700], { nature: 'structural' })
  .line('stelpost', 'stelpost', [1000, 1000, 1000, 1000], { nature: 'structural' })
  .build();
const evaluation = evaluate(base);
const NET = api.netSavings(
  api.withTargets(base, [{ id: 'ta', title: 'T', unit: 'euro', path: { 2026: '100' }, measures: [{ id: 'a', title: 'A', status: 'decided', planned: { 2027: '60' }, costs: [{ kind: 'investment', amounts: { 2026: '50' } }] }] }]),
);
const GS = api.goalSeekPerYear(base, { input: { kind: 'line-amount', line: 'stelpost' }, outcome: { kind: 'saldo' }, years: [2026, 2027] });
const DRIVEN = budget({ title: 'd', unit: 'euro', horizon: { from: 2026, to: 2027 } })
  .section('2', 'S')
  .line('2.1', 'Jeugdhulp', undefined, { nature: 'structural' })
  .drivers({ indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000 } }], formulas: [{ row: '2.1', expression: '-jeugdigen * 20000' }] })
  .build();
const table = api.budgetTable(base, { evaluation });
const ACTUALS_DOC = { format: 'meerjaren/actuals', version: 1, title: 'JR', unit: 'euro', years: [2026], lines: { [base.sections[0]!.lines[0]!.id]: { '2026': '-10' } } };
const ACTUALS = api.loadActuals(ACTUALS_DOC);
const COURSE = api.budgetCourse(api.versionSeries([{ name: 'A', kind: 'begroting', budget: base }]), ACTUALS);
const resolved = resolvePresentation({});
const yearText = 'id;omschrijving;2026;2027\n1;a;-1.100;250\n';
const yearTable = readYearTable(yearText, { locale: 'nl' });
const d = (v: number | string): InstanceType<typeof Dec> => new Dec(v);
const builder = (): api.BudgetBuilder => budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2027 } }).section('1', 'S').line('a', 'A', [1, 2], { nature: 'structural' });
const chartBase = { title: 'T', unitLabel: 'x € 1', years: [2026, 2027] };

const PRESENTATION: Param = { name: 'presentation', accepts: ['undefined', 'object'] };
const TABLE: Param = { name: 'table', other: { object: ['invalid_argument', 'table.columns'] } };
const LOAD_BAD: OptionCase[] = [
  // 'errors' is the typo of issue 10: it used to turn the check of printed totals off
  ...CHOICE('totals', 'errors', 'Error'),
  ...NUMBERS('maxDepth', 0, -1, 1e6),
  ...NUMBERS('maxLength', 0, -1),
];
const CSV_WRITE_BAD: OptionCase[] = [...CHOICE('separator', '\t'), ...CHOICE('locale', 'de'), ...FLAGS('bom')];

const ROWS: readonly Row[] = [
  // documents
  {
    fn: 'loadBudget',
    call: call(api.loadBudget),
    args: [api.toDocument(base), {}],
    // the document is data: a bad one is refused with the loader's codes
    params: [{ name: 'input', accepts: ALL }, OPTIONS],
    options: { at: 1, bad: LOAD_BAD },
  },
  {
    fn: 'parseJsonStrict',
    call: call(api.parseJsonStrict),
    args: ['{"a":1}', {}],
    params: [{ name: 'text', accepts: ['text'] }, { name: 'limits', accepts: ['undefined', 'object'] }],
    options: { at: 1, param: 'limits', bad: [...NUMBERS('maxDepth', 0, 1e6), ...NUMBERS('maxLength', 0)] },
  },
  { fn: 'jsonPositions', call: call(api.jsonPositions), args: ['{"a":1}'], params: [{ name: 'text', accepts: ['text'] }] },
  { fn: 'JsonNumberText', call: (text) => new api.JsonNumberText(text as string), args: ['0.1'], params: [{ name: 'text', accepts: ['text'] }] },
  { fn: 'toDocument', call: call(api.toDocument), args: [base], params: [{ name: 'budget' }] },
  { fn: 'budgetToJson', call: call(api.budgetToJson), args: [base], params: [{ name: 'budget' }] },
  ...(['budget', 'BudgetBuilder'] as const).map(
    (fn): Row => ({
      fn,
      call: fn === 'budget' ? call(api.budget) : (options) => new api.BudgetBuilder(options as never),
      args: [{ title: 't', unit: 'euro', horizon: { from: 2026, to: 2027 } }],
      // {} is a builder whose build() reports the missing fields
      params: [{ name: 'options', accepts: ['object'] }],
      options: {
        at: 0,
        bad: [
          ...TEXTS('title'),
          ...CHOICE('unit', 'Euro', 'duizend'),
          ...OBJECTS('horizon'),
          ...CHOICE('sign'),
          ...CHOICE('numberFormat', 'de'),
          ...CHOICE('defaultNature', 'structureel'),
          ...TEXTS('totalLabel'),
          ...OBJECTS('tags'),
        ],
      },
    }),
  ),
  { fn: 'BudgetBuilder.section', call: (id, title) => builder().section(id as string, title as string), args: ['2', 'T'], params: [{ name: 'id', accepts: ['text'] }, { name: 'title', accepts: ['text'] }] },
  {
    fn: 'BudgetBuilder.line',
    call: (id, title, values, options) => builder().line(id as string, title as string, values as never, options as never),
    args: ['b', 'B', [1, 2], { nature: 'structural' }],
    params: [{ name: 'id', accepts: ['text'] }, { name: 'title', accepts: ['text'] }, { name: 'values', accepts: ['undefined', 'object', 'array'] }, OPTIONS],
    options: { at: 3, bad: [...CHOICE('nature', 'Structural'), ...OBJECTS('tags'), ...CHOICE('row', 'total')] },
  },
  {
    fn: 'BudgetBuilder.component',
    call: (title, values, options) => builder().component(title as string, values as never, options as never),
    args: ['C', [1, 1], {}],
    params: [{ name: 'title', accepts: ['text'] }, { name: 'values', accepts: ['object', 'array'] }, OPTIONS],
    options: { at: 2, bad: [...TEXTS('id'), ...CHOICE('nature'), ...OBJECTS('tags')] },
  },
  { fn: 'BudgetBuilder.sectionTotal', call: (values) => builder().sectionTotal(values as never), args: [[1, 2]], params: [{ name: 'values', accepts: ['object', 'array'] }] },
  { fn: 'BudgetBuilder.total', call: (values) => builder().total(values as never), args: [[1, 2]], params: [{ name: 'values', accepts: ['object', 'array'] }] },
  { fn: 'BudgetBuilder.build', call: (options) => builder().build(options as never), args: [{}], params: [OPTIONS], options: { at: 0, bad: LOAD_BAD } },
  { fn: 'BudgetBuilder.toDocument', call: () => builder().toDocument(), args: [], params: [] },
  { fn: 'BudgetBuilder.drivers', call: (drivers) => builder().drivers(drivers as never), args: [{ indicators: [] }], params: [{ name: 'drivers', accepts: ['object'] }] },

  // tables and their renderers
  {
    fn: 'budgetTable',
    call: call(api.budgetTable),
    args: [base, {}],
    params: [{ name: 'budget' }, OPTIONS],
    options: { at: 1, bad: [...FLAGS('sectionTotals'), ...TEXTS('totalLabel'), ...OBJECTS('evaluation'), { option: 'evaluation', value: {} }, ...CHOICE('figures', 'Printed'), ...FLAGS('checks'), ...CHOICE('labels', 'NL')] },
  },
  {
    fn: 'loadActuals',
    call: call(api.loadActuals),
    args: [ACTUALS_DOC, {}],
    // the document is data: a bad one is refused with the loader's codes
    params: [{ name: 'input', accepts: ALL }, OPTIONS],
    options: { at: 1, bad: [...NUMBERS('maxDepth', 0, -1, 1e6), ...NUMBERS('maxLength', 0, -1)] },
  },
  {
    fn: 'courseTable',
    call: call(api.courseTable),
    args: [COURSE, {}],
    params: [{ name: 'course' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...LISTS('years'), { option: 'years', value: [1800] }, ...OBJECTS('presentation')] },
  },
  {
    fn: 'accountsTable',
    call: call(api.accountsTable),
    args: [api.compareActuals(base, ACTUALS), {}],
    params: [{ name: 'comparison' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...OBJECTS('presentation')] },
  },
  {
    fn: 'versionTable',
    call: call(api.versionTable),
    args: [api.compareVersions(base, base), {}],
    params: [{ name: 'comparison' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...FLAGS('sections'), ...FLAGS('lines'), ...FLAGS('changedOnly')] },
  },
  {
    fn: 'begrotingswijzigingTable',
    call: call(api.begrotingswijzigingTable),
    args: [WIJZIGING, {}],
    params: [{ name: 'wijziging' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...OBJECTS('programmes'), ...OBJECTS('presentation'), ...CHOICE('labels', 'NL'), ...LISTS('years')] },
  },
  {
    fn: 'renderBegrotingswijziging',
    call: call(api.renderBegrotingswijziging),
    args: [WIJZIGING, {}],
    params: [{ name: 'wijziging' }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('format', 'Text'), ...TEXTS('title'), ...OBJECTS('programmes'), ...CHOICE('labels'), ...LISTS('years')] },
  },
  {
    fn: 'rebaseTable',
    call: call(api.rebaseTable),
    args: [api.rebaseScenario({ id: 's', title: 'S', changes: [] }, base, base), {}],
    params: [{ name: 'rebase' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...CHOICE('language', 'NL')] },
  },
  {
    fn: 'weerstandsvermogenTable',
    call: call(api.weerstandsvermogenTable),
    args: [WV, {}],
    params: [{ name: 'result' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title')] },
  },
  {
    fn: 'weerstandsvermogenYearTable',
    call: call(api.weerstandsvermogenYearTable),
    args: [api.weerstandsvermogenByYear({ risks: [], capacity: [] }, { from: 2026, to: 2027 }), {}],
    params: [{ name: 'result' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title')] },
  },
  {
    fn: 'loadRiskRegister',
    call: call(api.loadRiskRegister),
    args: [{ format: 'meerjaren/risks', version: 1, title: 'R', risks: [], capacity: [] }, {}],
    // the document is data: a bad one is refused with the loader's codes
    params: [{ name: 'input', accepts: ALL }, OPTIONS],
    options: { at: 1, bad: [...NUMBERS('maxDepth', 0, -1, 1e6), ...NUMBERS('maxLength', 0, -1)] },
  },
  { fn: 'waarderingText', call: call(api.waarderingText), args: [WV], params: [{ name: 'result' }] },
  // Iv3: lists as data and the Iv3 layout
  ...(['readTaakveldList', 'readCategorieList'] as const).map(
    (fn): Row => ({
      fn,
      call: call(api[fn]),
      args: ['code;titel;groep\n6.72;Maatwerkdienstverlening 18-;6 Sociaal domein\n', { version: '1' }],
      params: [{ name: 'csv', accepts: ['text'] }, { name: 'options', other: { object: ['invalid_option', 'options.version'] } }],
      options: { at: 1, bad: [...TEXTS('version'), { option: 'version', value: '' }, ...TEXTS('source'), ...FLAGS('complete'), ...CHOICE('separator', ';;')] },
    }),
  ),
  {
    fn: 'iv3Table',
    call: call(api.iv3Table),
    args: [api.iv3Rollup(base), { side: 'lasten' }],
    params: [{ name: 'rollup' }, { name: 'options', other: { object: ['invalid_option', 'options.side'] } }],
    options: { at: 1, bad: [...CHOICE('side', 'Lasten'), ...NUMBERS('year', 3000), ...TEXTS('title'), ...CHOICE('language', 'NL')] },
  },
  {
    fn: 'municipalScenarioTable',
    call: call(api.municipalScenarioTable),
    args: [MUNICIPAL_SCENARIO, {}],
    params: [{ name: 'result' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...CHOICE('labels', 'NL')] },
  },
  ...(['municipalityTable', 'municipalBalanceTable'] as const).map(
    (fn): Row => ({
      fn,
      call: call(api[fn]),
      args: [MUNICIPALITY, MUNICIPALITY_EVALUATION, {}],
      params: [{ name: 'municipality' }, { name: 'evaluation' }, OPTIONS],
      options: { at: 2, bad: [...TEXTS('title'), ...CHOICE('labels', 'NL')] },
    }),
  ),

  {
    fn: 'netSavingsTable',
    call: call(api.netSavingsTable),
    args: [NET, 'ta', {}],
    params: [{ name: 'net' }, { name: 'target', other: { text: ['unknown_reference', 'target'] } }, OPTIONS],
    options: { at: 2, bad: TEXTS('title') },
  },
  {
    fn: 'goalSeekTable',
    call: call(api.goalSeekTable),
    args: [GS, {}],
    params: [{ name: 'result' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...CHOICE('language', 'nl-NL', 'EN')] },
  },
  {
    fn: 'renderGoalSeekTable',
    call: call(api.renderGoalSeekTable),
    args: [api.goalSeekTable(GS), {}],
    params: [{ name: 'table' }, OPTIONS],
    options: { at: 1, bad: CHOICE('format', 'html', 'Text') },
  },
  {
    fn: 'indicatorTable',
    call: call(api.indicatorTable),
    args: [DRIVEN, { series: [{ label: 'Kosten per jeugdige', unit: 'EUR', expression: '-[2.1] / jeugdigen' }] }],
    params: [{ name: 'budget' }, OPTIONS],
    options: {
      at: 1,
      bad: [...TEXTS('title'), ...LISTS('years'), ...LISTS('series'), { option: 'series', value: [{ label: 'x', unit: 'u' }] }, { option: 'series', value: [{ label: 1, unit: 'u', expression: 'x' }] }],
    },
  },
  ...(['renderText', 'renderMarkdown', 'renderHtml', 'roundTable'] as const).map((fn): Row => ({ fn, call: call(api[fn]), args: [table, {}], params: [TABLE, PRESENTATION], presentation: 1 })),
  ...(['renderCsv', 'tableToCsv'] as const).map(
    (fn): Row => ({
      fn,
      call: call(api[fn]),
      args: [table, {}, {}],
      params: [TABLE, PRESENTATION, OPTIONS],
      options: { at: 2, bad: [...CSV_WRITE_BAD, ...FLAGS('ids')] },
      presentation: 1,
    }),
  ),
  {
    fn: 'formatCell',
    call: call(api.formatCell),
    args: [table.rows[1]!.cells[0], {}],
    params: [{ name: 'cell', other: { object: ['invalid_argument', 'cell.pm'] } }, PRESENTATION],
    presentation: 1,
  },
  {
    fn: 'parseLocaleAmount',
    call: call(api.parseLocaleAmount),
    args: ['-1.234,5', 'nl', {}],
    // 'text' is not an amount: invalid_amount
    params: [{ name: 'text', accepts: ['text'] }, { name: 'locale' }, OPTIONS],
    options: { at: 2, bad: [...FLAGS('parentheses'), ...[42, 'x', null, {}, [{}], [1.5]].map((value) => ({ option: 'path', value }))] },
  },
  { fn: 'resolvePresentation', call: call(api.resolvePresentation), args: [{}], params: [PRESENTATION], presentation: 0 },
  { fn: 'displayStep', call: call(api.displayStep), args: [resolved], params: [{ name: 'presentation', accepts: ['object'] }], presentation: 0 },
  { fn: 'unitLine', call: call(api.unitLine), args: [resolved], params: [{ name: 'presentation', accepts: ['object'] }], presentation: 0 },
  {
    fn: 'allocateRounded',
    call: call(api.allocateRounded),
    args: [[d('1.4'), d('1.6')], d(3), d(1), 'half-up', {}],
    // no parts for a total of 3 is total_mismatch
    params: [{ name: 'parts', accepts: ['array'] }, { name: 'total' }, { name: 'step' }, { name: 'mode', accepts: ['undefined'] }, OPTIONS],
    options: { at: 4, bad: LISTS('fixed') },
  },
  { fn: 'roundToStep', call: call(api.roundToStep), args: [d('1.5'), d(1), 'half-even'], params: [{ name: 'value' }, { name: 'step' }, { name: 'mode' }] },
  {
    fn: 'htmlReport',
    call: call(api.htmlReport),
    args: [base, evaluation, {}, {}],
    params: [{ name: 'budget' }, { name: 'evaluation' }, PRESENTATION, OPTIONS],
    options: {
      at: 3,
      bad: [
        ...LISTS('parts'),
        ...OBJECTS('provenance'),
        ...[{ source: 42 }, { source: '' }, { sha256: 'abc' }, { sha256: 'g'.repeat(64) }, { date: '3 december 2026' }, { date: '2026-02-30' }, { date: 20261203 }].map((value) => ({ option: 'provenance', value })),
      ],
    },
    presentation: 2,
  },
  {
    fn: 'htmlDocument',
    call: call(api.htmlDocument),
    args: [{ title: 'T', parts: [] }],
    params: [{ name: 'input', other: { object: ['missing_field', 'title'] } }],
  },
  { fn: 'toJsonValue', call: call(api.toJsonValue), args: [evaluation], params: [{ name: 'value', accepts: ALL }] },
  { fn: 'resultToJson', call: call(api.resultToJson), args: [evaluation, 2], params: [{ name: 'value', accepts: ALL }, { name: 'indent', accepts: ['undefined'] }] },

  // CSV and year tables
  { fn: 'writeCsv', call: call(api.writeCsv), args: [[['a', 'b']], {}], params: [{ name: 'rows', accepts: ['array'] }, OPTIONS], options: { at: 1, bad: CSV_WRITE_BAD } },
  {
    fn: 'readCsv',
    call: call(api.readCsv),
    args: ['a;b\n1;2\n', {}],
    params: [{ name: 'text', accepts: ['text'] }, OPTIONS],
    options: { at: 1, bad: CHOICE('separator', '\t') },
  },
  {
    fn: 'readPrintedTable',
    call: call(api.readPrintedTable),
    args: [';2026\na;1\nTotaal;1\n', {}],
    params: [{ name: 'text', accepts: ['text'] }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('separator', '\t'), ...CHOICE('locale', 'de'), ...CHOICE('unit'), ...CHOICE('sign'), ...CHOICE('nature'), ...CHOICE('language', 'fr'), ...TEXTS('title'), ...OBJECTS('layout')] },
  },
  {
    fn: 'printedTableFromRows',
    call: call(api.printedTableFromRows),
    args: [[['', '2026'], ['a', '1'], ['Totaal', '1']], {}],
    params: [{ name: 'rows', accepts: ['array'] }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('locale', 'de'), ...CHOICE('unit'), ...CHOICE('sign'), ...OBJECTS('layout')] },
  },
  {
    fn: 'readYearTable',
    call: call(api.readYearTable),
    args: [yearText, { locale: 'nl' }],
    // 'text' has no header row: missing_field; {} lacks the required locale
    params: [{ name: 'text', accepts: ['text'] }, { name: 'options', other: { object: ['invalid_option', 'options.locale'] } }],
    options: { at: 1, bad: [...CHOICE('separator'), ...CHOICE('locale', 'de', 'NL'), ...CHOICE('unit', 'duizend')] },
  },
  {
    fn: 'yearTableToDocument',
    call: call(api.yearTableToDocument),
    args: [yearTable, { title: 'T', unit: 'thousand', nature: 'structural' }],
    params: [{ name: 'table', other: { object: ['invalid_argument', 'table.years'] } }, { name: 'options', other: { object: ['invalid_option', 'options.title'] } }],
    options: {
      at: 1,
      bad: [...TEXTS('title'), ...CHOICE('unit'), ...CHOICE('sign'), ...CHOICE('nature'), ...NUMBERS('budgetYear', 0, 1e6), ...OBJECTS('section'), { option: 'section', value: { id: 1 } }],
    },
  },

  // charts: the input holds the data and the options; its fields are checked with their own codes
  { fn: 'saldoLineChart', call: call(api.saldoLineChart), args: [{ ...chartBase, series: [{ name: 'a', values: [1, 2] }] }], params: [{ name: 'input', accepts: ['object'] }] },
  { fn: 'waterfallChart', call: call(api.waterfallChart), args: [{ title: 'T', unitLabel: 'x € 1', start: { label: 's', value: 1 }, steps: [{ label: 'a', value: 1 }], totalLabel: 'Eind' }], params: [{ name: 'input', accepts: ['object'] }] },
  { fn: 'targetChart', call: call(api.targetChart), args: [{ ...chartBase, target: [1, 2], realised: [1, 1] }], params: [{ name: 'input', accepts: ['object'] }] },
  { fn: 'balanceChart', call: call(api.balanceChart), args: [{ ...chartBase, structural: [1, 2], incidental: [0, 1] }], params: [{ name: 'input', accepts: ['object'] }] },
  { fn: 'fanChart', call: call(api.fanChart), args: [{ ...chartBase, bands: [{ label: 'P5-P95', lower: [0, 0], upper: [2, 2] }], median: [1, 1] }], params: [{ name: 'input', accepts: ['object'] }] },

  // core helpers
  { fn: 'formatPath', call: call(api.formatPath), args: [['a', 1]], params: [{ name: 'path', accepts: ['array'] }] },
  {
    fn: 'readAmount',
    call: call(api.readAmount),
    args: ['1.234', d(1000), 'nl'],
    // the raw amount is data: a reading, ok or not, never an exception
    params: [{ name: 'raw', accepts: ALL }, { name: 'unitFactor' }, { name: 'format', accepts: ['undefined'] }],
  },
  { fn: 'yearRole', call: call(api.yearRole), args: [base.horizon, 2027], params: [{ name: 'horizon' }, { name: 'year' }] },
  { fn: 'isPm', call: call(api.isPm), args: [api.PM], params: [{ name: 'cell', accepts: ALL }] },
  { fn: 'unitFactor', call: call(api.unitFactor), args: ['thousand'], params: [{ name: 'unit' }] },
  { fn: 'toDec', call: call(api.toDec), args: [d(1)], params: [{ name: 'value' }] },
  { fn: 'plainString', call: call(api.plainString), args: [d(1)], params: [{ name: 'value' }] },
  { fn: 'roundTo', call: call(api.roundTo), args: [d(1.5), 0, 'half-up'], params: [{ name: 'value' }, { name: 'places', accepts: ['number'] }, { name: 'mode' }] },
  { fn: 'isDecimal', call: call(api.isDecimal), args: [d(1)], params: [{ name: 'value', accepts: ALL }] },
  { fn: 'MeerjarenError', call: (issues) => new api.MeerjarenError(issues as never), args: [[]], params: [{ name: 'issues', accepts: ['array'] }] },
  { fn: 'MeerjarenError.is', call: (value) => api.MeerjarenError.is(value), args: [new Error('x')], params: [{ name: 'value', accepts: ALL }] },
  { fn: 'IssueCollector', call: () => new api.IssueCollector(), args: [], params: [] },
  {
    fn: 'IssueCollector.add',
    call: (code, path, message) => new api.IssueCollector().add(code as never, path as never, message as string),
    args: ['invalid_value', ['a', 1], 'm'],
    params: [{ name: 'code', accepts: ['text'] }, { name: 'path', accepts: ['array'] }, { name: 'message', accepts: ['text'] }],
  },
  { fn: 'IssueCollector.addAll', call: (issues) => new api.IssueCollector().addAll(issues as never), args: [[]], params: [{ name: 'issues', accepts: ['array'] }] },
];

/**
 * Functions of the main entry that another part of the work checks at its boundary (decimal helpers in
 * src/core/decimal.ts, and formatAmount), and the decimal.js class itself.
 */
// Dec is decimal.js' constructor (its settings: test/core/decimal.test.ts); formatAmount: test/report/format-number.test.ts
const CHECKED_ELSEWHERE = ['Dec', 'formatAmount'];

/** The evaluation side's modules: boundary-evaluation.test.ts has a row for every function they export (and checks it). */
/** Bad settings of a presentation, refused with invalid_value at the setting's name. */
const BAD_SETTINGS: readonly [string, unknown][] = [
  ['unit', 'bogus'],
  ['unit', 'Thousand'],
  ['decimals', NaN],
  ['decimals', Infinity],
  ['decimals', -1],
  ['decimals', 1.5],
  ['decimals', 11],
  ['sign', '+'],
  ['notation', null],
  ['locale', 'de'],
  ['labels', 42],
  ['rounding', 'bankers'],
  ['roundingMode', 'HALF_UP'],
  ['nil', 42],
  ['pm', ' '],
];

describe('the document and report side of the public API, called from plain JavaScript', () => {
  it('every function of the main entry and of meerjaren/testing has a row here or in boundary-evaluation.test.ts', async () => {
    const main = (await import('../../src/index.js')) as Record<string, unknown>;
    const functions = Object.keys(main).filter((k) => typeof main[k] === 'function');
    const covered = new Set([...ROWS.map((r) => r.fn), ...evaluationExports({ ...main }), ...CHECKED_ELSEWHERE]);
    expect(functions.filter((f) => !covered.has(f))).toEqual([]);
    // no row for a function that is not exported (a method row names an exported class)
    expect(ROWS.map((r) => r.fn.split('.')[0]!).filter((f) => typeof main[f] !== 'function')).toEqual([]);
    // meerjaren/testing: every function has a row in boundary-evaluation.test.ts, which compares them
    const testingFunctions = Object.entries(testing).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(testingFunctions.length).toBeGreaterThan(10);
  });

});

describeRows(ROWS, { badSettings: BAD_SETTINGS });

describe('the document and report boundary, case by case', () => {
  it('a typo in loadBudget totals no longer turns the check of printed totals off', () => {
    const doc = { ...api.toDocument(base), expected: { '2026': '999' } };
    expect(issuesOf(() => api.loadBudget(doc, { totals: 'errors' as never }))).toEqual(['invalid_option options.totals']);
    expect(issuesOf(() => api.loadBudget(doc))).toEqual(['total_mismatch expected.2026']);
    expect(issuesOf(() => api.loadBudget(doc, { totals: 'ignore' }))).toEqual([]);
  });

  it('maxDepth NaN or Infinity cannot switch the depth limit off: a deep text is refused, not a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const maxDepth of [NaN, Infinity, 1e6]) {
      expect(issuesOf(() => api.loadBudget(deep, { maxDepth }))).toEqual(['invalid_option options.maxDepth']);
      expect(issuesOf(() => api.parseJsonStrict(deep, { maxDepth }))).toEqual(['invalid_option limits.maxDepth']);
    }
    expect(issuesOf(() => api.loadBudget(deep))).toEqual(['too_deep [0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]']);
  });

  it('parseLocaleAmount with an unknown locale names the locale', () => {
    expect(issuesOf(() => api.parseLocaleAmount('1,5', 'de' as never))).toEqual(['invalid_argument locale']);
    expect(api.parseLocaleAmount('(1.000)', 'nl', { parentheses: true }).toFixed()).toBe('-1000');
  });

  it('writeCsv refuses a cell that is not a text at its place', () => {
    expect(issuesOf(() => api.writeCsv([[1, null]] as never))).toEqual(['invalid_argument rows[0][0]', 'invalid_argument rows[0][1]']);
    expect(issuesOf(() => api.writeCsv(['ab'] as never))).toEqual(['invalid_argument rows[0]']);
  });

  it('a table with a bad row is refused at that row before any renderer reads it', () => {
    const bad = { ...table, rows: [...table.rows.slice(0, 1), { ...table.rows[1]!, cells: [{ amount: 5, pm: false }] }] };
    for (const render of [api.renderText, api.renderMarkdown, api.renderHtml, api.roundTable, api.tableToCsv]) {
      expect(issuesOf(() => render(bad as never))).toEqual(['invalid_argument table.rows[1].cells[0].amount']);
    }
  });

  it('a chart or an HTML document refuses a field it does not know (a typo of an option) with unknown_option', () => {
    expect(issuesOf(() => api.saldoLineChart({ ...chartBase, series: [{ name: 'a', values: [1, 2] }], widht: 800 } as never))).toEqual(['unknown_option widht']);
    expect(issuesOf(() => api.htmlDocument({ title: 'T', parts: [], language: 'en' } as never))).toEqual(['unknown_option language']);
    expect(issuesOf(() => api.fanChart(null as never))).toEqual(['invalid_argument input']);
  });

  it('toJsonValue refuses a value that contains itself or nests too deep with a code, not a stack overflow', () => {
    const loop: Record<string, unknown> = { a: [1] };
    (loop['a'] as unknown[]).push(loop);
    expect(issuesOf(() => api.toJsonValue(loop))).toEqual(['cycle a[1]']);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(issuesOf(() => api.resultToJson(deep)).map((cp) => cp.split(' ')[0])).toEqual(['too_deep']);
    // the same object twice, side by side, is no cycle
    const shared = { x: d('1.5') };
    expect(api.toJsonValue({ a: shared, b: shared })).toEqual({ a: { x: '1.5' }, b: { x: '1.5' } });
  });

  it('the builder refuses a typo of an option where it is made, not at build()', () => {
    expect(issuesOf(() => budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2027 }, defaultNatur: 'structural' } as never))).toEqual(['unknown_option options.defaultNatur']);
    expect(issuesOf(() => budget(undefined as never))).toEqual(['invalid_argument options']);
    expect(issuesOf(() => builder().line('b', 'B', [1, 2], { natuur: 'structural' } as never))).toEqual(['unknown_option options.natuur']);
  });

  const runs = { numRuns: process.env.MEERJAREN_DEEP ? 2000 : 200 };
  const anyValue = fc.oneof(fc.anything(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e9, 2 ** 53, -1, 0.5, 'error', 'ignore', 'nl', 'en', ';', ','));

  it('any value of any loadBudget option is used or refused at options.<name>, never a TypeError', () => {
    const doc = api.toDocument(base);
    fc.assert(
      fc.property(fc.constantFrom('totals', 'maxDepth', 'maxLength'), anyValue, fc.boolean(), (option, value, asText) => {
        try {
          api.loadBudget(asText ? JSON.stringify(doc) : doc, { [option]: value } as never);
        } catch (e) {
          expect(MeerjarenError.is(e)).toBe(true);
          // a small maxLength or maxDepth refuses the document itself
          for (const i of (e as MeerjarenError).issues) expect([`options.${option}`, ''].includes(i.path) || i.code === 'too_deep', `${i.code} ${i.path}`).toBe(true);
        }
      }),
      runs,
    );
  });

  it('any value as an option of the CSV functions or as a table is used or refused with a code, never a TypeError', () => {
    const calls: readonly ((v: unknown) => unknown)[] = [
      (v) => api.writeCsv([['a']], { separator: v } as never),
      (v) => api.readCsv('a;b', { separator: v } as never),
      (v) => api.readYearTable(yearText, { locale: v } as never),
      (v) => api.tableToCsv(table, {}, { bom: v } as never),
      (v) => api.renderText(v as never),
      (v) => api.renderText(table, v as never),
      (v) => api.formatCell(v as never),
      (v) => api.parseLocaleAmount('1', v as never),
      (v) => api.yearTableToDocument(v as never, { title: 'T', unit: 'euro', nature: 'structural' }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...calls), anyValue, (run, value) => {
        try {
          run(value);
        } catch (e) {
          expect(MeerjarenError.is(e), String(e)).toBe(true);
        }
      }),
      runs,
    );
  });
});
