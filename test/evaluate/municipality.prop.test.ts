import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, RESERVE_MUTATION_TAG, applyMunicipalScenario, evaluateCover, evaluateMunicipality, isPm, loadMunicipality, structuralBalance, type Budget, type Decimal, type Municipality } from '../../src/index.js';
import { municipalityArb, municipalityDocumentArb, scenarioArb } from '../../src/testing/index.js';

const ZERO = new Dec(0);

/** The sum of a budget's cells in a year, read from the model (never the engine): own rows of subtotal lines are printed sums, not added. */
function cellsOf(budget: Budget, year: number, only?: (tags: Readonly<Record<string, string>>, lineTags: Readonly<Record<string, string>>) => boolean): Decimal {
  let sum = ZERO;
  const add = (v: unknown): void => {
    if (v !== undefined && !isPm(v as never)) sum = sum.plus(v as Decimal);
  };
  for (const s of budget.sections) {
    for (const l of s.lines) {
      if (l.row === 'amount' && (only === undefined || only(l.tags, l.tags))) add(l.values[year]);
      for (const c of l.components) if (only === undefined || only(c.tags, l.tags)) add(c.values[year]);
    }
  }
  return sum;
}

const tagged = (tags: Readonly<Record<string, string>>, lineTags: Readonly<Record<string, string>>): boolean => Object.hasOwn(tags, RESERVE_MUTATION_TAG) || Object.hasOwn(lineTags, RESERVE_MUTATION_TAG);

/** What the claims on a programme's reserve withdraw in a year (outside its table), from its cover evaluation's claims. */
function reserveClaims(budget: Budget, year: number): Decimal {
  const cover = evaluateCover(budget);
  let sum = ZERO;
  for (const c of cover.claims) if (budget.cover?.sources[c.source]?.kind === 'reserve') sum = sum.plus(c.years[year]?.covered ?? ZERO);
  return sum;
}

const eq = (a: Decimal, b: Decimal): boolean => a.eq(b);

