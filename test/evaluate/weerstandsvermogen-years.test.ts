import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budget, loadRiskRegister, MeerjarenError, renderText, weerstandsvermogen, weerstandsvermogenByYear, weerstandsvermogenYearTable } from '../../src/index.js';

const codes = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (MeerjarenError.is(e)) return e.issues.map((i) => `${i.code} ${i.path}`);
    throw e;
  }
  return [];
};

const register = {
  risks: [
    { id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: { 2026: '2000000', 2027: '2400000' }, nature: 'structural' as const, lines: ['2.1'] },
    { id: 'R2', title: 'Grondexploitatie', probability: '0.3', amount: '1000000', nature: 'incidental' as const },
  ],
  capacity: [
    { kind: 'algemene-reserve' as const, title: 'Algemene reserve', amount: { 2026: '3000000', 2027: '1500000' } },
    { kind: 'onvoorzien' as const, title: 'Onvoorzien', amount: '250000' },
  ],
};

describe('weerstandsvermogen per year', () => {
  it('takes each year its own amounts; an amount that is not per year counts in every year', () => {
    const w = weerstandsvermogenByYear(register, { from: 2026, to: 2027 });
    expect(w.years).toEqual([2026, 2027]);
    expect(w.byYear['2026']!.required.toFixed()).toBe('1300000'); // 0,5 x 2.000.000 + 0,3 x 1.000.000
    expect(w.byYear['2026']!.available.toFixed()).toBe('3250000');
    expect(w.byYear['2026']!.rating).toBe('A'); // 2,5
    expect(w.byYear['2027']!.required.toFixed()).toBe('1500000');
    expect(w.byYear['2027']!.available.toFixed()).toBe('1750000');
    expect(w.byYear['2027']!.rating).toBe('C'); // 1,1666...
    expect(Object.isFrozen(w) && Object.isFrozen(w.byYear)).toBe(true);
    // one year is the same as weerstandsvermogen with that year
    expect(weerstandsvermogen(register, { year: 2027 })).toEqual(w.byYear['2027']);
  });

  it('refuses a per-year amount without a year, and a year the amount lacks, with the path', () => {
    expect(codes(() => weerstandsvermogen(register))).toEqual(['invalid_option risks[0].amount', 'invalid_option capacity[0].amount']);
    expect(codes(() => weerstandsvermogenByYear(register, { from: 2026, to: 2028 }))).toEqual(['missing_field risks[0].amount.2028', 'missing_field capacity[0].amount.2028']);
    expect(codes(() => weerstandsvermogen({ risks: [{ ...register.risks[1]!, amount: { x: '1' } }], capacity: [] }, { year: 2026 }))).toEqual(['invalid_year risks[0].amount.x']);
    expect(codes(() => weerstandsvermogen({ risks: [{ ...register.risks[1]!, amount: {} }], capacity: [] }, { year: 2026 }))).toEqual(['invalid_value risks[0].amount']);
    expect(codes(() => weerstandsvermogen({ risks: [{ ...register.risks[1]!, amount: { 2026: '-1' } }], capacity: [] }, { year: 2026 }))).toEqual(['negative_amount risks[0].amount.2026']);
    expect(codes(() => weerstandsvermogenByYear(register, { from: 2027, to: 2026 }))).toEqual(['invalid_argument years']);
    expect(codes(() => weerstandsvermogenByYear(register, { from: 2026, to: 2027 }, { year: 2026 } as never))).toEqual(['unknown_option options.year']);
  });

  it("checks the risks' lines against a budget", () => {
    const b = budget({ title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2027 } })
      .section('2', 'Jeugd')
      .line('2.1', 'Jeugdhulp', [-100, -100], { nature: 'structural' })
      .build();
    expect(codes(() => weerstandsvermogen(register, { year: 2026, budget: b }))).toEqual([]);
    const other = { ...register, risks: [{ ...register.risks[0]!, lines: ['2.1', 'toString'] }] };
    expect(codes(() => weerstandsvermogen(other, { year: 2026, budget: b }))).toEqual(['unknown_reference risks[0].lines[1]']);
    expect(codes(() => weerstandsvermogen(register, { year: 2026, budget: {} as never }))).toContain('invalid_option options.budget');
  });

  it('prints a column per year whose rounded contributions add up to the required capacity', () => {
    const text = renderText(weerstandsvermogenYearTable(weerstandsvermogenByYear(register, { from: 2026, to: 2027 })), { unit: 'thousand' });
    expect(text).toMatch(/Benodigde weerstandscapaciteit\s+1\.300\s+1\.500/);
    expect(text).toMatch(/Beschikbare weerstandscapaciteit\s+3\.250\s+1\.750/);
    expect(text).toContain('Ratio weerstandsvermogen: 2026 2,50 · 2027 1,17');
    expect(text).toContain('Waardering: 2026 A uitstekend · 2027 C voldoende');
  });

  it('per year equals weerstandsvermogen of that year, for any register', () => {
    const amount = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }).map(String), fc.record({ 2026: fc.integer({ min: 0, max: 9e6 }).map(String), 2027: fc.integer({ min: 0, max: 9e6 }).map(String) }));
    const risk = fc.record({ title: fc.string({ minLength: 1 }).filter((t) => t.trim() !== ''), probability: fc.integer({ min: 0, max: 100 }).map((p) => String(p / 100)), amount, nature: fc.constantFrom('incidental' as const, 'structural' as const) });
    const part = fc.record({ kind: fc.constantFrom('algemene-reserve' as const, 'onvoorzien' as const, 'other' as const), title: fc.constant('P'), amount });
    fc.assert(
      fc.property(fc.array(risk, { maxLength: 6 }), fc.array(part, { maxLength: 4 }), (risks, capacity) => {
        const input = { risks: risks.map((r, i) => ({ ...r, id: ['toString', '__proto__', 'R'][i % 3] + String(i) })), capacity };
        const w = weerstandsvermogenByYear(input, { from: 2026, to: 2027 });
        for (const year of [2026, 2027]) expect(w.byYear[String(year)]).toEqual(weerstandsvermogen(input, { year }));
      }),
    );
  });
});

