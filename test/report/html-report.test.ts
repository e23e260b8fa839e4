import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, htmlReport, loadBudget } from '../../src/index.js';

const tb1 = loadBudget(readFileSync(join(__dirname, '..', '..', 'examples', 'data', 'seed000-tb1.json'), 'utf8'));

describe('htmlReport', () => {
  it('labels chart values as the table prints them: a total that holds a pm says so', () => {
    const html = htmlReport(tb1, evaluate(tb1));
    // seed 000's TOTAAL SALDO PROGRAMMA 2026 is 363 with pm posts: the table, the saldo chart, the balance
    // chart's total and the waterfall's total label all print "363 + pm", never a bare "363"
    const saldoChart = html.slice(html.indexOf('Totaal saldo per jaar'));
    expect(saldoChart).toContain('363 + pm');
    expect(saldoChart).not.toMatch(/>363</);
    const waterfall = html.slice(html.indexOf('Saldo 2026 per regel'));
    expect(waterfall).toContain('363 + pm');
    // 2025 holds no pm: its label is the figure alone
    expect(saldoChart).toMatch(/>-609</);
  });
});
