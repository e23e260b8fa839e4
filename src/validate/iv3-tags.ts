/**
 * The Iv3 tags of a budget's rows checked against versioned lists: every row that carries a value needs a taakveld
 * and an economische categorie from the lists, and a declared side (`lastenbaten`) must be lasten or baten. The
 * result is a list of findings (bevindingen), each with the path of the tag and the version of the list; `strict`
 * turns the errors among them into a MeerjarenError.
 * @module
 */
import { IssueCollector, formatPath, type IssueCode, type Path } from '../core/errors.js';
import { boolean, readOptions, type OptionCheck } from '../core/guard.js';
import { deepFreeze } from '../core/freeze.js';
import type { Budget, Component, Line, Tags, YearValues } from '../model/budget.js';
import { SIDE_TAG, SIDES } from '../model/lasten-baten.js';
import { CATEGORIE_TAG, IV3_CATEGORIEEN, PROGRAMME_TAG, TAAKVELD_TAG, groupCodeOf, type Iv3List, type Iv3ListKind } from '../model/iv3.js';
import { IV3_TAAKVELDEN } from '../model/iv3-taakvelden.js';
import { requireBudget } from './admit.js';

/**
 * What a finding of the Iv3 check is:
 * - `missing_taakveld`, `missing_categorie`: a row with a value has no such tag (nor its line, nor the budget);
 * - `unknown_taakveld`, `unknown_categorie`: the tag names a code the list does not hold;
 * - `unlisted_categorie` (a warning): the code is not in an incomplete list, but its hoofdcategorie is;
 * - `unknown_side`: the tag `lastenbaten` is neither `lasten` nor `baten` (the side is then inferred from the sign).
 * @category Evaluation
 */
export type Iv3FindingCode = 'missing_taakveld' | 'unknown_taakveld' | 'missing_categorie' | 'unknown_categorie' | 'unlisted_categorie' | 'unknown_side';

/** One finding of the Iv3 check (bevinding). @category Evaluation */
export interface Iv3Finding {
  /** Stable code. */
  readonly code: Iv3FindingCode;
  /** `error` (the row cannot be placed in the Iv3 layout as tagged) or `warning`. */
  readonly severity: 'error' | 'warning';
  /** Where the tag is, or should be: `sections[1].lines[3].tags.taakveld`. */
  readonly path: string;
  /** The same path as keys and indices. */
  readonly pathSegments: Path;
  /** Id of the row (line or component) concerned. */
  readonly row: string;
  /** The tag's value, when there is one. */
  readonly value?: string;
  /** Version of the list the value was checked against (for the taakveld and categorie findings). */
  readonly listVersion?: string;
  /** What it means, for a person. */
  readonly message: string;
}

/** Options of {@link checkIv3Tags}, `iv3Rollup` and `iv3Table`. @category Evaluation */
export interface Iv3Options {
  /** The taakvelden to check against. @defaultValue `IV3_TAAKVELDEN` (2017) */
  readonly taakvelden?: Iv3List;
  /** The economische categorieën to check against. @defaultValue `IV3_CATEGORIEEN` (as known to meerjaren) */
  readonly categorieen?: Iv3List;
  /**
   * Throw instead of reporting: a MeerjarenError with every error among the findings (`missing_field` for a missing
   * tag, `unknown_reference` for an unknown code, `invalid_value` for an unknown side), at the same paths.
   * Warnings are never thrown. @defaultValue false
   */
  readonly strict?: boolean;
}

/** A row of a budget as Iv3 sees it: the line's own row or one of its components, with the tags it goes by. @internal */
export interface Iv3Row {
  /** Row id (the line's id for its own row, else the component's). */
  readonly id: string;
  /** The row's values. */
  readonly values: YearValues;
  /** Its taakveld, categorie, programme and side tags: the row's own, else its line's, else the budget's. */
  readonly tags: Tags;
  /** Its taakveld, if tagged. */
  readonly taakveld?: string;
  /** Its economische categorie, if tagged. */
  readonly categorie?: string;
  /** Its programme, if tagged. */
  readonly programme?: string;
}

