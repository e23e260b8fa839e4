import { describe, expect, it } from 'vitest';
import { budget, pm } from '../../src/evaluate/builder.js';
import { rebaseScenario } from '../../src/analysis/rebase.js';
import { rebaseTable } from '../../src/report/rebase-table.js';
import { renderMarkdown, renderText } from '../../src/report/render.js';
import type { Scenario } from '../../src/scenario/types.js';

const old = budget({ title: 'TB1', unit: 'thousand', horizon: { from: 2025, to: 2027 } })
  .section('1', 'Een')
  .line('1.4', 'Wmo', [-1100, pm, pm], { nature: 'incidental' })
  .line('1.7', 'JGZ', [-152, -152, -152], { nature: 'structural' })
  .build();
const next = budget({ title: 'PB2026', unit: 'thousand', horizon: { from: 2026, to: 2028 } })
  .section('1', 'Een')
  .line('1.7', 'JGZ', [-160, -160, -160], { nature: 'structural' })
  .build();
const scenario = {
  id: 's',
  title: 'S',
  changes: [
    { kind: 'estimate-pm', line: '1.4', value: '-1100', note: 'zoals 2025' },
    { kind: 'set-amount', line: '1.7', years: [2026, 2027], value: { percent: '50' } },
  ],
} as Scenario;

describe('rebaseTable', () => {
  const r = rebaseScenario(scenario, old, next);
  const table = rebaseTable(r);

  it('a block per change: status, note, reasons, decision, and for a stale change the figures under each policy', () => {
    expect(table.title).toBe('Scenario overgezet van TB1 naar PB2026');
    expect(table.columns.map((c) => c.key)).toEqual(['2026', '2027']);
    const labels = table.rows.map((row) => row.label);
    expect(labels).toContain('changes[0] estimate-pm 1.4: vervallen');
    expect(labels).toContain('zoals 2025');
    expect(labels).toContain('changes[1] set-amount 1.7: verouderd');
    expect(labels.filter((l) => l === 'nog geen besluit: niet toegepast')).toHaveLength(2);
    const rel = table.rows.find((row) => row.id === 'changes[1]/1.7/relative')!;
    expect(rel.cells.map((c) => c.amount?.toString())).toEqual(['-80000', '-80000']);
    const abs = table.rows.find((row) => row.id === 'changes[1]/1.7/absolute')!;
    expect(abs.cells.map((c) => c.amount?.toString())).toEqual(['-76000', '-76000']);
    const base = table.rows.find((row) => row.id === 'changes[0]/1.4/base-from')!;
    expect(base.cells.every((c) => c.pm)).toBe(true);
  });

  it('prints in every renderer, in Dutch by default and in English on request', () => {
    expect(renderText(table, { unit: 'thousand' })).toMatch(/keep-absolute \(bedrag behouden\)\s+-76\s+-76/);
    expect(renderMarkdown(rebaseTable(r, { language: 'en' }), { unit: 'thousand' })).toContain('undecided: not applied');
    const decided = rebaseTable(rebaseScenario(scenario, old, next, { gone: 'drop', stale: 'keep-absolute' }));
    expect(decided.rows.map((row) => row.label)).toContain('besluit: keep-absolute');
  });

  it('a fresh change is one heading; the table is frozen', () => {
    const fresh = rebaseTable(rebaseScenario({ id: 'f', title: 'F', changes: [{ kind: 'set-amount', line: '1.7', years: [2026], value: '-1' }] } as Scenario, next, next));
    expect(fresh.rows.map((row) => row.label)).toEqual(['changes[0] set-amount 1.7: actueel']);
    expect(Object.isFrozen(table.rows)).toBe(true);
  });
});
