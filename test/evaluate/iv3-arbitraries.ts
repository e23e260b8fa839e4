/** Generated budgets with Iv3 tags (taakveld, categorie, programme, lastenbaten) on the budget, its lines and components. */
import fc from 'fast-check';
import { loadBudget, toDocument, type Budget, type BudgetDocument } from '../../src/index.js';
import { PROTOTYPE_MEMBER_IDS, budgetArb } from '../../src/testing/index.js';

const TAAKVELDEN = ['6.72', '0.1', '9.9', ...PROTOTYPE_MEMBER_IDS.slice(0, 2), '__proto__'];
const CATEGORIEEN = ['1.1', '3', '4.3.1', 'x', 'toString', '__proto__'];
const PROGRAMMES = ['1', '2', 'valueOf', '__proto__'];
const tagChoice = fc.record(
  {
    taakveld: fc.constantFrom(...TAAKVELDEN),
    categorie: fc.constantFrom(...CATEGORIEEN),
    programme: fc.constantFrom(...PROGRAMMES),
    lastenbaten: fc.constantFrom('lasten', 'baten', 'neither'),
  },
  { requiredKeys: [] },
);

/** A generated budget whose budget, lines and components carry Iv3 tags drawn from `tags`, in order. */
export const taggedBudgetArb = (): fc.Arbitrary<Budget> => fc.tuple(budgetArb({ maxSections: 3, maxLines: 4 }), fc.array(tagChoice, { minLength: 60, maxLength: 60 }), tagChoice).map(([b, tags, top]) => {
  const doc = toDocument(b) as BudgetDocument & Record<string, unknown>;
  let n = 0;
  const next = (own: Readonly<Record<string, string>> | undefined): Record<string, string> => ({ ...own, ...tags[n++ % tags.length] });
  const tagged = {
    ...doc,
    tags: { ...doc.tags, ...top },
    sections: doc.sections.map((s) => ({
      ...s,
      lines: s.lines.map((l) => ({ ...l, tags: next(l.tags), ...(l.components === undefined ? {} : { components: l.components.map((c) => ({ ...c, tags: next(c.tags) })) }) })),
    })),
  };
  return loadBudget(tagged);
});

