/**
 * The tables of a whole municipality (de hele gemeente): the overview of the begrotingssaldo (each programme's saldo,
 * the OAD, overhead, vennootschapsbelasting, onvoorzien, the reserve mutations) and its structural balance. Rows name
 * what they sum (`of`), so the rounded figures add up as every table of the library does.
 * @module
 */
import { noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { objectWith, oneOf, readOptions, requireArgument, text } from '../core/guard.js';
import type { Municipality } from '../model/municipality.js';
import type { MunicipalityEvaluation, PartFigure } from '../evaluate/municipality.js';
import type { MunicipalScenarioResult } from '../evaluate/municipal-scenario.js';
import { requireMunicipality } from '../validate/municipality.js';
import { LABEL_LANGUAGES, type LabelLanguage } from './presentation.js';
import type { Table, TableCell, TableColumn, TableRow } from './table.js';

/** Options of {@link municipalityTable} and {@link municipalBalanceTable}. @category Reports */
export interface MunicipalityTableOptions {
  /** Title; default "Begrotingssaldo <title of the municipality>" or "Structureel begrotingssaldo". */
  readonly title?: string;
  /** Language of the labels: `nl` or `en`. @defaultValue 'nl' */
  readonly labels?: LabelLanguage;
}

const WORDS = {
  nl: {
    programme: 'Programma',
    oad: 'Algemene dekkingsmiddelen',
    overhead: 'Overhead',
    vpb: 'Vennootschapsbelasting',
    onvoorzien: 'Onvoorzien',
    saldoBatenLasten: 'Saldo van baten en lasten',
    programmeReserves: 'Mutaties reserves programma',
    reserves: 'Mutaties reserves overig',
    reserveMutations: 'Mutaties reserves',
    begrotingssaldo: 'Begrotingssaldo',
    structural: 'Structureel begrotingssaldo',
    income: 'Incidentele baten',
    expenses: 'Incidentele lasten',
    incidental: 'Incidenteel saldo',
  },
  en: {
    programme: 'Programme',
    oad: 'General cover (OAD)',
    overhead: 'Overhead',
    vpb: 'Corporate income tax',
    onvoorzien: 'Contingencies',
    saldoBatenLasten: 'Balance of income and expenses',
    programmeReserves: 'Reserve mutations programme',
    reserves: 'Other reserve mutations',
    reserveMutations: 'Reserve mutations',
    begrotingssaldo: 'Budget balance',
    structural: 'Structural budget balance',
    income: 'Incidental income',
    expenses: 'Incidental expenses',
    incidental: 'Incidental balance',
  },
} as const;

/** The arguments of both tables, checked. */
function readArguments(fn: string, municipality: unknown, evaluation: unknown, options: MunicipalityTableOptions): { m: Municipality; e: MunicipalityEvaluation; words: (typeof WORDS)[LabelLanguage]; title: string | undefined } {
  const m = requireMunicipality(fn, 'municipality', municipality);
  requireArgument(fn, 'evaluation', evaluation, objectWith(['years', 'perYear', 'verdict', 'oadClaims'], 'an evaluation from evaluateMunicipality()'));
  options = readOptions(fn, options, { title: text(), labels: oneOf(LABEL_LANGUAGES) });
  return { m, e: evaluation as MunicipalityEvaluation, words: WORDS[options.labels ?? 'nl'], title: options.title };
}

/** The year columns of the municipality, with its column groups. */
function columnsOf(m: Municipality, years: readonly number[]): TableColumn[] {
  return years.map((year) => {
    const group = m.horizon.groups.find((g) => year >= g.from && year <= g.to)?.label;
    return group === undefined || group === '' ? { key: String(year), label: String(year) } : { key: String(year), label: String(year), group };
  });
}

/** A row of cells, one a year. */
function cells(e: MunicipalityEvaluation, pick: (y: MunicipalityEvaluation['perYear'][string]) => { amount: Decimal; pm: boolean } | undefined): TableCell[] {
  return e.years.map((year) => {
    const y = e.perYear[year];
    const v = y === undefined ? undefined : pick(y);
    return v === undefined ? { amount: undefined, pm: false } : { amount: noNegativeZero(v.amount), pm: v.pm };
  });
}

const of = (f: PartFigure | undefined): { amount: Decimal; pm: boolean } | undefined => (f === undefined ? undefined : { amount: f.amount, pm: f.pm.length > 0 });

/** The label of a programme row: "Programma 2 Samen leven en ondersteunen" (a title that names the programme itself is kept). */
function programmeLabel(word: string, id: string, title: string): string {
  return title.toLowerCase().startsWith(word.toLowerCase()) ? title : `${word} ${id} ${title}`;
}

/**
 * The overview of a municipality's begrotingssaldo (overzicht begrotingssaldo): one row per programme (its saldo van
 * baten en lasten), the Algemene dekkingsmiddelen, overhead, vennootschapsbelasting and onvoorzien, their subtotal
 * "Saldo van baten en lasten", the reserve mutations of each programme that has any and the other reserve mutations,
 * their subtotal, and the total "Begrotingssaldo"; a {@link Table} for the shared renderers.
 * @param municipality - the municipality
 * @param evaluation - its evaluation (from `evaluateMunicipality`)
 * @param options - title, labels
 * @example
 * ```ts
 * import { evaluateMunicipality, loadMunicipality, municipalityTable, renderText } from 'meerjaren';
 *
 * const m = loadMunicipality({
 *   format: 'meerjaren/municipality', version: 1, title: 'Gemeente Voorbeeld', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *   programmes: [{ id: '2', title: 'Samen leven', budget: { version: 1, title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *     sections: [{ id: 'A', title: 'Lasten en baten', lines: [{ id: 'saldo', title: 'Saldo', nature: 'structural', values: [-900, -900] }] }] } }],
 *   oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', values: [950, 950] }] },
 * });
 * console.log(renderText(municipalityTable(m, evaluateMunicipality(m))));
 * // Programma 2 Samen leven -900 -900; Algemene dekkingsmiddelen 950 950; ... Begrotingssaldo 50 50 (x € 1.000)
 * ```
 * @category Reports
 */
export function municipalityTable(municipality: Municipality, evaluation: MunicipalityEvaluation, options: MunicipalityTableOptions = {}): Table {
  const { m, e, words, title } = readArguments('municipalityTable', municipality, evaluation, options);
  const rows: TableRow[] = [];
  const parts: string[] = [];
  for (const p of m.programmes) {
    const id = `programma:${p.id}`;
    parts.push(id);
    rows.push({ id, label: programmeLabel(words.programme, p.id, p.title), kind: 'line', depth: 1, cells: cells(e, (y) => of(y.programmes[p.id])) });
  }
  for (const key of ['oad', 'overhead', 'vpb', 'onvoorzien'] as const) {
    parts.push(key);
    rows.push({ id: key, label: words[key], kind: 'line', depth: 1, cells: cells(e, (y) => of(y[key])) });
  }
  const partsPm = (y: MunicipalityEvaluation['perYear'][string]): boolean => Object.values(y.programmes).some((f) => f.pm.length > 0) || [y.oad, y.overhead, y.vpb, y.onvoorzien].some((f) => f.pm.length > 0);
  rows.push({ id: 'saldo-baten-lasten', label: words.saldoBatenLasten, kind: 'subtotal', depth: 0, cells: cells(e, (y) => ({ amount: y.saldoBatenLasten, pm: partsPm(y) })), of: parts });
  const mutations: string[] = [];
  for (const p of m.programmes) {
    if (e.years.every((year) => e.perYear[year]?.programmeReserves[p.id]?.amount.isZero() !== false && (e.perYear[year]?.programmeReserves[p.id]?.pm.length ?? 0) === 0)) continue;
    const id = `reserves:${p.id}`;
    mutations.push(id);
    rows.push({ id, label: `${words.programmeReserves} ${p.id}`, kind: 'line', depth: 1, cells: cells(e, (y) => of(y.programmeReserves[p.id])) });
  }
  mutations.push('reserves');
  rows.push({ id: 'reserves', label: words.reserves, kind: 'line', depth: 1, cells: cells(e, (y) => of(y.reserves)) });
  const mutationPm = (y: MunicipalityEvaluation['perYear'][string]): boolean => y.reserves.pm.length > 0 || Object.values(y.programmeReserves).some((f) => f.pm.length > 0);
  rows.push({ id: 'mutaties-reserves', label: words.reserveMutations, kind: 'subtotal', depth: 0, cells: cells(e, (y) => ({ amount: y.reserveMutations, pm: mutationPm(y) })), of: mutations });
  rows.push({ id: 'begrotingssaldo', label: words.begrotingssaldo, kind: 'total', depth: 0, cells: cells(e, (y) => ({ amount: y.begrotingssaldo, pm: y.pm.length > 0 })), of: ['saldo-baten-lasten', 'mutaties-reserves'] });
  return deepFreeze({ title: title ?? `${words.begrotingssaldo} ${m.title}`, columns: columnsOf(m, e.years), rows });
}

/**
 * The structural balance of a whole municipality (structureel begrotingssaldo van de gemeente): Structureel
 * begrotingssaldo, Incidentele baten, Incidentele lasten, Incidenteel saldo, and Begrotingssaldo as the sum of the
 * structural and the incidental saldo, so that the rounded rows add up; a {@link Table} for the shared renderers.
 * @param municipality - the municipality
 * @param evaluation - its evaluation (from `evaluateMunicipality`)
 * @param options - title, labels
 * @example
 * ```ts
 * import { evaluateMunicipality, loadMunicipality, municipalBalanceTable, renderText } from 'meerjaren';
 *
 * const m = loadMunicipality({
 *   format: 'meerjaren/municipality', version: 1, title: 'Gemeente Voorbeeld', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *   programmes: [{ id: '2', budget: { version: 1, title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *     sections: [{ id: 'A', title: 'Lasten en baten', lines: [{ id: 'saldo', title: 'Saldo', nature: 'structural', values: [-900, -900] }] }] } }],
 *   oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', values: [950, 950] }] },
 *   reserves: [{ id: 'ar', title: 'Onttrekking algemene reserve', nature: 'incidental', values: [100] }],
 * });
 * console.log(renderText(municipalBalanceTable(m, evaluateMunicipality(m))));
 * // Structureel begrotingssaldo 50 50; Incidentele baten 100 0; ... Begrotingssaldo 150 50 (x € 1.000)
 * ```
 * @category Reports
 */
export function municipalBalanceTable(municipality: Municipality, evaluation: MunicipalityEvaluation, options: MunicipalityTableOptions = {}): Table {
  const { m, e, words, title } = readArguments('municipalBalanceTable', municipality, evaluation, options);
  const pm = (y: MunicipalityEvaluation['perYear'][string]): boolean => y.pm.length > 0;
  const rows: TableRow[] = [
    { id: 'structureel', label: words.structural, kind: 'line', depth: 0, cells: cells(e, (y) => ({ amount: y.structural, pm: pm(y) })) },
    { id: 'incidentele-baten', label: words.income, kind: 'line', depth: 1, cells: cells(e, (y) => ({ amount: y.incidentalIncome, pm: false })) },
    { id: 'incidentele-lasten', label: words.expenses, kind: 'line', depth: 1, cells: cells(e, (y) => ({ amount: y.incidentalExpenses, pm: false })) },
    { id: 'incidenteel', label: words.incidental, kind: 'subtotal', depth: 0, cells: cells(e, (y) => ({ amount: y.incidental, pm: false })), of: ['incidentele-baten', 'incidentele-lasten'] },
    { id: 'begrotingssaldo', label: words.begrotingssaldo, kind: 'total', depth: 0, cells: cells(e, (y) => ({ amount: y.begrotingssaldo, pm: pm(y) })), of: ['structureel', 'incidenteel'] },
  ];
  return deepFreeze({ title: title ?? words.structural, columns: columnsOf(m, e.years), rows });
}

const SCENARIO_WORDS = {
  nl: { before: 'uitgangspunt', effect: 'Effect', after: 'na', on: 'op programma', structural: 'Structureel begrotingssaldo', begrotingssaldo: 'Begrotingssaldo' },
  en: { before: 'baseline', effect: 'Effect of', after: 'after', on: 'on programme', structural: 'Structural budget balance', begrotingssaldo: 'Budget balance' },
} as const;

/**
 * A scenario on the whole as a table (scenario op de hele begroting): the begrotingssaldo of the baseline, the
 * scenario's effect and the begrotingssaldo after it, then the same for the structural saldo. Each "after" row is the
 * sum of the two rows above it, so the rounded rows add up; a {@link Table} for the shared renderers.
 * @param result - a result of `applyMunicipalScenario`
 * @param options - title, labels
 * @example
 * ```ts
 * import { applyMunicipalScenario, loadMunicipality, municipalScenarioTable, renderText } from 'meerjaren';
 *
 * const m = loadMunicipality({
 *   format: 'meerjaren/municipality', version: 1, title: 'Gemeente Voorbeeld', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *   programmes: [{ id: '4', title: 'Vrije tijd', budget: { version: 1, title: 'Programma 4', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *     sections: [{ id: 'A', title: 'Lasten en baten', lines: [{ id: 'sub', title: 'Subsidies', nature: 'structural', values: [-100, -100] }] }] } }],
 *   oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', values: [140, 140] }] },
 * });
 * const r = applyMunicipalScenario(m, '4', { id: 'm', title: 'Motie', changes: [{ kind: 'set-amount', line: 'sub', years: { from: 2026 }, value: { add: '-52.45' } }] });
 * console.log(renderText(municipalScenarioTable(r)));
 * // Begrotingssaldo uitgangspunt 40 40; Effect Motie op programma 4 -52 -52; Begrotingssaldo na Motie -12 -12 (x € 1.000)
 * ```
 * @category Reports
 */
export function municipalScenarioTable(result: MunicipalScenarioResult, options: MunicipalityTableOptions = {}): Table {
  requireArgument('municipalScenarioTable', 'result', result, objectWith(['programme', 'municipality', 'before', 'after', 'effect'], 'a result of applyMunicipalScenario()'));
  options = readOptions('municipalScenarioTable', options, { title: text(), labels: oneOf(LABEL_LANGUAGES) });
  const w = SCENARIO_WORDS[options.labels ?? 'nl'];
  const { before, after, effect } = result;
  const pick = (e: MunicipalityEvaluation, f: (y: MunicipalityEvaluation['perYear'][string]) => Decimal): TableCell[] =>
    e.years.map((year) => {
      const y = e.perYear[year];
      return y === undefined ? { amount: undefined, pm: false } : { amount: noNegativeZero(f(y)), pm: y.pm.length > 0 };
    });
  const delta = (f: (d: MunicipalScenarioResult['effect'][string]) => Decimal): TableCell[] =>
    before.years.map((year) => {
      const d = effect[year];
      return d === undefined ? { amount: undefined, pm: false } : { amount: noNegativeZero(f(d)), pm: false };
    });
  const rows: TableRow[] = [
    { id: 'saldo-voor', label: `${w.begrotingssaldo} ${w.before}`, kind: 'line', depth: 0, cells: pick(before, (y) => y.begrotingssaldo) },
    { id: 'saldo-effect', label: `${w.effect} ${result.title} ${w.on} ${result.programme}`, kind: 'line', depth: 1, cells: delta((d) => d.begrotingssaldo) },
    { id: 'saldo-na', label: `${w.begrotingssaldo} ${w.after} ${result.title}`, kind: 'total', depth: 0, cells: pick(after, (y) => y.begrotingssaldo), of: ['saldo-voor', 'saldo-effect'] },
    { id: 'structureel-voor', label: `${w.structural} ${w.before}`, kind: 'line', depth: 0, cells: pick(before, (y) => y.structural) },
    { id: 'structureel-effect', label: `${w.effect} ${result.title}`, kind: 'line', depth: 1, cells: delta((d) => d.structural) },
    { id: 'structureel-na', label: `${w.structural} ${w.after} ${result.title}`, kind: 'total', depth: 0, cells: pick(after, (y) => y.structural), of: ['structureel-voor', 'structureel-effect'] },
  ];
  return deepFreeze({ title: options.title ?? result.municipality.title, columns: columnsOf(result.municipality, before.years), rows });
}
