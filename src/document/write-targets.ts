import { Dec, plainString, type Decimal } from '../core/decimal.js';
import { isPm, unitFactor, type Budget, type Cell, type Unit } from '../model/budget.js';
import type { AmountsDocument, MeasureDocument, RealisationDocument, ReferencePathDocument, SavingsTargetDocument } from './format.js';
import type { Measure, Realisation, ReferencePath, SavingsAmounts, SavingsTarget } from '../model/savings.js';
import { isObjectLike, requireArgument } from '../core/guard.js';
import { PRESENTED } from './field-checks.js';

/**
 * Writes savings targets (taakstellingen) back in the document format that `readTargets` reads: a list in
 * key order, each target's amounts as plain decimal strings in its own unit (euros divided by the unit factor, no
 * exponent notation, never `-0`), pm years as `"pm"`; `unit` is written when it is not the budget's. Reading the result against the same
 * budget gives targets equal to `targets`.
 *
 * @remarks
 * Reference paths and measures are written in their target's unit. Defaults are left out (`"as-planned"`, no
 * references, no line). A realisation above its plan is written with `"abovePlan": true`, which the reader
 * requires for it.
 *
 * @param targets - the targets, as on `Budget.targets`
 * @param budget - the budget they belong to (its unit is the default unit of a target)
 * @returns the `targets` value of a budget document
 * @example
 * ```ts
 * import { budget, targetsToDocument, withTargets } from 'meerjaren';
 *
 * const table = budget({ title: 'Jeugd', unit: 'million', horizon: { from: 2025, to: 2027 } })
 *   .section('4', 'Bezuinigingen')
 *   .line('HA', 'Taakstelling Hervormingsagenda (stelpost)', ['3', '7', '8'], { nature: 'structural' })
 *   .build();
 * const ha = withTargets(table, [{ id: 'ha', title: 'Taakstelling Hervormingsagenda Jeugd', line: 'HA', path: { 2025: '3', 2026: '7', 2027: '8' }, measures: [] }]);
 * targetsToDocument(ha.targets!, ha); // [{ id: "ha", ..., path: { 2025: "3", 2026: "7", 2027: "8" } }]: in the table's unit (x € 1 mln)
 * ```
 * @category Savings
 */
export function targetsToDocument(targets: Readonly<Record<string, SavingsTarget>>, budget: Pick<Budget, 'presentation'>): SavingsTargetDocument[] {
  requireArgument('targetsToDocument', 'targets', targets, (value, path, collector) => {
    if (!isObjectLike(value) || Object.values(value).some((t) => !isObjectLike(t))) collector.add('invalid_option', path, 'targets must be the targets of a budget (Budget.targets: an object of targets by id)');
  });
  requireArgument('targetsToDocument', 'budget', budget, PRESENTED);
  return Object.values(targets).map((t) => targetToDocument(t, budget.presentation.unit));
}

type Write = (value: Decimal) => string;

function targetToDocument(target: SavingsTarget, defaultUnit: Unit): SavingsTargetDocument {
  const factor = new Dec(unitFactor(target.unit));
  const amount = (value: Decimal): string => plainString(value.div(factor));
  const measures = Object.values(target.measures).map((m) => measureToDocument(m, amount));
  const references = target.references.map((r) => referenceToDocument(r, amount));
  return {
    id: target.id,
    title: target.title,
    ...(target.unit === defaultUnit ? {} : { unit: target.unit }),
    path: cells(target.path, amount),
    ...(measures.length > 0 ? { measures } : {}),
    ...(references.length > 0 ? { references } : {}),
    ...(target.line === undefined ? {} : { line: target.line }),
  };
}

function cells(values: Readonly<Record<string, Cell>>, amount: Write): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([year, c]) => [year, isPm(c) ? 'pm' : amount(c)]));
}

function amountsOf(values: SavingsAmounts, amount: Write): AmountsDocument {
  return Object.fromEntries(Object.entries(values).map(([year, v]) => [year, amount(v)]));
}

function referenceToDocument(reference: ReferencePath, amount: Write): ReferencePathDocument {
  return {
    title: reference.title,
    path: cells(reference.path, amount),
    ...(reference.localShare === undefined ? {} : { localShare: amountsOf(reference.localShare, amount) }),
  };
}

function measureToDocument(measure: Measure, amount: Write): MeasureDocument {
  const realisation = realisationToDocument(measure.realisation, measure.planned, amount);
  return {
    id: measure.id,
    title: measure.title,
    planned: amountsOf(measure.planned, amount),
    status: measure.status,
    ...(realisation === undefined ? {} : { realisation }),
    ...(measure.line === undefined ? {} : { line: measure.line }),
    ...(measure.costs === undefined ? {} : { costs: measure.costs.map((c) => ({ kind: c.kind, ...(c.title === undefined ? {} : { title: c.title }), amounts: amountsOf(c.amounts, amount) })) }),
  };
}

function realisationToDocument(r: Realisation, planned: SavingsAmounts, amount: Write): RealisationDocument | undefined {
  const above = (flag: boolean | undefined, over: boolean): { abovePlan?: true } => (flag === true || over ? { abovePlan: true } : {});
  switch (r.kind) {
    case 'as-planned':
      return undefined;
    case 'none':
      return 'none';
    case 'rate':
      return { rate: plainString(r.rate), ...above(r.abovePlan, r.rate.gt(1)) };
    case 'amount': {
      const over = Object.entries(r.values).some(([year, v]) => v.gt(planned[year] ?? 0));
      return { amount: amountsOf(r.values, amount), ...above(r.abovePlan, over) };
    }
    case 'delay':
      return r.rate === undefined ? { delay: r.years } : { delay: r.years, rate: plainString(r.rate), ...above(undefined, r.rate.gt(1)) };
  }
}