/** The checks of a list option: an Iv3 list of the right kind. */
function listOf(kind: Iv3ListKind): OptionCheck {
  return (value, path, collector) => {
    const list = value as Partial<Iv3List> | null;
    const ok =
      typeof list === 'object' &&
      list !== null &&
      list.kind === kind &&
      typeof list.version === 'string' &&
      typeof list.complete === 'boolean' &&
      Array.isArray(list.entries) &&
      list.entries.every((e: unknown) => typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string');
    if (!ok) collector.add('invalid_option', path, `${String(path[path.length - 1])} must be an Iv3 list of kind "${kind}" (IV3_${kind === 'taakveld' ? 'TAAKVELDEN' : 'CATEGORIEEN'}, or from read${kind === 'taakveld' ? 'Taakveld' : 'Categorie'}List)`);
  };
}

/** The checks of {@link Iv3Options}. @internal */
export const IV3_OPTIONS = { taakvelden: listOf('taakveld'), categorieen: listOf('categorie'), strict: boolean };

/** Iv3 options read and completed. @internal */
export interface ResolvedIv3Options {
  readonly taakvelden: Iv3List;
  readonly categorieen: Iv3List;
  readonly strict: boolean;
}

/** Reads {@link Iv3Options}. @internal */
export function readIv3Options(fn: string, options: Iv3Options | undefined, extra: Readonly<Record<string, OptionCheck>> = {}): ResolvedIv3Options {
  const read = readOptions(fn, options, { ...IV3_OPTIONS, ...extra }) as Iv3Options;
  return { taakvelden: read.taakvelden ?? IV3_TAAKVELDEN, categorieen: read.categorieen ?? IV3_CATEGORIEEN, strict: read.strict ?? false };
}

const TAGS = [TAAKVELD_TAG, CATEGORIE_TAG, PROGRAMME_TAG, SIDE_TAG] as const;

/** Whether a row holds a value (an amount or a pm) in any year. */
const filled = (values: YearValues): boolean => Object.keys(values).length > 0;

/**
 * Walks the rows of a budget that count in its totals and carry a value: every line's own row (not the printed
 * subtotal of a `subtotal` line) and every component. Each row goes by a tag of its own, else its line's, else the
 * budget's; `at` tells where each tag was found. @internal
 */
export function iv3Rows(budget: Budget, visit: (row: Iv3Row, own: Path, at: (tag: string) => Path | undefined) => void): void {
  budget.sections.forEach((section, s) => {
    section.lines.forEach((line, l) => {
      const linePath: Path = ['sections', s, 'lines', l];
      const rows: [Line | Component, Path][] = [];
      if (line.row === 'amount') rows.push([line, linePath]);
      line.components.forEach((c, k) => rows.push([c, [...linePath, 'components', k]]));
      for (const [row, path] of rows) {
        if (!filled(row.values)) continue;
        const found: Record<string, Path> = {};
        const tags: Record<string, string> = {};
        for (const tag of TAGS) {
          const sources: [Tags, Path][] = row === line ? [[line.tags, linePath]] : [[row.tags, path], [line.tags, linePath]];
          sources.push([budget.tags, []]);
          for (const [source, where] of sources) {
            if (Object.hasOwn(source, tag)) {
              tags[tag] = source[tag]!;
              found[tag] = [...where, 'tags', tag];
              break;
            }
          }
        }
        const record: Iv3Row = {
          id: row.id,
          values: row.values,
          tags,
          ...(Object.hasOwn(tags, TAAKVELD_TAG) ? { taakveld: tags[TAAKVELD_TAG]! } : {}),
          ...(Object.hasOwn(tags, CATEGORIE_TAG) ? { categorie: tags[CATEGORIE_TAG]! } : {}),
          ...(Object.hasOwn(tags, PROGRAMME_TAG) ? { programme: tags[PROGRAMME_TAG]! } : {}),
        };
        visit(record, path, (tag) => (Object.hasOwn(found, tag) ? found[tag] : undefined));
      }
    });
  });
}

/** The findings of a budget against resolved options (without the argument checks). @internal */
export function iv3Findings(budget: Budget, options: ResolvedIv3Options): readonly Iv3Finding[] {
  const findings: Iv3Finding[] = [];
  const reported = new Set<string>();
  const add = (finding: Omit<Iv3Finding, 'path'>): void => {
    const path = formatPath(finding.pathSegments);
    // a tag on a line (or the budget) that several rows go by is reported once, where it is written
    if (reported.has(`${finding.code} ${path}`)) return;
    reported.add(`${finding.code} ${path}`);
    findings.push({ ...finding, path });
  };
  const codes = (list: Iv3List): ReadonlySet<string> => new Set(list.entries.map((e) => e.code));
  const taakvelden = codes(options.taakvelden);
  const categorieen = codes(options.categorieen);
  const categorieGroups = new Set(options.categorieen.entries.map((e) => e.group?.code ?? groupCodeOf(e.code)));
  iv3Rows(budget, (row, own, at) => {
    const check = (tag: string, list: Iv3List, known: ReadonlySet<string>, groups: ReadonlySet<string> | undefined, value: string | undefined): void => {
      const kind = list.kind;
      if (value === undefined) {
        add({ code: `missing_${kind}`, severity: 'error', pathSegments: [...own, 'tags', tag], row: row.id, listVersion: list.version, message: `row ${row.id} has values but no ${kind} (tag "${tag}")` });
      } else if (!known.has(value)) {
        const unlisted = !list.complete && groups !== undefined && groups.has(groupCodeOf(value));
        add({
          code: unlisted ? 'unlisted_categorie' : `unknown_${kind}`,
          severity: unlisted ? 'warning' : 'error',
          pathSegments: at(tag)!,
          row: row.id,
          value,
          listVersion: list.version,
          message: unlisted
            ? `the ${kind} "${value}" of row ${row.id} is not in the list ${list.version}, which is incomplete; its hoofdcategorie ${groupCodeOf(value)} is`
            : `the ${kind} "${value}" of row ${row.id} is not in the list ${list.version}`,
        });
      }
    };
    check(TAAKVELD_TAG, options.taakvelden, taakvelden, undefined, row.taakveld);
    check(CATEGORIE_TAG, options.categorieen, categorieen, categorieGroups, row.categorie);
    const side = Object.hasOwn(row.tags, SIDE_TAG) ? row.tags[SIDE_TAG] : undefined;
    if (side !== undefined && !(SIDES as readonly string[]).includes(side)) {
      add({ code: 'unknown_side', severity: 'error', pathSegments: at(SIDE_TAG)!, row: row.id, value: side, message: `the tag "${SIDE_TAG}" of row ${row.id} is "${side}", not lasten or baten; its side is inferred from the sign` });
    }
  });
  return deepFreeze(findings);
}

const STRICT_CODES: Readonly<Record<Iv3FindingCode, IssueCode>> = {
  missing_taakveld: 'missing_field',
  missing_categorie: 'missing_field',
  unknown_taakveld: 'unknown_reference',
  unknown_categorie: 'unknown_reference',
  unlisted_categorie: 'unknown_reference',
  unknown_side: 'invalid_value',
};

/** Throws the errors among the findings, when strict. @internal */
export function throwIfStrict(findings: readonly Iv3Finding[], options: ResolvedIv3Options): void {
  if (!options.strict) return;
  const issues = new IssueCollector();
  for (const f of findings) if (f.severity === 'error') issues.add(STRICT_CODES[f.code], f.pathSegments, f.message);
  issues.throwIfAny();
}

/**
 * Checks the Iv3 tags of a budget (taakveld en economische categorie): every row that carries a value (the own row of
 * a line, a component; not the printed subtotal of a subtotal line) needs a tag `taakveld` and a tag `categorie` whose
 * codes are in the lists, and a tag `lastenbaten`, when present, must be `lasten` or `baten`.
 *
 * @remarks
 * A row goes by its own tag, else its line's, else the budget's (so a component inherits its line's taakveld). A
 * finding names the path where the tag is written, or, when it is missing, where the row's own tag would be; a tag on
 * a line that several rows go by is reported once. Every taakveld and categorie finding names the list's version.
 * @param budget - the budget
 * @param options - the lists (default: the taakvelden of 2017 and the categorieën as known to meerjaren) and `strict`
 * @returns the findings, errors and warnings, in document order
 * @throws MeerjarenError when `strict` and there is an error among the findings
 * @example
 * ```ts
 * import { budget, checkIv3Tags } from 'meerjaren';
 *
 * const b = budget({ title: 'Jeugd', unit: 'thousand', horizon: { from: 2026, to: 2026 } })
 *   .section('1', 'Jeugd')
 *   .line('1.1', 'Jeugdhulp', [-500], { nature: 'structural', tags: { taakveld: '6.72', categorie: '9.9' } })
 *   .build();
 * checkIv3Tags(b).map((f) => `${f.code} ${f.path}`); // ["unknown_categorie sections[0].lines[0].tags.categorie"]
 * ```
 * @category Evaluation
 */
export function checkIv3Tags(budget: Budget, options?: Iv3Options): readonly Iv3Finding[] {
  const checked = requireBudget('checkIv3Tags', 'budget', budget);
  const resolved = readIv3Options('checkIv3Tags', options);
  const findings = iv3Findings(checked, resolved);
  throwIfStrict(findings, resolved);
  return findings;
}
