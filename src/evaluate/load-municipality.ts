/**
 * The public loader of a municipality document (gemeentebegroting): its programmes, OAD and other parts, with each
 * programme budget's printed totals checked as `loadBudget` checks them.
 * @packageDocumentation
 */
import { oneOf, readOptions } from '../core/guard.js';
import { JSON_LIMITS, MAX_VALUES_OPTION } from '../document/json.js';
import { readMunicipalityDocument } from '../document/read-municipality.js';
import type { Municipality } from '../model/municipality.js';
import { admitMunicipality } from '../validate/municipality.js';
import { checkPrintedTotals, type LoadOptions } from './load.js';

/**
 * Loads a municipality document (gemeentebegroting), as an object or its JSON text, into a frozen
 * {@link Municipality}: `{ "format": "meerjaren/municipality", "version": 1, "title", "unit", "horizon",
 * "programmes": [{ "id", "title"?, "budget": { ...a budget document } }], "oad": { "lines": [...] }, "overhead"?,
 * "vpb"?, "onvoorzien"?, "reserves"?, "links"? }`. Every problem at once: the document's fields at their names, a
 * programme's budget at `programmes[i].budget.<path>`, the OAD's lines at `oad.lines[j]`, a link at `links[k]`.
 *
 * @remarks
 * A programme's horizon must hold every year of the municipality (`year_outside_horizon`); a link names a row of the
 * OAD, a programme and a claim of that programme on a cover source of kind `oad` (`unknown_reference`,
 * `invalid_value`). The tag `oad` of an OAD row is one of the {@link OadKind}s, the tag `reserves` of a programme's
 * row `toevoeging` or `onttrekking` (`invalid_value`).
 * @param input - the document or its JSON text
 * @param options - limits, and how to treat printed totals of the programmes that do not add up (as for `loadBudget`)
 * @example
 * ```ts
 * import { loadMunicipality } from 'meerjaren';
 *
 * const m = loadMunicipality({
 *   format: 'meerjaren/municipality', version: 1, title: 'Gemeente Voorbeeld', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *   programmes: [{ id: '2', budget: { version: 1, title: 'Programma 2', unit: 'thousand', horizon: { from: 2026, to: 2027 },
 *     sections: [{ id: 'A', title: 'Lasten en baten', lines: [{ id: 'lasten', title: 'Lasten', nature: 'structural', values: [-900, -900] }] }] } }],
 *   oad: { lines: [{ id: 'ozb', title: 'OZB', nature: 'structural', tags: { oad: 'ozb' }, values: [950, 950] }] },
 * });
 * m.programmes[0]!.title; // "Programma 2"
 * m.oad.sections[0]!.lines[0]!.id; // "ozb"
 * ```
 * @category Documents
 */
export function loadMunicipality(input: unknown, options: LoadOptions = {}): Municipality {
  options = readOptions('loadMunicipality', options, { ...JSON_LIMITS, maxValues: MAX_VALUES_OPTION, totals: oneOf(['error', 'ignore']) });
  return admitMunicipality(readMunicipalityDocument(input, options, (options.totals ?? 'error') === 'error' ? checkPrintedTotals : undefined));
}
