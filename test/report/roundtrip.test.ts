import { describe, expect, it } from 'vitest';
import {
  applyScenario,
  budgetTable,
  evaluate,
  loadBudget,
  loadScenario,
  readYearTable,
  roundTable,
  scenarioTable,
  tableToCsv,
  yearTableToDocument,
} from '../../src/index.js';
import { seedText } from '../helpers.js';

const data = seedText;

describe('CSV out and back in', () => {
  it('a scenario comparison exported to CSV reads back equal to its printed figures', () => {
    const baseline = loadBudget(data('seed000-tb1.json'));
    const variant = applyScenario(baseline, loadScenario(data('scenario-pm-estimates.json'), { budget: baseline }));
    const table = scenarioTable([baseline, variant], { labels: ['TB1', 'Met ramingen pm'], measures: ['saldo', 'structural'] });
    const csv = tableToCsv(table);
    const back = readYearTable(csv, { locale: 'nl' });
    const shown = roundTable(table);
    expect(back.years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    const printed = shown.rows.filter((r) => r.kind !== 'heading');
    const rows = back.rows.filter((r) => r.values.some((v) => v !== null)); // headings carry no figures
    expect(rows.map((r) => r.label)).toEqual(printed.map((r) => r.label.trim()));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    rows.forEach((row, i) => {
      const expected = printed[i]!.cells.map((c) => (c.amount === undefined ? null : c.amount.div(1000).toFixed()));
      expect(row.values.map((v) => (v === null ? null : typeof v === 'string' ? v : v.toFixed()))).toEqual(expected);
    });
  });

  it('a budget table exported to CSV imports back as the same budget', () => {
    const original = loadBudget(data('seed003-nieuw-beleid.json'));
    const csv = tableToCsv(budgetTable(original), { sign: 'nadeel-positive' });
    const sheet = readYearTable(csv, { locale: 'nl' });
    const lines = sheet.rows.filter((r) => r.label !== 'Saldo' && !r.label.startsWith('NB '));
    const doc = yearTableToDocument({ ...sheet, rows: lines }, { title: original.title, unit: 'thousand', sign: 'nadeel-positive', nature: 'incidental', budgetYear: 2024 });
    const again = evaluate(loadBudget(doc));
    const before = evaluate(original);
    for (const y of before.years) expect(again.total[y]!.amount.eq(before.total[y]!.amount)).toBe(true);
    expect(again.years.map((y) => again.total[y]!.amount.div(1000).toFixed())).toEqual(['-1352', '-1352', '-20', '0']);
  });
});
