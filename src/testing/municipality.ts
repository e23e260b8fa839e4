import type { Arbitrary } from 'fast-check';
import fc from './fast-check.js';
import { boolean, integer, readOptions, type OptionSpec } from '../core/guard.js';
import { NATURES, SIGN_CONVENTIONS, type Nature } from '../model/budget.js';
import { MUNICIPAL_PARTS, OAD_KINDS, RESERVE_MUTATION_KINDS, type Municipality } from '../model/municipality.js';
import type { MunicipalityDocument } from '../document/read-municipality.js';
import { loadMunicipality } from '../evaluate/load-municipality.js';
import { PROTOTYPE_MEMBER_IDS, uniqueIdsArb } from './amounts.js';

// The municipality arbitraries of `meerjaren/testing`: documents of a whole municipality (programmes with cover
// and reserve mutations, the OAD with components, the other parts, links of dekking via OAD), and municipalities.

/** Options of {@link municipalityDocumentArb} and {@link municipalityArb}. @category Testing */
export interface MunicipalityArbOptions {
  /** Most years of the municipality. @defaultValue 5 */
  readonly maxYears?: number;
  /** Most programmes. @defaultValue 4 */
  readonly maxProgrammes?: number;
  /** Whether cells may be pm. @defaultValue true */
  readonly pm?: boolean;
}

const OPTIONS: OptionSpec = { maxYears: integer({ min: 1, max: 20 }), maxProgrammes: integer({ min: 1, max: 20 }), pm: boolean };

type Values = (string | null)[];
type LineDoc = { id: string; title: string; nature: Nature; values: Values; tags?: Record<string, string>; row?: 'amount'; components?: { id: string; title: string; nature: Nature; values: Values; tags?: Record<string, string> }[] };

/** One cell: an amount (-5000..5000 in the document's unit), a pm, or a blank. */
const cellArb = (pm: boolean): Arbitrary<string | null> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -5000, max: 5000 }).map(String) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: pm ? 1 : 0, arbitrary: fc.constantFrom('pm', '-pm', '+pm') },
  );

/** Values for every year, with at least one amount. */
const valuesArb = (years: number, pm: boolean): Arbitrary<Values> =>
  fc.tuple(fc.array(cellArb(pm), { minLength: years, maxLength: years }), fc.nat({ max: years - 1 }), fc.integer({ min: -5000, max: 5000 })).map(([cells, at, fallback]) => {
    const out = [...cells];
    if (!out.some((c) => c !== null && !c.includes('pm'))) out[at] = String(fallback);
    return out;
  });

const nature = fc.constantFrom<Nature>(...NATURES);

/** Lines with the given ids (some with a component, whose id is the next one), each maybe tagged. */
function linesArb(ids: readonly string[], years: number, pm: boolean, tag: Arbitrary<Record<string, string> | undefined>): Arbitrary<LineDoc[]> {
  return fc.array(fc.tuple(nature, valuesArb(years, pm), tag, fc.boolean(), nature, valuesArb(years, pm)), { minLength: ids.length, maxLength: ids.length }).map((drawn) => {
    const out: LineDoc[] = [];
    for (let i = 0; i < ids.length; i++) {
      const [n, values, tags, withComponent, cn, cvalues] = drawn[i]!;
      const next = ids[i + 1];
      const line: LineDoc = { id: ids[i]!, title: `Regel ${ids[i]}`, nature: n, values, ...(tags === undefined ? {} : { tags }) };
      if (withComponent && next !== undefined) {
        out.push({ ...line, row: 'amount', components: [{ id: next, title: `Onderdeel ${next}`, nature: cn, values: cvalues, ...(tags === undefined ? {} : { tags }) }] });
        i++;
      } else out.push(line);
    }
    return out;
  });
}

/** Every line and component id of some lines. */
const rowIdsOf = (lines: readonly LineDoc[]): string[] => lines.flatMap((l) => [l.id, ...(l.components ?? []).map((c) => c.id)]);

/** A programme's budget document over the municipality's years (maybe a year more on each side), with cover. */
function programmeArb(from: number, to: number, pm: boolean): Arbitrary<{ budget: Record<string, unknown>; oadClaims: string[] }> {
  return fc
    .record({
      before: fc.nat(1),
      after: fc.nat(1),
      unit: fc.constantFrom('euro', 'thousand'),
      sign: fc.constantFrom(...SIGN_CONVENTIONS),
      ids: fc.integer({ min: 1, max: 5 }).chain((n) => uniqueIdsArb(n)),
    })
    .chain(({ before, after, unit, sign, ids }) => {
      const years = to + after - (from - before) + 1;
      const reserveTag = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...RESERVE_MUTATION_KINDS).map((k) => ({ reserves: k })) });
      return linesArb(ids, years, pm, reserveTag).chain((lines) => {
        const rows = rowIdsOf(lines);
        const capacity = fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: years, maxLength: years });
        const claimArb = fc.record({ target: fc.constantFrom(...rows), source: fc.constantFrom('oad-a', 'oad-b', 'reserve'), extent: fc.oneof(fc.constant(undefined), fc.constant({ share: '0.5' }), fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: years, maxLength: years }).map((a) => ({ amount: a }))) });
        return fc.tuple(capacity, capacity, fc.integer({ min: 0, max: 8000 }), fc.array(claimArb, { maxLength: 4 }), uniqueIdsArb(4), fc.boolean()).map(([ca, cb, opening, claims, claimIds, withCover]) => {
          const cover = {
            sources: [
              { id: 'oad-a', title: 'OAD a', kind: 'oad', nature: 'structural', capacity: { perYear: ca } },
              { id: 'oad-b', title: 'OAD b', kind: 'oad', nature: 'incidental', capacity: { perYear: cb } },
              { id: 'reserve', title: 'Reserve', kind: 'reserve', nature: 'incidental', reserve: { opening } },
            ],
            claims: claims.map((c, i) => ({ id: claimIds[i]!, target: c.target, source: c.source, ...(c.extent === undefined ? {} : c.extent) })),
          };
          const budget = {
            version: 1,
            title: 'Programma',
            unit,
            sign,
            horizon: { from: from - before, to: to + after, budgetYear: from },
            sections: [{ id: 'A', title: 'Lasten en baten', lines }],
            ...(withCover ? { cover } : {}),
          };
          return { budget, oadClaims: withCover ? cover.claims.filter((c) => c.source !== 'reserve').map((c) => c.id) : [] };
        });
      });
    });
}