describe('a risicoregister document', () => {
  const doc = {
    format: 'meerjaren/risks',
    version: 1,
    title: 'Risicoregister 2026',
    unit: 'thousand',
    risks: [{ id: 'R1', title: 'Jeugdzorg', probability: '0.5', amount: { 2026: 2000, 2027: '2400,5' }, nature: 'structural', note: 'open einde' }],
    capacity: [{ kind: 'algemene-reserve', title: 'Algemene reserve', amount: 3000 }],
  };
  it('reads amounts in its unit and keeps them in euros', () => {
    const r = loadRiskRegister(JSON.stringify({ ...doc, risks: [{ ...doc.risks[0], amount: { 2026: 2000, 2027: '2400.5' } }] }));
    expect(r.unit).toBe('thousand');
    expect((r.risks[0]!.amount as Record<string, { toFixed(): string }>)['2027']!.toFixed()).toBe('2400500');
    expect(r.risks[0]!.note).toBe('open einde');
    expect(Object.isFrozen(r) && Object.isFrozen(r.risks[0])).toBe(true);
    expect(weerstandsvermogen(r, { year: 2026 }).required.toFixed()).toBe('1000000');
  });
  it('reports every problem at once, with its path', () => {
    const bad = { ...doc, format: 'x', version: 2, unit: 'duizend', extra: 1, risks: [{ id: 'R1', title: 'A', probability: '1.5', amount: '1', nature: 'x' }, { id: 'R1', title: 'B', probability: '0', amount: '1', nature: 'incidental' }] };
    expect(codes(() => loadRiskRegister(bad))).toEqual(
      expect.arrayContaining(['unknown_field extra', 'invalid_value format', 'unsupported_version version', 'invalid_value unit', 'invalid_value risks[0].probability', 'invalid_value risks[0].nature', 'duplicate_id risks[1].id']),
    );
    expect(codes(() => loadRiskRegister('{"format": "meerjaren/risks",'))[0]).toMatch(/^invalid_json/);
    expect(codes(() => loadRiskRegister({ format: 'meerjaren/risks', version: 1, title: 'T' }))).toEqual(['missing_field risks', 'missing_field capacity']);
  });
});