describe('the whole municipality, for any generated municipality', () => {
  it('property: the begrotingssaldo is the programmes + OAD + overhead + vpb + onvoorzien + reserve mutations, read from the cells', () => {
    fc.assert(
      fc.property(municipalityArb(), (m: Municipality) => {
        const e = evaluateMunicipality(m);
        for (const year of m.horizon.years) {
          const y = e.perYear[year]!;
          let programmes = ZERO;
          for (const p of m.programmes) {
            const reserves = cellsOf(p.budget, year, tagged).plus(reserveClaims(p.budget, year));
            expect(eq(y.programmeReserves[p.id]!.amount, reserves), `reserves of ${p.id} ${year}`).toBe(true);
            expect(eq(y.programmes[p.id]!.amount.plus(reserves), cellsOf(p.budget, year).plus(reserveClaims(p.budget, year))), `programme ${p.id} ${year}`).toBe(true);
            // each programme's own view stays: its saldo there is its share of the whole
            expect(eq(e.programmes[p.id]!.balance.perYear[year]!.saldo, y.programmes[p.id]!.amount.plus(reserves))).toBe(true);
            programmes = programmes.plus(y.programmes[p.id]!.amount).plus(reserves);
          }
          const section = (id: string): Decimal => cellsOf({ ...m.general, sections: m.general.sections.filter((s) => s.id === id) }, year);
          expect(eq(y.oad.amount, cellsOf(m.oad, year))).toBe(true);
          for (const part of ['overhead', 'vpb', 'onvoorzien', 'reserves'] as const) expect(eq(y[part].amount, section(part)), part).toBe(true);
          const whole = programmes.plus(cellsOf(m.oad, year)).plus(cellsOf(m.general, year));
          expect(eq(y.begrotingssaldo, whole)).toBe(true);
          const programmeSaldi = Object.values(y.programmes).reduce((a, f) => a.plus(f.amount), ZERO);
          const programmeReserves = Object.values(y.programmeReserves).reduce((a, f) => a.plus(f.amount), ZERO);
          expect(eq(y.saldoBatenLasten, programmeSaldi.plus(y.oad.amount).plus(y.overhead.amount).plus(y.vpb.amount).plus(y.onvoorzien.amount))).toBe(true);
          expect(eq(y.reserveMutations, programmeReserves.plus(y.reserves.amount))).toBe(true);
          expect(eq(y.begrotingssaldo, y.saldoBatenLasten.plus(y.reserveMutations))).toBe(true);
          // structural + incidental = begrotingssaldo, and the incidental saldo is the parts' own
          expect(eq(y.structural.plus(y.incidental), y.begrotingssaldo)).toBe(true);
          const parts = [...m.programmes.map((p) => p.budget), m.oad, m.general].map((b) => structuralBalance(b).perYear[year]!.incidental);
          expect(eq(y.incidental, parts.reduce((a, b) => a.plus(b), ZERO))).toBe(true);
          expect(y.structurallyBalanced).toBe(!y.structural.isNegative() || y.structural.isZero());
        }
        const first = e.perYear[e.firstYear]!.structurallyBalanced;
        expect(e.verdict).toBe(first ? 'first-year' : e.perYear[e.lastYear]!.structurallyBalanced ? 'last-year' : 'not-in-balance');
      }),
    );
  });

  it('property: the OAD double entry never counts twice: links move no money, and a claim gets at most what its OAD rows hold', () => {
    fc.assert(
      fc.property(municipalityDocumentArb(), (doc) => {
        const m = loadMunicipality(doc);
        const e = evaluateMunicipality(m);
        const unlinked = evaluateMunicipality(loadMunicipality({ ...doc, links: [] }));
        for (const year of m.horizon.years) {
          const y = e.perYear[year]!;
          const u = unlinked.perYear[year]!;
          // the begrotingssaldo and its split do not depend on the links: the income is in the OAD, the cost in the programme
          expect(eq(y.begrotingssaldo, u.begrotingssaldo) && eq(y.structural, u.structural) && eq(y.incidental, u.incidental)).toBe(true);
          expect(u.oadCover.isZero()).toBe(true);
          let funded = ZERO;
          const perRow = new Map<string, Decimal>();
          for (const c of e.oadClaims) {
            const cy = c.years[year]!;
            expect(eq(cy.funded.plus(cy.short), cy.claimed) && !cy.funded.isNegative() && !cy.short.isNegative()).toBe(true);
            if (c.oad.length === 0) expect(cy.funded.isZero()).toBe(true);
            funded = funded.plus(cy.funded);
            if (c.oad.length > 0) perRow.set(c.oad.join(' '), (perRow.get(c.oad.join(' ')) ?? ZERO).plus(cy.funded));
            const missing = e.findings.filter((f) => f.code === 'oad_line_missing' && f.claim === c.claim && f.programme === c.programme && f.year === year);
            expect(missing.length).toBe(c.oad.length === 0 && !cy.claimed.isZero() ? 1 : 0);
            const short = e.findings.filter((f) => f.code === 'oad_line_short' && f.claim === c.claim && f.programme === c.programme && f.year === year);
            expect(short.length).toBe(c.oad.length > 0 && !cy.short.isZero() ? 1 : 0);
          }
          expect(eq(y.oadCover, funded)).toBe(true);
          // what all claims get from the OAD is at most the positive income of the rows linked to them
          const linkedRows = new Set(m.links.map((l) => l.oad));
          let income = ZERO;
          const cell = (v: unknown): Decimal => (v === undefined || isPm(v as never) ? ZERO : (v as Decimal));
          for (const l of m.oad.sections.flatMap((s) => s.lines)) {
            // a link to a line reads the line's total (its own row and its components); a link to a component, the component
            const lineValue = l.components.reduce((a, c) => a.plus(cell(c.values[year])), l.row === 'amount' ? cell(l.values[year]) : ZERO);
            if (linkedRows.has(l.id) && lineValue.isPositive()) income = income.plus(lineValue);
            for (const c of l.components) if (linkedRows.has(c.id) && cell(c.values[year]).isPositive()) income = income.plus(cell(c.values[year]));
          }
          expect(funded.lte(income)).toBe(true);
        }
      }),
    );
  });

  it('property: a scenario on one programme moves the begrotingssaldo by exactly its effect on that programme, and nothing else', () => {
    const arb = municipalityArb({ maxProgrammes: 3, maxYears: 4 }).chain((m) =>
      fc.nat(m.programmes.length - 1).chain((i) => scenarioArb(m.programmes[i]!.budget, { maxChanges: 3 }).map((s) => ({ m, i, s }))),
    );
    fc.assert(
      fc.property(arb, ({ m, i, s }) => {
        const id = m.programmes[i]!.id;
        let r;
        try {
          r = applyMunicipalScenario(m, id, s);
        } catch (error) {
          // a drawn scenario may conflict with itself; applyScenario refuses it the same way
          if ((error as { code?: string }).code === 'change_conflict') return;
          throw error;
        }
        const again = evaluateMunicipality(r.municipality);
        for (const year of m.horizon.years) {
          const d = r.effect[year]!;
          expect(eq(d.begrotingssaldo, d.programme)).toBe(true);
          expect(eq(d.structural.plus(d.incidental), d.begrotingssaldo)).toBe(true);
          expect(eq(again.perYear[year]!.begrotingssaldo, r.after.perYear[year]!.begrotingssaldo)).toBe(true);
          for (const p of m.programmes) {
            if (p.id === id) continue;
            expect(eq(r.after.perYear[year]!.programmes[p.id]!.amount, r.before.perYear[year]!.programmes[p.id]!.amount)).toBe(true);
          }
          expect(eq(r.after.perYear[year]!.oad.amount, r.before.perYear[year]!.oad.amount)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });
});
