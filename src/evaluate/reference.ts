import { ZERO, noNegativeZero, type Decimal } from '../core/decimal.js';
import { deepFreeze } from '../core/freeze.js';
import { isPm, type Budget, type Cell, type Nature, type YearValues } from '../model/budget.js';
import { compareExpectations, type ComponentResult, type Evaluation, type LineResult, type SectionResult, type Total, type TotalsByYear } from './evaluate.js';

/** Builds totals; kept mutable while summing, frozen with the result. */
class Acc {
  structural: Decimal = ZERO;
  incidental: Decimal = ZERO;
  pm: string[] = [];
  empty = true;

  addCell(cell: Cell | undefined, nature: Nature, lineId: string): void {
    if (cell === undefined) return;
    this.empty = false;
    if (isPm(cell)) {
      if (this.pm[this.pm.length - 1] !== lineId) this.pm.push(lineId);
      return;
    }
    if (nature === 'structural') this.structural = this.structural.plus(cell);
    else this.incidental = this.incidental.plus(cell);
  }

  addTotal(total: Total): void {
    if (total.empty) return;
    this.empty = false;
    this.structural = this.structural.plus(total.structural);
    this.incidental = this.incidental.plus(total.incidental);
    for (const id of total.pm) if (this.pm[this.pm.length - 1] !== id) this.pm.push(id);
  }

  done(): Total {
    const amount = this.structural.plus(this.incidental);
    return { amount: noNegativeZero(amount), structural: this.structural, incidental: this.incidental, pm: this.pm, empty: this.empty };
  }
}

function rowTotals(years: readonly number[], values: YearValues, nature: Nature, lineId: string): Record<string, Total> {
  const out: Record<string, Total> = Object.create(null) as Record<string, Total>;
  for (const year of years) {
    const acc = new Acc();
    acc.addCell(values[year], nature, lineId);
    out[year] = acc.done();
  }
  return out;
}

function sumTotals(years: readonly number[], parts: readonly TotalsByYear[]): Record<string, Total> {
  const out: Record<string, Total> = Object.create(null) as Record<string, Total>;
  for (const year of years) {
    const acc = new Acc();
    for (const part of parts) {
      const total = part[year];
      if (total !== undefined) acc.addTotal(total);
    }
    out[year] = acc.done();
  }
  return out;
}

/**
 * The Decimal reference evaluation (referentie-doorrekening): the same result as `evaluate`, computed with
 * decimal.js on every cell. Slow (~100x the compiled engine); kept as the oracle that property tests compare
 * the compiled engine against.
 *
 * @remarks Evaluates a budget: per year the totals of every line, section and the whole table, split
 * into structural and incidental parts, with the pm posts each contains, and the document's printed totals
 * checked. Pure: the budget is not changed; the result is frozen.
 * @param budget - a budget from `loadBudget` or the builder
 */
export function evaluateReference(budget: Budget): Evaluation {
  const years = budget.horizon.years;
  const lines: Record<string, LineResult> = Object.create(null) as Record<string, LineResult>;
  const sections: SectionResult[] = budget.sections.map((section) => {
    const lineResults: LineResult[] = section.lines.map((line) => {
      const own = rowTotals(years, line.values, line.nature, line.id);
      const components: ComponentResult[] = line.components.map((c) => ({
        id: c.id,
        title: c.title,
        nature: c.nature,
        totals: rowTotals(years, c.values, c.nature, line.id),
      }));
      const result: LineResult = {
        id: line.id,
        title: line.title,
        sectionId: section.id,
        own,
        components,
        totals: sumTotals(years, [own, ...components.map((c) => c.totals)]),
      };
      lines[line.id] = result;
      return result;
    });
    return { id: section.id, title: section.title, lines: lineResults, totals: sumTotals(years, lineResults.map((l) => l.totals)) };
  });
  const total = sumTotals(years, sections.map((s) => s.totals));
  const checks = compareExpectations(budget, sections, total);
  return deepFreeze({ years, sections, lines, total, checks });
}
