import { Dec, plainString, type Decimal } from '../core/decimal.js';
import { isPm, unitFactor, type Budget, type Cell, type YearValues } from '../model/budget.js';
import { coverToDocument } from './write-cover.js';
import { targetsToDocument } from './write-targets.js';
import type { Drivers } from '../model/drivers.js';
import type { DriversDocument } from './format-drivers.js';
import { BUDGET_FORMAT, BUDGET_FORMAT_VERSION, type BudgetDocument, type ComponentDocument, type LineDocument, type SectionDocument } from './format.js';

/**
 * Writes a budget back as a JSON document in its source unit and sign convention (the writer behind
 * `toDocument`, which checks its argument first). @internal
 * @param budget - a budget the library admitted
 */
export function writeDocument(budget: Budget): BudgetDocument {
  const factor = new Dec(unitFactor(budget.presentation.unit));
  const negate = budget.presentation.sign === 'nadeel-positive';
  const amount = (value: Decimal): string => plainString(negate ? value.neg().div(factor) : value.div(factor));
  const cell = (c: Cell): string => {
    if (!isPm(c)) return amount(c);
    if (c.direction === undefined) return 'pm';
    return (c.direction === 'voordeel') !== negate ? '+pm' : '-pm';
  };
  const values = (v: YearValues | Readonly<Record<string, Decimal>>): Record<string, string> =>
    Object.fromEntries(Object.entries(v).map(([year, c]) => [year, cell(c)]));
  const sections: SectionDocument[] = budget.sections.map((s) => ({
    id: s.id,
    title: s.title,
    lines: s.lines.map((line): LineDocument => {
      const components: ComponentDocument[] = line.components.map((c, i) => ({
        ...(c.id === `${line.id}#${i + 1}` ? {} : { id: c.id }),
        title: c.title,
        nature: c.nature,
        ...(Object.keys(c.tags).length > 0 ? { tags: c.tags } : {}),
        values: values(c.values),
      }));
      const own = line.row === 'subtotal' ? values(line.expected ?? {}) : values(line.values);
      return {
        id: line.id,
        title: line.title,
        nature: line.nature,
        ...(Object.keys(line.tags).length > 0 ? { tags: line.tags } : {}),
        ...(Object.keys(own).length > 0 || components.length === 0 ? { values: own } : {}),
        ...(line.components.length > 0 ? { row: line.row } : {}),
        ...(components.length > 0 ? { components } : {}),
      };
    }),
    ...(s.expected === undefined ? {} : { expected: values(s.expected) }),
    ...(s.totalLabel === undefined ? {} : { totalLabel: s.totalLabel }),
  }));
  const h = budget.horizon;
  return {
    format: BUDGET_FORMAT,
    version: BUDGET_FORMAT_VERSION,
    title: budget.title,
    unit: budget.presentation.unit,
    sign: budget.presentation.sign,
    numberFormat: 'plain',
    horizon: { from: h.from, to: h.to, budgetYear: h.budgetYear, groups: h.groups.map((g) => ({ ...g })) },
    totalLabel: budget.presentation.totalLabel,
    ...(budget.presentation.showIds === false ? { showIds: false } : {}),
    ...(Object.keys(budget.tags).length > 0 ? { tags: budget.tags } : {}),
    sections,
    ...(budget.expected === undefined ? {} : { expected: values(budget.expected) }),
    ...(budget.cover === undefined ? {} : { cover: coverToDocument(budget.cover, budget) }),
    ...(budget.targets === undefined ? {} : { targets: targetsToDocument(budget.targets, budget) }),
    ...(budget.drivers === undefined ? {} : { drivers: driversToDocument(budget.drivers) }),
  };
}

/**
 * The drivers as written: indicator and parameter values as plain decimals (never scaled by the document's unit),
 * formulas as they are. A driven row's values are written as its formula's values, so the document also reads
 * for a tool that knows no drivers, and loads again unchanged.
 */
function driversToDocument(drivers: Drivers): DriversDocument {
  return {
    indicators: drivers.indicators.map((i) => ({
      id: i.id,
      title: i.title,
      unit: i.unit,
      values: Object.fromEntries(Object.entries(i.values).map(([year, v]) => [year, plainString(v)])),
    })),
    parameters: drivers.parameters.map((p) => ({
      id: p.id,
      title: p.title,
      unit: p.unit,
      rule: p.rule,
      periods: p.periods.map((period) => ({ from: period.from, value: plainString(period.value) })),
    })),
    formulas: drivers.formulas.map((f) => ({ row: f.row, expression: f.expression })),
  };
}
