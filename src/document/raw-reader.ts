import { type Path, IssueCollector, formatPath } from '../core/errors.js';
import { tally } from '../core/work.js';
import { MAX_HORIZON_YEARS, MAX_YEAR, MIN_YEAR, defaultGroups, yearRange, type ColumnGroup, type Horizon } from '../core/horizon.js';
import { idRecord } from '../core/records.js';
import { MAX_TEXT_LENGTH, checkKeys, idProblem, idRuleText } from './ids.js';
import { describeValue as describe, isRecord, isWholeNumber, readChoice, readText } from '../core/fields.js';

/** A JSON object of a document, as read. */
export type Raw = Record<string, unknown>;

const HORIZON_FIELDS = ['from', 'to', 'budgetYear', 'groups'];

/**
 * The fields of a budget document that do not depend on its rows: objects, lists, texts, choices, tags, ids
 * (each claimed once per document), years and the horizon. Every problem is added to `issues`; a field that is
 * not valid reads as `undefined`. The reader of the rows (`DocumentReader` in load.ts) builds on it.
 */
export class RawReader {
  #ids = new Map<string, string>();

  /** @param issues - where problems go */
  constructor(protected readonly issues: IssueCollector) {}

  protected horizon(raw: unknown, path: Path): Horizon | undefined {
    const h = this.object(raw, path);
    if (h === undefined) return undefined;
    this.fields(h, HORIZON_FIELDS, path);
    const from = this.year(h['from'], [...path, 'from'], true);
    const to = this.year(h['to'], [...path, 'to'], true);
    const budgetYear = this.year(h['budgetYear'], [...path, 'budgetYear'], false) ?? from;
    if (from === undefined || to === undefined || budgetYear === undefined) return undefined;
    let ok = true;
    if (to < from) {
      this.issues.add('invalid_horizon', [...path, 'to'], `the horizon ends (${to}) before it starts (${from})`);
      ok = false;
    } else if (to - from + 1 > MAX_HORIZON_YEARS) {
      this.issues.add('invalid_horizon', [...path, 'to'], `a horizon spans at most ${MAX_HORIZON_YEARS} years`);
      ok = false;
    }
    if (budgetYear < from || budgetYear > to) {
      this.issues.add('year_outside_horizon', [...path, 'budgetYear'], `the budget year ${budgetYear} is outside ${from}..${to}`);
      ok = false;
    }
    if (!ok) return undefined;
    let groups: ColumnGroup[] = defaultGroups(from, to, budgetYear);
    if (h['groups'] !== undefined) {
      groups = [];
      const covered = new Set<number>();
      this.list(h['groups'], [...path, 'groups'], false).forEach((g, i) => {
        const gp = [...path, 'groups', i];
        const group = this.object(g, gp);
        if (group === undefined) return;
        this.fields(group, ['label', 'from', 'to'], gp);
        const label = this.text(group['label'], [...gp, 'label'], true, true);
        const gFrom = this.year(group['from'], [...gp, 'from'], true);
        const gTo = this.year(group['to'], [...gp, 'to'], true);
        if (label === undefined || gFrom === undefined || gTo === undefined) return;
        if (gFrom > gTo || gFrom < from || gTo > to) {
          this.issues.add('year_outside_horizon', gp, `the group ${gFrom}..${gTo} is not a run of years inside ${from}..${to}`);
          return;
        }
        for (let y = gFrom; y <= gTo; y++) {
          if (covered.has(y)) this.issues.add('duplicate_year', gp, `the year ${y} is in more than one column group`);
          covered.add(y);
        }
        groups.push({ label, from: gFrom, to: gTo });
      });
    }
    return { from, to, budgetYear, years: yearRange(from, to), groups };
  }

  protected year(raw: unknown, path: Path, required: boolean): number | undefined {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, 'a year is required');
      return undefined;
    }
    if (!isWholeNumber(raw)) {
      this.issues.add('invalid_year', path, `a year must be a whole number such as 2026, not ${describe(raw)}`);
      return undefined;
    }
    if (raw < MIN_YEAR || raw > MAX_YEAR) {
      this.issues.add('invalid_year', path, `the year ${raw} is outside ${MIN_YEAR}..${MAX_YEAR}`);
      return undefined;
    }
    return raw;
  }

  // ---- primitives --------------------------------------------------------

  protected object(raw: unknown, path: Path): Raw | undefined {
    if (!isRecord(raw)) {
      this.issues.add(raw === undefined ? 'missing_field' : 'invalid_type', path, raw === undefined ? 'a value is required here' : `expected an object, got ${describe(raw)}`);
      return undefined;
    }
    return raw as Raw;
  }

  protected list(raw: unknown, path: Path, required: boolean): unknown[] {
    if (raw === undefined) {
      if (required) this.issues.add('missing_field', path, 'a list is required here');
      return [];
    }
    if (!Array.isArray(raw)) {
      this.issues.add('invalid_type', path, `expected a list, got ${describe(raw)}`);
      return [];
    }
    return raw;
  }

  protected fields(obj: Raw, known: readonly string[], path: Path): void {
    tally('fieldRead', Object.keys(obj).length);
    checkKeys(obj, known, path, 'skip', (code, at, message) => this.issues.add(code, at, message)); // forbidden keys: reported by the shape check
  }

  protected text(raw: unknown, path: Path, required: boolean, allowEmpty = false): string | undefined {
    return readText(this.issues, raw, path, required, MAX_TEXT_LENGTH, allowEmpty);
  }


  protected flag(raw: unknown, path: Path): boolean | undefined {
    if (raw === undefined || typeof raw === 'boolean') return raw;
    this.issues.add('invalid_type', path, `expected true or false, got ${describe(raw)}`);
    return undefined;
  }

  protected choice<T extends string>(raw: unknown, options: readonly T[], path: Path, required: boolean): T | undefined {
    return readChoice(this.issues, raw, options, path, required);
  }


  protected tags(raw: unknown, path: Path): Record<string, string> {
    const out = idRecord<string>();
    if (raw === undefined) return out;
    const obj = this.object(raw, path);
    if (obj === undefined) return out;
    for (const key of Object.keys(obj)) {
      const value = this.text(obj[key], [...path, key], true, true);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  protected id(raw: unknown, path: Path, kind: string): string | undefined {
    if (raw === undefined) {
      this.issues.add('missing_field', path, `a ${kind} needs an id`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      this.issues.add('invalid_type', path, `an id is a text ("1.4"), got ${describe(raw)}`);
      return undefined;
    }
    const problem = idProblem(raw, 'id');
    if (problem !== undefined) {
      this.issues.add(problem, path, problem === 'forbidden_key' ? `"${raw}" cannot be an id` : `"${raw}" is not a valid id: ${idRuleText('id')}`);
      return undefined;
    }
    return this.claim(raw, path, kind);
  }

  protected claim(id: string, path: Path, kind: string): string | undefined {
    const key = `${kind === 'section' ? 'section' : 'row'}:${id}`;
    const earlier = this.#ids.get(key);
    if (earlier !== undefined) {
      this.issues.add('duplicate_id', kind === 'component' && !path.includes('id') ? path : path, `the id "${id}" is used twice (first at ${earlier})`);
      return undefined;
    }
    this.#ids.set(key, formatPath(path));
    return id;
  }
}
