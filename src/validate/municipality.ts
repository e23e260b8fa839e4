/**
 * The boundary of the functions that take a municipality (gemeente): a {@link Municipality} from
 * `loadMunicipality`, or an object of the same shape whose budgets pass {@link requireBudget}.
 * @module
 */
import { IssueCollector, fail } from '../core/errors.js';
import { checkMunicipalityParts } from '../document/read-municipality.js';
import { describeValue, isObjectLike } from '../core/guard.js';
import type { Municipality } from '../model/municipality.js';
import { requireBudget } from './admit.js';

/** Municipalities checked once (those the loader built, or a hand-made one that passed). */
const checked = new WeakSet<object>();

/** Marks a municipality as checked (the loader's and the scenario's results). @internal */
export function admitMunicipality(municipality: Municipality): Municipality {
  checked.add(municipality);
  return municipality;
}

/**
 * A municipality given as an argument: `invalid_argument` at the parameter's name for a value that is not one;
 * a hand-made object has its programmes' budgets, its OAD and its other parts checked as budgets are, and the
 * reader's cross-checks (`year_outside_horizon` for a programme whose horizon lacks a year of the OAD,
 * `unknown_reference` for a link to a row, programme or claim that is not there).
 * @param fn - the public function's name
 * @param param - the parameter's name
 * @param value - what the caller passed
 * @internal
 */
export function requireMunicipality(fn: string, param: string, value: unknown): Municipality {
  if (typeof value === 'object' && value !== null && checked.has(value)) return value as Municipality;
  const fields = ['title', 'horizon', 'programmes', 'oad', 'general', 'links'];
  if (!isObjectLike(value) || fields.some((f) => !Object.hasOwn(value, f))) {
    fail('invalid_argument', [param], `${fn}: ${param} must be a municipality (from loadMunicipality), not ${describeValue(value)}`);
  }
  const m = value as unknown as Municipality;
  if (!Array.isArray(m.programmes)) fail('invalid_argument', [param, 'programmes'], `${fn}: the programmes of a municipality are a list, not ${describeValue(m.programmes)}`);
  if (!Array.isArray(m.links)) fail('invalid_argument', [param, 'links'], `${fn}: the links of a municipality are a list, not ${describeValue(m.links)}`);
  const programmes = m.programmes.map((p, i) => {
    if (!isObjectLike(p) || typeof p.id !== 'string' || typeof p.title !== 'string') fail('invalid_argument', [param, 'programmes', i], `${fn}: a programme is { id, title, budget }, not ${describeValue(p)}`);
    return Object.freeze({ id: p.id, title: p.title, budget: requireBudget(fn, `${param}.programmes[${i}].budget`, p.budget) });
  });
  for (const [i, l] of m.links.entries()) {
    if (!isObjectLike(l) || typeof l.oad !== 'string' || typeof l.programme !== 'string' || typeof l.claim !== 'string') fail('invalid_argument', [param, 'links', i], `${fn}: a link is { oad, programme, claim }, not ${describeValue(l)}`);
  }
  const oad = requireBudget(fn, `${param}.oad`, m.oad);
  const general = requireBudget(fn, `${param}.general`, m.general);
  const links = Object.freeze(m.links.map((l) => Object.freeze({ oad: l.oad, programme: l.programme, claim: l.claim })));
  // a hand-made municipality gets the cross-checks the reader makes: no year counted as 0, no link ignored
  const issues = new IssueCollector();
  checkMunicipalityParts(issues, param, programmes, oad, general, links);
  issues.throwIfAny();
  const out: Municipality = Object.freeze({ ...m, horizon: oad.horizon, programmes: Object.freeze(programmes), oad, general, links });
  checked.add(out);
  return out;
}
