/**
 * The public boundary of the evaluation side (evaluate, cover, savings, balance, scenario, analysis, engine,
 * uncertainty, testing), called as plain JavaScript would call it: every parameter of every function with
 * undefined, null, a number, a text, an empty object and an array, and every option with a wrong type, a value
 * out of range, NaN, Infinity and an unknown key. Each refusal is a MeerjarenError whose code and path name the
 * parameter or option; nothing else (no TypeError, no RangeError) ever escapes.
 *
 * The rows are checked against src/index.ts: a new function exported from these modules without a row fails.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as api from 'meerjaren';
import * as testing from 'meerjaren/testing';
import * as parallel from 'meerjaren/parallel';
import {
  Dec,
  IssueCollector,
  MeerjarenError,
  applyScenario,
  budget,
  compileBudget,
  contextOf,
  evaluate,
  evaluateCover,
  structuralBalance,
  withCover,
  withTargets,
  type Budget,
  type Scenario,
} from 'meerjaren';
import { closeWorkerPools } from 'meerjaren/parallel';
import { ALL, CHOICE, FLAGS, LISTS, NUMBERS, OBJECTS, OPTIONS, TEXTS, call, catchOf, codesAndPaths, describeRows, evaluationExports, refusalOf, type OptionCase, type Row } from './boundary-kit.js';

afterAll(() => closeWorkerPools());

const DRIVEN = budget({ title: 'd', unit: 'euro', horizon: { from: 2026, to: 2027 } })
  .section('2', 'S')
  .line('2.1', 'Jeugdhulp', undefined, { nature: 'structural' })
  .drivers({ indicators: [{ id: 'jeugdigen', title: 'Jeugdigen', unit: 'jeugdigen', values: { 2026: 4525, 2027: 4000 } }], formulas: [{ row: '2.1', expression: '-jeugdigen * 20000' }] })
  .build();
const base = budget({ title: 't', unit: 'euro', horizon: { from: 2026, to: 2029 } })
  .section('1', 'S')
  .line('cost', 'kosten', [-500, -500, 'pm', -700], { nature: 'structural' })
  .line('stelpost', 'stelpost', [1000, 1000, 1000, 1000], { nature: 'structural' })
  .build();
const full: Budget = withCover(
  withTargets(base, [
    { id: 'ta', title: 'Taakstelling', unit: 'euro', path: { 2026: '100', 2027: '100' }, measures: [{ id: 'a', title: 'A', status: 'decided', planned: { 2026: '60', 2027: '60' } }] },
  ]),
  { sources: [{ id: 'du', title: 'DU', kind: 'oad', nature: 'structural', capacity: { perYear: [300, 300, 300, 300] } }], claims: [{ target: 'cost', source: 'du' }] },
);
const scenario: Scenario = { id: 's', title: 'S', changes: [{ kind: 'estimate-pm', line: 'cost', value: { low: '-800', likely: '-600', high: '-400' } }] };
const result = applyScenario(full, scenario);
const ACTUALS = api.loadActuals({ format: 'meerjaren/actuals', version: 1, title: 'JR', unit: 'euro', years: [2026], lines: { cost: { '2026': '-10' } } });
const ACTUALS_PARAM = { name: 'actuals', other: { object: ['invalid_argument', 'actuals.title'] } } as const;
const inputs = [{ id: 'c', kind: 'amount' as const, rows: ['cost'], distribution: { kind: 'uniform' as const, low: '-800', high: '-400' } }];
const mc = { inputs, draws: 4, seed: 1 };
const measure = full.targets!['ta']!.measures['a']!;
const evaluation = evaluate(full);
const coverEvaluation = evaluateCover(full);
const balance = structuralBalance(full);

const municipalityDocument = {
  format: 'meerjaren/municipality',
  version: 1,
  title: 'M',
  unit: 'euro',
  horizon: { from: 2026, to: 2029 },
  programmes: [{ id: 'p', budget: api.toDocument(full) }],
  oad: { lines: [{ id: 'du', title: 'DU', nature: 'structural', values: [300, 300, 300, 300] }] },
  links: [{ oad: 'du', programme: 'p', claim: 'claim-1' }],
};
const municipality = api.loadMunicipality(municipalityDocument);

const MC_BAD: OptionCase[] = [
  ...NUMBERS('draws', 0, -1, 1e9),
  ...[NaN, Infinity, 1.5, null, {}].map((value) => ({ option: 'seed', value })),
  ...[42, 'x', null, {}, [101], [-1], ['50']].map((value) => ({ option: 'percentiles', value })),
  { option: 'percentiles', value: [NaN] },
  // the unit of the amounts: only the three units, for the run and for one input
  ...CHOICE('unit', 'euros', 'Thousand', 'mln', 'rate'),
  ...['euros', 'rate', 1000, null].map((unit) => ({ option: 'inputs', value: [{ ...inputs[0]!, unit }] })),
  ...LISTS('targets'),
  ...CHOICE('rounding'),
  ...FLAGS('savings'),
  ...FLAGS('cover'),
  ...FLAGS('net'),
  ...LISTS('inputs'),
  // a rank correlation: an object of a list of ids and rows of numbers in [-1, 1]
  ...OBJECTS('correlation'),
  ...[42, 'c', [''], [7]].map((ids) => ({ option: 'correlation', value: { inputs: ids, matrix: [[1]] } })),
  ...[42, [1], [[2]], [[NaN]], [['1']], [[-1.5]]].map((matrix) => ({ option: 'correlation', value: { inputs: ['c'], matrix } })),
  { option: 'inputs', value: [{ ...inputs[0], rows: 'cost' }] },
  // the fields of a driver input: places 0 to 6, ids and a date as texts
  ...[7, -1, 1.5, '2', null].map((places) => ({ option: 'inputs', value: [{ ...inputs[0]!, places }] })),
  ...[42, '', null, {}].flatMap((id) => ['indicator', 'parameter', 'from'].map((field) => ({ option: 'inputs', value: [{ ...inputs[0]!, [field]: id }] }))),
];

const ROWS: readonly Row[] = [
  { fn: 'evaluate', call: call(api.evaluate), args: [full], params: [{ name: 'budget' }] },
  { fn: 'checkExpectations', call: call(api.checkExpectations), args: [full], params: [{ name: 'budget' }] },
  { fn: 'lineTotalUnits', call: call(api.lineTotalUnits), args: [evaluation], params: [{ name: 'evaluation' }] },
  {
    fn: 'evaluateCover',
    call: call(api.evaluateCover),
    args: [full, evaluation],
    params: [{ name: 'budget' }, { name: 'evaluation', accepts: ['undefined'] }],
  },
  {
    fn: 'readCover',
    call: call(api.readCover),
    args: [{}, ['cover'], new IssueCollector(), contextOf(full)],
    // the document part itself is data: its problems go to the collector
    params: [{ name: 'raw', accepts: ['undefined', 'null', 'number', 'text', 'object', 'array'] }, { name: 'path', accepts: ['array'] }, { name: 'issues' }, { name: 'ctx' }],
  },
  {
    fn: 'withCover',
    call: call(api.withCover),
    args: [base, { sources: [], claims: [] }, {}],
    params: [{ name: 'budget' }, { name: 'cover', accepts: ['object'] }, OPTIONS],
    options: { at: 2, bad: CHOICE('numberFormat') },
  },
  { fn: 'contextOf', call: call(api.contextOf), args: [full, 'nl'], params: [{ name: 'budget' }, { name: 'numberFormat', accepts: ['undefined'] }] },
  { fn: 'coverToDocument', call: call(api.coverToDocument), args: [full.cover, full], params: [{ name: 'cover' }, { name: 'budget' }] },
  { fn: 'evaluateTargets', call: call(api.evaluateTargets), args: [full, {}], params: [{ name: 'budget' }, OPTIONS], options: { at: 1, bad: FLAGS('net') } },
  { fn: 'netSavings', call: call(api.netSavings), args: [full], params: [{ name: 'budget' }] },
  {
    fn: 'readTargets',
    call: call(api.readTargets),
    args: [[], ['targets'], new IssueCollector(), contextOf(full)],
    params: [{ name: 'raw', accepts: ['undefined', 'null', 'number', 'text', 'object', 'array'] }, { name: 'path', accepts: ['array'] }, { name: 'issues' }, { name: 'ctx' }],
  },
  {
    fn: 'withTargets',
    call: call(api.withTargets),
    args: [base, [], {}],
    params: [{ name: 'budget' }, { name: 'targets', accepts: ['array'] }, OPTIONS],
    options: { at: 2, bad: CHOICE('numberFormat') },
  },
  {
    fn: 'steppedPath',
    call: call(api.steppedPath),
    args: [{ start: { 2026: '1' }, step: '1', to: 2028 }],
    // `{}` lacks the required options
    params: [{ name: 'options', other: { object: ['invalid_option', 'options.start'] } }],
    options: { at: 0, bad: [...NUMBERS('to', 1e6), ...OBJECTS('start'), { option: 'step', value: NaN }, { option: 'step', value: null }] },
  },
  {
    fn: 'realisedIn',
    call: call(api.realisedIn),
    args: [measure, 2026],
    params: [{ name: 'measure' }, { name: 'year' }],
  },
  { fn: 'targetsToDocument', call: call(api.targetsToDocument), args: [full.targets, full], params: [{ name: 'targets', accepts: ['object'] }, { name: 'budget' }] },
  {
    fn: 'structuralBalance',
    call: call(api.structuralBalance),
    args: [full, {}],
    params: [{ name: 'budget' }, OPTIONS],
    options: { at: 1, bad: [...NUMBERS('incidentalThreshold', -1, 1000), ...OBJECTS('evaluation'), ...OBJECTS('cover'), ...OBJECTS('targets'), { option: 'evaluation', value: {} }] },
  },
  {
    fn: 'weerstandsvermogen',
    call: call(api.weerstandsvermogen),
    args: [{ risks: [], capacity: [] }, {}],
    params: [{ name: 'input', accepts: ['object'] }, OPTIONS],
    options: { at: 1, bad: [...NUMBERS('year', 1899, 2201), ...OBJECTS('budget')] },
  },
  {
    fn: 'weerstandsvermogenByYear',
    call: call(api.weerstandsvermogenByYear),
    args: [{ risks: [], capacity: [] }, { from: 2026, to: 2029 }, {}],
    params: [{ name: 'input', accepts: ['object'] }, { name: 'years' }, OPTIONS],
    options: { at: 2, bad: OBJECTS('budget') },
  },
  {
    fn: 'simulateRequiredCapacity',
    call: call(api.simulateRequiredCapacity),
    args: [{ risks: [{ id: 'R', title: 'R', probability: '0.5', amount: '100', nature: 'incidental' }], capacity: [] }, { draws: 10 }],
    params: [{ name: 'input', accepts: ['object'] }, OPTIONS],
    options: {
      at: 1,
      bad: [...NUMBERS('draws', 0, -1, 1e9), ...[NaN, Infinity, 1.5, null, {}].map((value) => ({ option: 'seed', value })), ...['x', 0, '0', '1.5', -1, null, {}, 0.9].map((value) => ({ option: 'confidence', value })), ...NUMBERS('year', 1899), ...OBJECTS('budget')],
    },
  },
  { fn: 'ratingOf', call: call(api.ratingOf), args: [new Dec('1.5')], params: [{ name: 'ratio', accepts: ['object'] }] },
  { fn: 'toDataPackage', call: call(api.toDataPackage), args: [full, {}], params: [{ name: 'budget' }, OPTIONS], options: { at: 1, bad: [...TEXTS('name'), { option: 'name', value: '' }, { option: 'name', value: 'Hoofdletters' }] } },
  {
    fn: 'readDataPackage',
    call: call(api.readDataPackage),
    args: [api.toDataPackage(full).files, {}],
    params: [{ name: 'files', other: { object: ['missing_field', 'files.datapackage.json'] } }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('totals', 'errors'), ...NUMBERS('maxDepth', 0, -1, 1e6), ...NUMBERS('maxLength', 0, -1)] },
  },
  ...(['checkIv3Tags', 'iv3Rollup'] as const).map(
    (fn): Row => ({
      fn,
      call: call(api[fn]),
      args: [full, {}],
      params: [{ name: 'budget' }, OPTIONS],
      options: {
        at: 1,
        bad: [...OBJECTS('taakvelden'), { option: 'taakvelden', value: {} }, { option: 'taakvelden', value: api.IV3_CATEGORIEEN }, ...OBJECTS('categorieen'), { option: 'categorieen', value: api.IV3_TAAKVELDEN }, ...FLAGS('strict')],
      },
    }),
  ),
  {
    fn: 'driverSeries',
    call: call(api.driverSeries),
    args: [DRIVEN, 'jeugdigen * 2', {}],
    // any text is an expression: a bad one is refused with the expression's own codes at `expression`
    params: [{ name: 'budget' }, { name: 'expression', accepts: ['text'] }, OPTIONS],
    options: { at: 2, bad: [...NUMBERS('places', -1, 13), ...LISTS('years'), { option: 'years', value: [1800] }] },
  },
  ...(['distributeByKey', 'interpolatePath', 'cumulate'] as const).map((fn): Row => {
    const bad = ['x', '0', '-1', 0, null, {}, [], true].map((value) => ({ option: 'step', value }));
    if (fn === 'distributeByKey') return { fn, call: call(api[fn]), args: ['1000', { a: 1, b: 2 }, {}], params: [{ name: 'amount', accepts: ALL }, { name: 'weights', accepts: ['object'] }, OPTIONS], options: { at: 2, bad } };
    if (fn === 'interpolatePath') return { fn, call: call(api[fn]), args: [{ 2023: '374', 2027: '1000' }, { from: 2023, to: 2029 }, {}], params: [{ name: 'known', accepts: ['object'] }, { name: 'years' }, OPTIONS], options: { at: 2, bad } };
    return { fn, call: call(api[fn]), args: [{ 2027: '1', 2028: '2' }], params: [{ name: 'path', accepts: ['object'] }] };
  }),
  {
    fn: 'loadMunicipality',
    call: call(api.loadMunicipality),
    args: [municipalityDocument, {}],
    // the document is data: a bad one is refused with the loader's codes
    params: [{ name: 'input', accepts: ALL }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('totals', 'errors'), ...NUMBERS('maxDepth', 0, -1, 1e6), ...NUMBERS('maxLength', 0, -1)] },
  },
  {
    fn: 'evaluateMunicipality',
    call: call(api.evaluateMunicipality),
    args: [municipality, {}],
    params: [{ name: 'municipality' }, OPTIONS],
    options: { at: 1, bad: NUMBERS('incidentalThreshold', -1, 1000) },
  },
  {
    fn: 'applyMunicipalScenario',
    call: call(api.applyMunicipalScenario),
    args: [municipality, 'p', scenario, undefined, {}],
    // a programme the municipality does not have is unknown_reference at programme
    params: [{ name: 'municipality' }, { name: 'programme', accepts: ['text'] }, { name: 'scenario', accepts: ['object'] }, { name: 'library', accepts: ['undefined', 'object', 'array'] }, OPTIONS],
    options: { at: 4, bad: [...CHOICE('conflicts'), ...NUMBERS('incidentalThreshold', -1, 1000)] },
  },
  { fn: 'reserveMutations', call: call(api.reserveMutations), args: [full, coverEvaluation], params: [{ name: 'budget' }, { name: 'cover' }] },
  {
    fn: 'reserveSummaryTable',
    call: call(api.reserveSummaryTable),
    args: [full, {}],
    params: [{ name: 'budget' }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...OBJECTS('evaluation'), ...OBJECTS('cover')] },
  },
  {
    fn: 'structuralBalanceTable',
    call: call(api.structuralBalanceTable),
    args: [full, balance, 'T'],
    params: [{ name: 'budget' }, { name: 'balance' }, { name: 'title', accepts: ['undefined', 'text'] }, { name: 'labels', accepts: ['undefined'] }],
  },
  {
    fn: 'loadScenario',
    call: call(api.loadScenario),
    args: [scenario, {}],
    // the scenario itself is data (a document or its text): refused as a document
    params: [{ name: 'input', accepts: ['undefined', 'null', 'number', 'text', 'object', 'array'] }, OPTIONS],
    options: { at: 1, bad: [...NUMBERS('maxLength', 0), ...NUMBERS('maxDepth', 0, 1e6), ...OBJECTS('budget'), ...[42, 'x', null, [42]].map((value) => ({ option: 'library', value }))] },
  },
  {
    fn: 'checkScenarioShape',
    call: call(api.checkScenarioShape),
    args: [scenario, new IssueCollector(), []],
    params: [{ name: 'raw', accepts: ['undefined', 'null', 'number', 'text', 'object', 'array'] }, { name: 'collector' }, { name: 'prefix', accepts: ['undefined', 'array'] }],
  },
  {
    fn: 'applyScenario',
    call: call(api.applyScenario),
    args: [full, scenario, undefined, {}],
    params: [{ name: 'budget' }, { name: 'scenario', accepts: ['object'] }, { name: 'library', accepts: ['undefined', 'object', 'array'] }, OPTIONS],
    options: { at: 3, bad: CHOICE('conflicts') },
  },
  {
    fn: 'explain',
    call: call(api.explain),
    args: [full, scenario, { line: 'cost', year: 2028 }, undefined, {}],
    params: [
      { name: 'baseline' },
      { name: 'scenario', accepts: ['object'] },
      { name: 'at', other: { object: ['invalid_argument', 'at.line'] } },
      { name: 'library', accepts: ['undefined', 'object', 'array'] },
      OPTIONS,
    ],
    options: { at: 4, bad: CHOICE('conflicts') },
  },
  { fn: 'compareScenarios', call: call(api.compareScenarios), args: [full, result], params: [{ name: 'a' }, { name: 'b' }] },
  ...(['goalSeek', 'goalSeekPerYear'] as const).map(
    (fn): Row => ({
      fn,
      call: call(api[fn]),
      args: [full, { input: { kind: 'measure-rate', target: 'ta' }, outcome: { kind: 'target-gap', target: 'ta' }, years: [2026, 2027] }],
      // a spec is data: an empty one is refused for its missing input and outcome
      params: [{ name: 'budget' }, { name: 'spec', accepts: ['object'] }],
      options: {
        at: 1,
        param: 'spec',
        bad: [
          ...CHOICE('method', 'Bisection', 'linear'),
          ...['x', '0', '-1', '0.0000001', NaN, Infinity, null, {}, []].map((value) => ({ option: 'step', value })),
          ...[42, 'x', null, [], { low: 'x' }, { high: NaN }, { low: '0.9', high: '0.1' }, { low: '-1' }].map((value) => ({ option: 'bounds', value })),
          ...[0, 3000, 'x', null, {}, [], { from: 2027, to: 2026 }, [2026.5]].map((value) => ({ option: 'years', value })),
          ...[42, 'x', null, [], {}, { kind: 'tariff' }, { kind: 'measure-rate', target: 'ta', measures: [] }, { kind: 'line-amount', line: 42 }].map((value) => ({ option: 'input', value })),
          ...[42, 'x', null, [], {}, { kind: 'ratio' }, { kind: 'target-gap', target: 42 }, { kind: 'saldo', atLeast: 'x' }, { kind: 'weerstandsratio', register: 42 }].map((value) => ({ option: 'outcome', value })),
        ],
      },
    }),
  ),
  {
    fn: 'versionSeries',
    call: call(api.versionSeries),
    args: [[{ name: 'A', kind: 'begroting', budget: full }, { name: 'B', kind: 'tb1', budget: base }], {}],
    params: [{ name: 'versions', accepts: ['array'] }, OPTIONS],
    options: { at: 1, bad: FLAGS('matchTitles') },
  },
  { fn: 'compareActuals', call: call(api.compareActuals), args: [full, ACTUALS], params: [{ name: 'budget' }, ACTUALS_PARAM] },
  {
    fn: 'forecast',
    call: call(api.forecast),
    args: [full, ACTUALS, {}],
    params: [{ name: 'budget' }, ACTUALS_PARAM, OPTIONS],
    options: { at: 2, bad: [...NUMBERS('from', 1800), ...NUMBERS('to', 2300)] },
  },
  {
    fn: 'budgetCourse',
    call: call(api.budgetCourse),
    args: [api.versionSeries([{ name: 'A', kind: 'begroting', budget: full }]), ACTUALS],
    params: [{ name: 'series' }, { ...ACTUALS_PARAM, accepts: ['undefined'] }],
  },
  {
    fn: 'explainVersions',
    call: call(api.explainVersions),
    args: [[{ name: 'A', kind: 'begroting', budget: full }, { name: 'B', kind: 'tb1', budget: base }], { total: true, year: 2028 }, {}],
    params: [{ name: 'versions', accepts: ['array'] }, { name: 'at', other: { object: ['invalid_argument', 'at.line'] } }, OPTIONS],
    options: { at: 2, bad: FLAGS('matchTitles') },
  },
  {
    fn: 'loadVersion',
    call: call(api.loadVersion),
    args: [{ format: 'meerjaren/version', version: 1, name: 'A', kind: 'begroting', budget: api.toDocument(base) }, {}],
    // the document is data: a bad one is refused with the loader's codes
    params: [{ name: 'input', accepts: ALL }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('totals', 'errors'), ...NUMBERS('maxDepth', 0, -1, 1e6), ...NUMBERS('maxLength', 0, -1), ...OBJECTS('previous'), { option: 'previous', value: {} }] },
  },
  {
    fn: 'compareVersions',
    call: call(api.compareVersions),
    args: [full, result, {}],
    params: [{ name: 'a' }, { name: 'b' }, OPTIONS],
    options: { at: 2, bad: [...OBJECTS('idMap'), ...FLAGS('matchTitles')] },
  },
  {
    fn: 'begrotingswijziging',
    call: call(api.begrotingswijziging),
    args: [full, scenario, {}],
    params: [{ name: 'a' }, { name: 'b' }, OPTIONS],
    options: { at: 2, bad: [{ option: 'library', value: 42 }, { option: 'library', value: 'x' }, ...FLAGS('technical'), ...TEXTS('title'), ...OBJECTS('idMap')] },
  },
  {
    fn: 'rebaseScenario',
    call: call(api.rebaseScenario),
    args: [scenario, full, full, {}],
    params: [{ name: 'scenario', accepts: ['object'] }, { name: 'from' }, { name: 'to' }, OPTIONS],
    options: { at: 3, bad: [...OBJECTS('idMap'), ...FLAGS('matchTitles'), ...OBJECTS('decisions'), { option: 'decisions', value: { 'changes[0]': 'bogus' } }, ...CHOICE('stale', 'keep'), ...CHOICE('gone', 'keep-relative'), ...FLAGS('partial')] },
  },
  {
    fn: 'attributeDifference',
    call: call(api.attributeDifference),
    args: [full, scenario, undefined, {}],
    params: [{ name: 'baseline' }, { name: 'scenario', accepts: ['object'] }, { name: 'library', accepts: ['undefined', 'object', 'array'] }, OPTIONS],
    options: { at: 3, bad: [...CHOICE('conflicts'), ...NUMBERS('exactLimit', -1, 64), ...NUMBERS('samples', 0, 1e9), ...NUMBERS('seed')] },
  },
  {
    fn: 'allocateExactly',
    call: call(api.allocateExactly),
    args: [[new Dec(1), new Dec(2)], new Dec(3), ['a', 'b']],
    params: [{ name: 'shares', other: { array: ['invalid_argument', 'keys'] } }, { name: 'total' }, { name: 'keys', accepts: ['undefined'] }],
  },
  {
    fn: 'scenarioTable',
    call: call(api.scenarioTable),
    args: [[full, result], {}],
    params: [{ name: 'items', accepts: ['array'] }, OPTIONS],
    options: { at: 1, bad: [...TEXTS('title'), ...LISTS('measures'), { option: 'measures', value: ['bogus'] }, ...FLAGS('differences'), ...LISTS('labels'), { option: 'sections', value: 'all' }] },
  },
  {
    fn: 'compileBudget',
    call: call(api.compileBudget),
    args: [full, {}],
    params: [{ name: 'budget' }, OPTIONS],
    options: { at: 1, bad: [...NUMBERS('minDecimals', -1, 7), ...CHOICE('arithmetic'), ...CHOICE('rounding')] },
  },
  { fn: 'createEngine', call: call(api.createEngine), args: [compileBudget(full)], params: [{ name: 'compiled' }] },
  { fn: 'Engine', call: (compiled) => new api.Engine(compiled as never), args: [compileBudget(full)], params: [{ name: 'compiled' }] },
  {
    fn: 'createRandom',
    call: call(api.createRandom),
    args: [1],
    params: [{ name: 'seed', accepts: ['number', 'text'], code: 'invalid_seed' }],
  },
  {
    fn: 'randomForDraw',
    call: call(api.randomForDraw),
    args: [1, 0, 0],
    params: [
      { name: 'seed', accepts: ['number', 'text'], code: 'invalid_seed' },
      { name: 'drawIndex', accepts: ['number'], code: 'invalid_value' },
      { name: 'streamIndex', accepts: ['undefined', 'number'], code: 'invalid_value' },
    ],
  },
  {
    fn: 'compileDistribution',
    call: call(api.compileDistribution),
    args: [{ kind: 'fixed', value: '1' }, {}],
    params: [{ name: 'spec', other: { object: ['invalid_distribution', 'kind'] } }, OPTIONS],
    options: { at: 1, bad: [...CHOICE('unit'), ...CHOICE('roundTo'), ...[42, 'x', {}, [1.5]].map((value) => ({ option: 'path', value }))] },
  },
  {
    fn: 'validateDistribution',
    call: call(api.validateDistribution),
    args: [{ kind: 'fixed', value: '1' }, [], {}],
    // the spec is what it validates: a bad spec is a list of issues, not an exception
    params: [{ name: 'spec', accepts: ['undefined', 'null', 'number', 'text', 'object', 'array'] }, { name: 'path', accepts: ['undefined', 'array'] }, OPTIONS],
    options: { at: 2, bad: CHOICE('unit') },
  },
  {
    fn: 'percentile',
    call: call(api.percentile),
    args: [[1, 2, 3], 50],
    params: [{ name: 'sortedValues', other: { array: ['invalid_value', 'sortedValues'] } }, { name: 'p', accepts: ['number'], code: 'invalid_value' }],
  },
  {
    fn: 'summarise',
    call: call(api.summarise),
    args: [Float64Array.of(1, 2), [50]],
    params: [{ name: 'values', other: { array: ['invalid_value', 'values'] } }, { name: 'percentiles', accepts: ['undefined', 'array'] }],
  },
  { fn: 'probability', call: call(api.probability), args: [1, 2], params: [{ name: 'count', code: 'invalid_value' }, { name: 'n', accepts: ['number'], code: 'invalid_value' }] },
  {
    fn: 'monteCarlo',
    call: call(api.monteCarlo),
    args: [full, mc],
    params: [{ name: 'budget' }, { name: 'options', other: { object: ['invalid_option', 'options.inputs'] } }],
    options: { at: 1, bad: MC_BAD },
  },
  {
    fn: 'monteCarloAsync',
    call: call(parallel.monteCarloAsync),
    args: [full, mc],
    params: [{ name: 'budget' }, { name: 'options', other: { object: ['invalid_option', 'options.inputs'] } }],
    options: { at: 1, bad: [...MC_BAD, ...NUMBERS('workers', 0, 1e6), ...NUMBERS('parallelThreshold', -1), ...OBJECTS('pool'), { option: 'pool', value: {} }] },
  },
  {
    fn: 'compareMonteCarlo',
    call: call(api.compareMonteCarlo),
    args: [full, [{ id: 'v', scenario }], mc],
    params: [{ name: 'baseline' }, { name: 'variants', accepts: ['array'] }, { name: 'options', other: { object: ['invalid_option', 'options.inputs'] } }],
    options: { at: 2, bad: MC_BAD },
  },
  {
    fn: 'WorkerPool',
    // a valid size with a missing entry file: nothing starts, the refusal names the build
    call: (size, entry) => new parallel.WorkerPool(size as number, entry as string),
    args: [1, '/nonexistent/worker.js'],
    params: [
      { name: 'size', other: { number: ['worker_unavailable', 'workers'] } },
      // undefined is the built worker (dist/worker.js): a pool starts when the package is built
      { name: 'entry', accepts: ['undefined'], other: { text: ['worker_unavailable', 'workers'] } },
    ],
  },
  {
    fn: 'tornado',
    call: call(api.tornado),
    args: [full, { inputs, year: 2028 }],
    params: [{ name: 'budget' }, { name: 'options', other: { object: ['invalid_option', 'options.inputs'] } }],
    options: { at: 1, bad: [...NUMBERS('year', 1000, 3000), ...CHOICE('measure'), { option: 'measure', value: { target: 1 } }, ...LISTS('targets'), ...CHOICE('rounding'), ...LISTS('inputs'), ...CHOICE('unit', 'euros', 'mln')] },
  },
  { fn: 'distributionPoints', call: call(api.distributionPoints), args: [{ kind: 'fixed', value: '1' }], params: [{ name: 'spec', other: { object: ['invalid_distribution', 'spec.kind'] } }] },
  {
    fn: 'inputsFromRanges',
    call: call(api.inputsFromRanges),
    args: [result.ranges, {}],
    params: [{ name: 'ranges', accepts: ['array'] }, OPTIONS],
    options: { at: 1, bad: CHOICE('distribution') },
  },
  { fn: 'closeWorkerPools', call: call(parallel.closeWorkerPools), args: [], params: [] },
];

/** The functions of meerjaren/testing: their option objects and arguments. */
const ARB_BAD: OptionCase[] = [
  ...NUMBERS('maxYears', 0, 51),
  ...NUMBERS('maxSections', -1, 1e6),
  ...NUMBERS('maxLines', -1, 1e6),
  ...NUMBERS('maxComponents', -1, 1e6),
  ...LISTS('units'),
  { option: 'units', value: [] },
  ...LISTS('signs'),
  ...LISTS('numberFormats'),
  ...FLAGS('pm'),
  ...FLAGS('subtotals'),
  ...FLAGS('printedTotals'),
  ...[0n, -1n, 10n ** 40n, 5, NaN].map((value) => ({ option: 'maxMicros', value })),
];
const TESTING_ROWS: readonly Row[] = [
  { fn: 'microsToPlain', call: call(testing.microsToPlain), args: [1n, 'euro'], params: [{ name: 'micros' }, { name: 'unit', accepts: ['undefined'] }] },
  { fn: 'plainToMicros', call: call(testing.plainToMicros), args: ['1.5'], params: [{ name: 'text' }] },
  { fn: 'formatPlainAmount', call: call(testing.formatPlainAmount), args: ['1.5', 'nl', false], params: [{ name: 'plain', accepts: ['text'] }, { name: 'format', accepts: ['undefined'] }, { name: 'grouped', accepts: ['undefined'] }] },
  { fn: 'microsArb', call: call(testing.microsArb), args: [10n], params: [{ name: 'maxMicros', accepts: ['undefined'] }] },
  {
    fn: 'amountStringArb',
    call: call(testing.amountStringArb),
    args: [{}],
    params: [OPTIONS],
    options: { at: 0, bad: [...CHOICE('unit'), ...CHOICE('format'), { option: 'maxMicros', value: 0n }, { option: 'maxMicros', value: 5 }] },
  },
  { fn: 'badAmountArb', call: call(testing.badAmountArb), args: [], params: [] },
  { fn: 'budgetSampleArb', call: call(testing.budgetSampleArb), args: [{}], params: [OPTIONS], options: { at: 0, bad: ARB_BAD } },
  { fn: 'budgetDocumentArb', call: call(testing.budgetDocumentArb), args: [{}], params: [OPTIONS], options: { at: 0, bad: ARB_BAD } },
  { fn: 'budgetArb', call: call(testing.budgetArb), args: [{}], params: [OPTIONS], options: { at: 0, bad: ARB_BAD } },
  { fn: 'idArb', call: call(testing.idArb), args: [], params: [] },
  { fn: 'uniqueIdsArb', call: call(testing.uniqueIdsArb), args: [3], params: [{ name: 'count', accepts: ['number'] }] },
  ...(['scenarioChangesArb', 'scenarioArb', 'stackedScenarioArb'] as const).map(
    (fn): Row => ({
      fn,
      call: call(testing[fn]),
      args: [full, {}],
      params: [{ name: 'budget' }, OPTIONS],
      options: { at: 1, bad: [...NUMBERS('maxChanges', -1, 1001), ...FLAGS('index'), ...FLAGS('add'), ...FLAGS('dependent'), ...FLAGS('fractional'), ...FLAGS('extremes')] },
    }),
  ),
  ...(['withCoverArb', 'coverChangesArb', 'coverScenarioArb'] as const).map((fn): Row => ({ fn, call: call(testing[fn]), args: [full], params: [{ name: 'budget' }] })),
  { fn: 'versionSeriesArb', call: call(testing.versionSeriesArb), args: [{}], params: [OPTIONS], options: { at: 0, bad: [...NUMBERS('maxSteps', -1, 21), ...FLAGS('omitBudgets'), ...OBJECTS('budget')] } },
  { fn: 'actualsArb', call: call(testing.actualsArb), args: [full, {}], params: [{ name: 'budget' }, OPTIONS], options: { at: 1, bad: [...FLAGS('outside'), ...FLAGS('missing')] } },
  { fn: 'budgetWithCoverArb', call: call(testing.budgetWithCoverArb), args: [{}], params: [OPTIONS], options: { at: 0, bad: ARB_BAD } },
  ...(['municipalityArb', 'municipalityDocumentArb'] as const).map(
    (fn): Row => ({ fn, call: call(testing[fn]), args: [{}], params: [OPTIONS], options: { at: 0, bad: [...NUMBERS('maxYears', 0, 21), ...NUMBERS('maxProgrammes', 0, 21), ...FLAGS('pm')] } }),
  ),
  {
    fn: 'driversArb',
    call: call(testing.driversArb),
    args: [['r'], { from: 2026, to: 2029 }, {}],
    params: [{ name: 'rows', accepts: ['array'] }, { name: 'years' }, OPTIONS],
    options: { at: 2, bad: [...NUMBERS('maxIndicators', 0, 21), ...NUMBERS('maxParameters', -1, 21), ...CHOICE('numberFormat', 'NL')] },
  },
  {
    fn: 'budgetWithDriversArb',
    call: call(testing.budgetWithDriversArb),
    args: [{}],
    params: [OPTIONS],
    options: { at: 0, bad: [...OBJECTS('budget'), ...OBJECTS('drivers'), ...NUMBERS('maxDrivenLines', 0, 100)] },
  },
  { fn: 'driverTermText', call: call(testing.driverTermText), args: [{ kind: 'name', name: 'a' }, ' '], params: [{ name: 'term' }, { name: 'space', accepts: ['undefined', 'text'] }] },
  {
    fn: 'riskRegisterArb',
    call: call(testing.riskRegisterArb),
    args: [{}],
    params: [OPTIONS],
    options: {
      at: 0,
      bad: [
        ...NUMBERS('maxRisks', -1, 101),
        ...NUMBERS('maxParts', -1, 21),
        ...LISTS('units'),
        { option: 'units', value: [] },
        ...LISTS('numberFormats'),
        ...FLAGS('distributions'),
        ...FLAGS('perYear'),
        ...NUMBERS('from', 1000, 3000),
        ...NUMBERS('years', 0, 51),
        ...[0n, -1n, 10n ** 40n, 5, NaN].map((value) => ({ option: 'maxMicros', value })),
      ],
    },
  },
  { fn: 'isSamplePm', call: call(testing.isSamplePm), args: [1n], params: [{ name: 'cell', accepts: ['undefined', 'null', 'number', 'text', 'object', 'array'] }] },
];