/**
 * Municipality documents (gemeentebegroting) of every shape `loadMunicipality` accepts: 1 to `maxYears` years; 1 to
 * `maxProgrammes` programmes, each a budget over the municipality's years (maybe a year more on either side), in euros
 * or thousands and either sign convention, with lines, components, rows tagged as reserve mutations, and maybe a cover
 * with two OAD sources, a reserve and claims of every extent; the OAD (lines with a component, tagged with their kind);
 * overhead, vpb, onvoorzien and reserve lines, each part maybe absent; and links from OAD rows to some of the claims on
 * OAD sources (some claims left unlinked, some linked twice). Ids are drawn by `idArb` (`Object.prototype` member names
 * among them); cells are amounts, blanks and pm posts.
 * @param options - sizes, and whether cells may be pm
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { loadMunicipality } from 'meerjaren';
 * import { municipalityDocumentArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(municipalityDocumentArb(), (doc) => loadMunicipality(doc).programmes.length === doc.programmes.length), { numRuns: 20, seed: 1 });
 * ```
 * @category Testing
 */
export function municipalityDocumentArb(options: MunicipalityArbOptions = {}): Arbitrary<MunicipalityDocument> {
  options = readOptions('municipalityDocumentArb', options, OPTIONS);
  const maxYears = options.maxYears ?? 5;
  const maxProgrammes = options.maxProgrammes ?? 4;
  const pm = options.pm ?? true;
  return fc
    .record({ from: fc.integer({ min: 2020, max: 2030 }), years: fc.integer({ min: 1, max: maxYears }), programmeIds: fc.integer({ min: 1, max: maxProgrammes }).chain((n) => uniqueIdsArb(n)), oadIds: fc.integer({ min: 1, max: 5 }).chain((n) => uniqueIdsArb(n)), generalIds: uniqueIdsArb(8), unit: fc.constantFrom('euro', 'thousand'), sign: fc.constantFrom(...SIGN_CONVENTIONS) })
    .chain(({ from, years, programmeIds, oadIds, generalIds, unit, sign }) => {
      const to = from + years - 1;
      const oadTag = fc.constantFrom(...OAD_KINDS).map((k) => ({ oad: k }));
      const parts = fc.tuple(...MUNICIPAL_PARTS.map((_, k) => fc.option(linesArb(generalIds.slice(2 * k, 2 * k + 2), years, pm, fc.constant(undefined)), { nil: undefined })));
      return fc.tuple(fc.tuple(...programmeIds.map(() => programmeArb(from, to, pm))), linesArb(oadIds, years, pm, oadTag), parts, fc.infiniteStream(fc.nat(9)), fc.constantFrom(...PROTOTYPE_MEMBER_IDS, 'Gemeente')).map(([programmes, oadLines, partLines, picks, title]) => {
        const oadRows = rowIdsOf(oadLines);
        const links: { oad: string; programme: string; claim: string }[] = [];
        const pick = picks[Symbol.iterator]();
        const next = (): number => pick.next().value as number;
        programmes.forEach((p, i) => {
          for (const claim of p.oadClaims) {
            const count = next() % 3; // 0, 1 or 2 OAD rows for the claim
            const used = new Set<string>();
            for (let k = 0; k < count; k++) used.add(oadRows[next() % oadRows.length]!);
            for (const oad of used) links.push({ oad, programme: programmeIds[i]!, claim });
          }
        });
        const doc: Record<string, unknown> = {
          format: 'meerjaren/municipality',
          version: 1,
          title,
          unit,
          sign,
          horizon: { from, to, budgetYear: from },
          programmes: programmes.map((p, i) => ({ id: programmeIds[i]!, budget: p.budget })),
          oad: { lines: oadLines },
          links,
        };
        MUNICIPAL_PARTS.forEach((part, k) => {
          const lines = partLines[k];
          if (lines !== undefined) doc[part] = lines;
        });
        return doc as unknown as MunicipalityDocument;
      });
    });
}

/**
 * Municipalities: the documents of {@link municipalityDocumentArb}, loaded.
 * @param options - as for {@link municipalityDocumentArb}
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { evaluateMunicipality } from 'meerjaren';
 * import { municipalityArb } from 'meerjaren/testing';
 *
 * fc.assert(fc.property(municipalityArb(), (m) => {
 *   const y = evaluateMunicipality(m).perYear[m.horizon.from]!;
 *   return y.structural.plus(y.incidental).eq(y.begrotingssaldo);
 * }), { numRuns: 20, seed: 1 });
 * ```
 * @category Testing
 */
export function municipalityArb(options: MunicipalityArbOptions = {}): Arbitrary<Municipality> {
  options = readOptions('municipalityArb', options, OPTIONS);
  return municipalityDocumentArb(options).map((doc) => loadMunicipality(doc));
}