describe('the evaluation side of the public API, called from plain JavaScript', () => {
  it('has a row for every function src/index.ts and src/parallel.ts export from these modules, and for every function of meerjaren/testing', () => {
    const exported = evaluationExports({ ...api, ...parallel });
    expect(exported.length).toBeGreaterThan(40);
    expect([...exported].sort()).toEqual(ROWS.map((r) => r.fn).sort());
    const testingFunctions = Object.entries(testing).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(testingFunctions.sort()).toEqual(TESTING_ROWS.map((r) => r.fn).sort());
  });

});

// a WorkerPool on a missing build says so; everything else runs
describeRows([...ROWS, ...TESTING_ROWS], { valid: (row) => (row.fn === 'WorkerPool' ? ['worker_unavailable workers'] : []) });

describe('the boundary, property by property', () => {
  it('a hand copy of a budget is validated and used; a budget whose amounts are texts is refused at its name', () => {
    expect(api.evaluate({ ...base }).total['2026']!.amount.toFixed()).toBe(evaluate(base).total['2026']!.amount.toFixed());
    expect(codesAndPaths(catchOf(() => api.evaluate(JSON.parse(JSON.stringify(base)) as Budget)) as MeerjarenError)).toEqual(['invalid_argument budget']);
    expect(codesAndPaths(catchOf(() => api.allocateExactly([], new Dec(3))) as MeerjarenError)).toEqual(['invalid_weights shares']);
  });

  const runs = { numRuns: process.env.MEERJAREN_DEEP ? 2000 : 200 };
  const anyValue = fc.oneof(fc.anything(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e9, 2 ** 53, -1, 0.5));

  it('any value of any option of a Monte Carlo run is run or refused with a code at options.<name>, never a TypeError', () => {
    // not draws: a valid large number of draws would run them all (the table checks draws)
    const names = ['seed', 'percentiles', 'targets', 'rounding', 'unit', 'savings', 'cover', 'net', 'inputs', 'correlation'];
    fc.assert(
      fc.property(fc.constantFrom(...names), anyValue, (option, value) => {
        let error: unknown;
        try {
          api.monteCarlo(full, { ...mc, [option]: value } as never);
        } catch (e) {
          error = e;
        }
        if (error === undefined) return;
        expect(MeerjarenError.is(error)).toBe(true);
        const issues = (error as MeerjarenError).issues;
        expect(issues.every((i) => i.path.startsWith(`options.${option}`) || i.path.startsWith(option))).toBe(true);
      }),
      runs,
    );
  });

  it('any value as a budget argument is a budget or invalid_argument at its name', () => {
    const fns: readonly [string, (v: unknown) => unknown][] = [
      ['evaluate', (v) => api.evaluate(v as Budget)],
      ['structuralBalance', (v) => api.structuralBalance(v as Budget)],
      ['compileBudget', (v) => api.compileBudget(v as Budget)],
      ['applyScenario', (v) => api.applyScenario(v as Budget, scenario)],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fns), fc.oneof(fc.anything(), fc.constant({ ...base }), fc.constant(JSON.parse(JSON.stringify(base)) as unknown)), ([, run], value) => {
        try {
          run(value);
        } catch (e) {
          expect(MeerjarenError.is(e)).toBe(true);
          expect((e as MeerjarenError).issues.some((i) => i.code === 'invalid_argument' && i.path === 'budget')).toBe(true);
        }
      }),
      runs,
    );
  });

  it('a structuralBalance threshold is a whole number from 0 to 50, nothing else', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const ok = typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 50;
        let error: unknown;
        try {
          const b = api.structuralBalance(full, { incidentalThreshold: value as number });
          expect(b.incidentalThreshold).toBe(value);
        } catch (e) {
          error = e;
        }
        if (value === undefined) return;
        if (ok) expect(error).toBeUndefined();
        else expect(codesAndPaths(error as MeerjarenError)).toEqual(['invalid_option options.incidentalThreshold']);
      }),
      runs,
    );
  });
});

describe('checkScenarioShape limits', () => {
  const scenario = { id: 's', title: 'S', changes: [] };
  it('takes whole numbers from 1 and Infinity (no limit), and refuses NaN, 0, 1.5 and unknown limits at limits.<name>', async () => {
    for (const name of ['maxDepth', 'maxValues', 'maxTextLength']) {
      expect(await refusalOf(() => api.checkScenarioShape(scenario, new IssueCollector(), [], { [name]: 5 }))).toBeUndefined();
      expect(await refusalOf(() => api.checkScenarioShape(scenario, new IssueCollector(), [], { [name]: Infinity }))).toBeUndefined();
      for (const value of [NaN, 0, 1.5, -Infinity, '5']) {
        const error = await refusalOf(() => api.checkScenarioShape(scenario, new IssueCollector(), [], { [name]: value } as never));
        expect(error?.issues.map((i) => `${i.code} ${i.path}`)).toEqual([`invalid_option limits.${name}`]);
      }
    }
    const error = await refusalOf(() => api.checkScenarioShape(scenario, new IssueCollector(), [], { maxdepth: 5 } as never));
    expect(error?.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_option limits.maxdepth']);
  });
});
