/**
 * Reading a municipality document (gemeentebegroting): `{ format: 'meerjaren/municipality', version: 1, title,
 * unit, sign?, numberFormat?, horizon, defaults?, tags?, programmes: [{ id, title?, budget }], oad: { title?, lines },
 * overhead?, vpb?, onvoorzien?, reserves?, links? }`. Every programme is a budget document held inline (read by
 * `readBudget`); the OAD and the other parts are lines as a budget document writes them, in the municipality's unit,
 * sign and number notation. Never evaluates: the programmes' printed totals are checked by `loadMunicipality`.
 * @module
 */
import { IssueCollector, MeerjarenError, issue, type Issue, type Path } from '../core/errors.js';
import { describeValue, isRecord, readText } from '../core/fields.js';
import { hasOwnKey } from '../core/records.js';
import type { Budget } from '../model/budget.js';
import { MUNICIPAL_PARTS, OAD_KINDS, OAD_KIND_TAG, RESERVE_MUTATION_KINDS, RESERVE_MUTATION_TAG, type MunicipalPart, type MunicipalProgramme, type Municipality, type OadLink } from '../model/municipality.js';
import { checkKeys, idProblem, idRuleText, MAX_TEXT_LENGTH } from './ids.js';
import { readBudget } from './load.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_VALUES, checkShape, parseJsonText, type JsonLimits, type ValueLimits } from './json.js';
import type { HorizonDocument, LineDocument, BudgetDocument } from './format.js';
import type { NumberFormat } from '../core/amount.js';
import type { Nature, SignConvention, Unit } from '../model/budget.js';

/** The `format` of a municipality document. @category Documents */
export const MUNICIPALITY_FORMAT = 'meerjaren/municipality';

/** A programme as written in a municipality document. @category Documents */
export interface MunicipalProgrammeDocument {
  /** Id, unique among the programmes ("2"). */
  readonly id: string;
  /** Title; default the budget's title. */
  readonly title?: string;
  /** The programme's budget document, inline. (The command line also reads `file`: a budget document's path relative to the municipality document.) */
  readonly budget: BudgetDocument;
}

/** A link of "dekking via OAD" as written. @category Documents */
export interface OadLinkDocument {
  /** Id of the OAD line or component. */
  readonly oad: string;
  /** Id of the programme. */
  readonly programme: string;
  /** Id of the claim in the programme's cover. */
  readonly claim: string;
}

/**
 * A municipal budget as a JSON document (gemeentebegroting). Validated by `loadMunicipality`, described by the JSON
 * Schema `meerjaren/schema/municipality.schema.json`. The lines of `oad`, `overhead`, `vpb`, `onvoorzien` and
 * `reserves` are written as a budget document's lines, in this document's `unit`, `sign` and `numberFormat`.
 * @category Documents
 */
export interface MunicipalityDocument {
  /** Optional pointer to the JSON Schema, for editors. */
  readonly $schema?: string;
  /** Always `"meerjaren/municipality"`. */
  readonly format: typeof MUNICIPALITY_FORMAT;
  /** Format version: 1. */
  readonly version: number;
  /** Title. */
  readonly title: string;
  /** Unit of the amounts of the OAD and the other parts. */
  readonly unit: Unit;
  /** Sign convention of those amounts; default `voordeel-positive`. */
  readonly sign?: SignConvention;
  /** Number notation of amount strings. */
  readonly numberFormat?: NumberFormat;
  /** The years of the whole; every programme's horizon holds them. */
  readonly horizon: HorizonDocument;
  /** Defaults for the lines of the OAD and the other parts. */
  readonly defaults?: {
    /** Nature of lines that do not state one. */
    readonly nature?: Nature;
  };
  /** Free labels. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The programmes, in print order. */
  readonly programmes: readonly MunicipalProgrammeDocument[];
  /** The Overzicht Algemene Dekkingsmiddelen: a title and lines (tag `oad` with the kind of each line). */
  readonly oad: {
    /** Title; default "Overzicht Algemene Dekkingsmiddelen". */
    readonly title?: string;
    /** The lines: the algemene uitkering (its taakmutaties and decentralisatie-uitkeringen as components), OZB, dividend... */
    readonly lines: readonly LineDocument[];
  };
  /** Overhead lines. */
  readonly overhead?: readonly LineDocument[];
  /** Vennootschapsbelasting lines. */
  readonly vpb?: readonly LineDocument[];
  /** Onvoorzien lines. */
  readonly onvoorzien?: readonly LineDocument[];
  /** Reserve mutations outside the programmes (positive = onttrekking). */
  readonly reserves?: readonly LineDocument[];
  /** The links of "dekking via OAD". */
  readonly links?: readonly OadLinkDocument[];
}

/** The fields of a municipality document. */
const FIELDS = ['$schema', 'format', 'version', 'title', 'unit', 'sign', 'numberFormat', 'horizon', 'defaults', 'tags', 'programmes', 'oad', ...MUNICIPAL_PARTS, 'links'] as const;
/** The fields the budget reader reads for the OAD and the other parts (the document's header). */
const HEADER = ['title', 'unit', 'sign', 'numberFormat', 'horizon', 'defaults', 'tags'] as const;

/** The title of each part's section, as a municipal budget prints it. */
export const MUNICIPAL_PART_TITLES: Readonly<Record<MunicipalPart, string>> = Object.freeze({
  overhead: 'Overhead',
  vpb: 'Vennootschapsbelasting (Vpb)',
  onvoorzien: 'Onvoorzien',
  reserves: 'Mutaties reserves',
});

/** The OAD's default title. */
export const OAD_TITLE = 'Overzicht Algemene Dekkingsmiddelen';

/** Issues of a part's budget read, moved to the part's place in the municipality document. */
function moved(e: unknown, move: (segments: readonly (string | number)[]) => Path | undefined): Issue[] {
  if (!MeerjarenError.is(e)) throw e;
  const out: Issue[] = [];
  for (const i of e.issues) {
    const path = move(i.pathSegments);
    if (path !== undefined) out.push(issue(i.code, path, i.message));
  }
  return out;
}

/** A budget document of the header and the given sections. */
function partDocument(doc: Record<string, unknown>, title: string, totalLabel: string, sections: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = { version: 1 };
  for (const key of HEADER) if (hasOwnKey(doc, key)) out[key] = doc[key];
  // the parts' ids are the document's own: reports print their titles only
  return { ...out, title, totalLabel, showIds: false, sections };
}

/**
 * Reads a municipality document (its JSON text or the parsed object) into a frozen {@link Municipality}, with every
 * problem at once: the document's fields at their names, a programme's budget at `programmes[i].budget.<path>`, the
 * OAD's lines at `oad.lines[j]...`, the other parts' at `overhead[j]...` and so on.
 * @param input - the document or its text
 * @param limits - JSON and value limits
 * @param check - the check of each programme budget's printed totals (from `loadMunicipality`)
 * @internal
 */
export function readMunicipalityDocument(input: unknown, limits: JsonLimits & ValueLimits = {}, check?: (budget: Budget, collector: IssueCollector) => void): Municipality {
  const raw = typeof input === 'string' ? parseJsonText(input, limits) : input;
  const issues = new IssueCollector();
  // an object given as it is gets the checks its text would have had (plain values, depth, size), as readBudget does
  if (typeof input !== 'string') {
    checkShape(raw, limits.maxDepth ?? DEFAULT_MAX_DEPTH, issues, limits.maxValues ?? DEFAULT_MAX_VALUES, limits.maxLength ?? DEFAULT_MAX_LENGTH);
    issues.throwIfAny();
  }
  if (!isRecord(raw) || Array.isArray(raw)) {
    issues.add('invalid_type', [], `a municipality document is an object, not ${describeValue(raw)}`);
    issues.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  checkKeys(doc, FIELDS, [], 'report', (code, path, message) => issues.add(code, path, message));
  if (doc['format'] !== MUNICIPALITY_FORMAT) issues.add('invalid_value', ['format'], `a municipality document has format "${MUNICIPALITY_FORMAT}"`);
  if (!('version' in doc)) issues.add('missing_field', ['version'], 'a municipality document has version 1');
  else if (!(Number(String(doc['version'])) === 1)) issues.add('unsupported_version', ['version'], `version 1 is the only version of ${MUNICIPALITY_FORMAT}, not ${describeValue(doc['version'])}`);
  const title = readText(issues, doc['title'], ['title'], true, MAX_TEXT_LENGTH);

  // the OAD, read as a budget of one section; the header's problems are reported from this read only
  const oadRaw = doc['oad'];
  let oadTitle = OAD_TITLE;
  let oadLines: unknown = [];
  if (!('oad' in doc)) issues.add('missing_field', ['oad'], 'a municipality has its Overzicht Algemene Dekkingsmiddelen at "oad": { "lines": [...] }');
  else if (!isRecord(oadRaw) || Array.isArray(oadRaw)) issues.add('invalid_type', ['oad'], `the OAD is an object { "title"?, "lines" }, not ${describeValue(oadRaw)}`);
  else {
    checkKeys(oadRaw, ['title', 'lines'], ['oad'], 'report', (code, path, message) => issues.add(code, path, message));
    oadTitle = readText(issues, oadRaw['title'], ['oad', 'title'], false, MAX_TEXT_LENGTH) ?? OAD_TITLE;
    if (!('lines' in oadRaw)) issues.add('missing_field', ['oad', 'lines'], 'the OAD lists its lines at "lines"');
    else oadLines = oadRaw['lines'];
  }
  let oad: Budget | undefined;
  try {
    oad = readBudget(partDocument(doc, oadTitle, 'Totaal algemene dekkingsmiddelen', [{ id: 'oad', title: oadTitle, lines: oadLines }]), limits);
  } catch (e) {
    issues.addAll(
      moved(e, (s) => {
        if (s[0] !== 'sections') return s[0] === 'title' ? undefined : [...s];
        return s[2] === 'lines' ? ['oad', 'lines', ...s.slice(3)] : ['oad'];
      }),
    );
  }

  // overhead, vpb, onvoorzien and reserves: one budget, a section per part; only the sections' problems are new
  let general: Budget | undefined;
  try {
    const sections = MUNICIPAL_PARTS.map((part) => ({ id: part, title: MUNICIPAL_PART_TITLES[part], lines: hasOwnKey(doc, part) ? doc[part] : [] }));
    general = readBudget(partDocument(doc, 'Overige onderdelen', 'Totaal overige onderdelen', sections), limits);
  } catch (e) {
    issues.addAll(
      moved(e, (s) => {
        if (s[0] !== 'sections' || typeof s[1] !== 'number') return undefined;
        const part = MUNICIPAL_PARTS[s[1]]!;
        return s[2] === 'lines' ? [part, ...s.slice(3)] : [part];
      }),
    );
  }

  const declared = new Set<string>();
  const programmes = readProgrammes(issues, doc, limits, check, oad?.horizon.years, declared);
  if (oad !== undefined) checkOadKinds(issues, oad);
  // a link is checked against the OAD as written and the programmes that were read (not against a part that failed)
  const oadWritten = isRecord(oadRaw) && !Array.isArray(oadRaw) && 'lines' in oadRaw;
  const links = oad === undefined ? [] : readLinks(issues, doc, oadWritten ? oad : undefined, programmes, declared);
  issues.throwIfAny();
  return Object.freeze({
    title: title!,
    horizon: oad!.horizon,
    presentation: oad!.presentation,
    tags: oad!.tags,
    programmes: Object.freeze(programmes),
    oad: oad!,
    general: general!,
    links: Object.freeze(links),
  });
}

/** The programmes: each an object `{ id, title?, budget }` whose budget's horizon holds the municipality's years. */
function readProgrammes(
  issues: IssueCollector,
  doc: Record<string, unknown>,
  limits: JsonLimits & ValueLimits,
  check: ((budget: Budget, collector: IssueCollector) => void) | undefined,
  years: readonly number[] | undefined,
  declared: Set<string>,
): MunicipalProgramme[] {
  const list = doc['programmes'];
  if (!('programmes' in doc)) {
    issues.add('missing_field', ['programmes'], 'a municipality lists its programmes at "programmes": [{ "id", "budget" }]');
    return [];
  }
  if (!Array.isArray(list)) {
    issues.add('invalid_type', ['programmes'], `the programmes are a list, not ${describeValue(list)}`);
    return [];
  }
  const out: MunicipalProgramme[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i: number) => {
    const path: Path = ['programmes', i];
    if (!isRecord(entry) || Array.isArray(entry)) {
      issues.add('invalid_type', path, `a programme is an object { "id", "title"?, "budget" }, not ${describeValue(entry)}`);
      return;
    }
    for (const key of Object.keys(entry)) {
      if (key === 'file') issues.add('unknown_field', [...path, key], 'the library reads a programme\'s budget inline, at "budget"; only the command line reads "file" (a path relative to the municipality document)');
    }
    checkKeys(entry, ['id', 'title', 'budget', 'file'], path, 'report', (code, p, message) => issues.add(code, p, message));
    const id = readId(issues, entry['id'], [...path, 'id']);
    if (id !== undefined) {
      if (seen.has(id)) issues.add('duplicate_id', [...path, 'id'], `the programme id "${id}" is used twice`);
      seen.add(id);
      declared.add(id);
    }
    const title = readText(issues, entry['title'], [...path, 'title'], false, MAX_TEXT_LENGTH);
    if (!('budget' in entry)) {
      if (!('file' in entry)) issues.add('missing_field', [...path, 'budget'], 'a programme holds its budget document at "budget"');
      return;
    }
    let budget: Budget;
    try {
      budget = readBudget(entry['budget'], limits, check);
    } catch (e) {
      issues.addAll(moved(e, (s) => [...path, 'budget', ...s]));
      return;
    }
    checkProgrammeHorizon(issues, budget, years ?? [], [...path, 'budget', 'horizon'], id ?? String(i));
    checkReserveTags(issues, budget, [...path, 'budget']);
    if (id !== undefined) out.push(Object.freeze({ id, title: title ?? budget.title, budget }));
  });
  return out;
}

/** An id: a text that follows the id rule. */
function readId(issues: IssueCollector, raw: unknown, path: Path): string | undefined {
  if (raw === undefined) {
    issues.add('missing_field', path, 'an id is required');
    return undefined;
  }
  if (typeof raw !== 'string') {
    issues.add('invalid_type', path, `an id is a text, not ${describeValue(raw)}`);
    return undefined;
  }
  const problem = idProblem(raw, 'reference');
  if (problem !== undefined) {
    issues.add(problem, path, `"${raw}" is not an id: ${idRuleText('reference')}`);
    return undefined;
  }
  return raw;
}

/** Every row of a budget with the path of its tags in the document. */
function rowsWithPaths(budget: Budget, prefix: Path): { id: string; tags: Readonly<Record<string, string>>; path: Path }[] {
  const out: { id: string; tags: Readonly<Record<string, string>>; path: Path }[] = [];
  budget.sections.forEach((section, s) =>
    section.lines.forEach((line, l) => {
      const linePath: Path = [...prefix, 'sections', s, 'lines', l];
      out.push({ id: line.id, tags: line.tags, path: linePath });
      line.components.forEach((c, k) => out.push({ id: c.id, tags: c.tags, path: [...linePath, 'components', k] }));
    }),
  );
  return out;
}

/** The tag `oad` of every OAD row names one of {@link OAD_KINDS}. */
function checkOadKinds(issues: IssueCollector, oad: Budget): void {
  for (const row of rowsWithPaths(oad, [])) {
    if (!hasOwnKey(row.tags, OAD_KIND_TAG)) continue;
    const kind = row.tags[OAD_KIND_TAG];
    if (!(OAD_KINDS as readonly string[]).includes(kind ?? '')) {
      issues.add('invalid_value', ['oad', 'lines', ...row.path.slice(3), 'tags', OAD_KIND_TAG], `the tag "${OAD_KIND_TAG}" of an OAD line is one of ${OAD_KINDS.join(', ')}, not "${kind}"`);
    }
  }
}

/** The tag `reserves` of a programme's row names one of {@link RESERVE_MUTATION_KINDS}. */
function checkReserveTags(issues: IssueCollector, budget: Budget, prefix: Path): void {
  for (const row of rowsWithPaths(budget, prefix)) {
    if (!hasOwnKey(row.tags, RESERVE_MUTATION_TAG)) continue;
    const kind = row.tags[RESERVE_MUTATION_TAG];
    if (!(RESERVE_MUTATION_KINDS as readonly string[]).includes(kind ?? '')) {
      issues.add('invalid_value', [...row.path, 'tags', RESERVE_MUTATION_TAG], `the tag "${RESERVE_MUTATION_TAG}" marks a reserve mutation: ${RESERVE_MUTATION_KINDS.join(' or ')}, not "${kind}"`);
    }
  }
}

/** A programme's horizon must hold every year of the municipality (`year_outside_horizon` at `path`). */
function checkProgrammeHorizon(issues: IssueCollector, budget: Budget, years: readonly number[], path: Path, id: string): void {
  const missing = years.filter((y) => !budget.horizon.years.includes(y));
  if (missing.length > 0) issues.add('year_outside_horizon', path, `the municipality's years ${missing.join(', ')} are not in the horizon of programme ${id} (${budget.horizon.from}-${budget.horizon.to})`);
}

/** The references of one link: an OAD row, a programme of the municipality, and that programme's claim on a source of kind `oad`. */
function checkLink(issues: IssueCollector, path: Path, line: string | undefined, programmeId: string | undefined, claim: string | undefined, oadRows: ReadonlySet<string> | undefined, programmes: readonly MunicipalProgramme[], declared: ReadonlySet<string>): void {
  if (line !== undefined && oadRows !== undefined && !oadRows.has(line)) issues.add('unknown_reference', [...path, 'oad'], `"${line}" is not a line or component of the OAD`);
  const programme = programmeId === undefined ? undefined : programmes.find((p) => p.id === programmeId);
  if (programmeId !== undefined && programme === undefined && !declared.has(programmeId)) issues.add('unknown_reference', [...path, 'programme'], `"${programmeId}" is not a programme of the municipality`);
  if (programme !== undefined && claim !== undefined) {
    const found = programme.budget.cover?.claims.find((c) => c.id === claim);
    const source = found === undefined ? undefined : programme.budget.cover?.sources[found.source];
    if (found === undefined) issues.add('unknown_reference', [...path, 'claim'], `"${claim}" is not a claim in the cover of programme ${programme.id}`);
    else if (source?.kind !== 'oad') issues.add('invalid_value', [...path, 'claim'], `the claim "${claim}" of programme ${programme.id} is on "${found.source}", which is not a source of kind "oad": only dekking via OAD is linked to the OAD`);
  }
}

/**
 * The cross-checks of a municipality built by hand (not read from a document): every programme's horizon, and the
 * general parts' (`general`), hold the years of the OAD; every link names an OAD row, a programme and that
 * programme's claim on a source of kind `oad`. The issues are at `<param>.programmes[i].budget.horizon`,
 * `<param>.links[k].claim`, ... (`param` first).
 * @internal
 */
export function checkMunicipalityParts(issues: IssueCollector, param: string, programmes: readonly MunicipalProgramme[], oad: Budget, general: Budget, links: readonly OadLink[]): void {
  const years = oad.horizon.years;
  programmes.forEach((p, i) => checkProgrammeHorizon(issues, p.budget, years, [param, 'programmes', i, 'budget', 'horizon'], p.id));
  const missing = years.filter((y) => !general.horizon.years.includes(y));
  if (missing.length > 0) issues.add('year_outside_horizon', [param, 'general', 'horizon'], `the years ${missing.join(', ')} of the OAD are not in the horizon of the other parts (${general.horizon.from}-${general.horizon.to})`);
  const oadRows = new Set(rowsWithPaths(oad, []).map((r) => r.id));
  links.forEach((l, k) => checkLink(issues, [param, 'links', k], l.oad, l.programme, l.claim, oadRows, programmes, new Set()));
}

/** The links: each names an OAD row, a programme and a claim of that programme on a source of kind `oad`. */
function readLinks(issues: IssueCollector, doc: Record<string, unknown>, oad: Budget | undefined, programmes: readonly MunicipalProgramme[], declared: ReadonlySet<string>): OadLink[] {
  if (!('links' in doc)) return [];
  const list = doc['links'];
  if (!Array.isArray(list)) {
    issues.add('invalid_type', ['links'], `the links are a list, not ${describeValue(list)}`);
    return [];
  }
  const oadRows = oad === undefined ? undefined : new Set(rowsWithPaths(oad, []).map((r) => r.id));
  const out: OadLink[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i: number) => {
    const path: Path = ['links', i];
    if (!isRecord(entry) || Array.isArray(entry)) {
      issues.add('invalid_type', path, `a link is an object { "oad", "programme", "claim" }, not ${describeValue(entry)}`);
      return;
    }
    checkKeys(entry, ['oad', 'programme', 'claim'], path, 'report', (code, p, message) => issues.add(code, p, message));
    const line = readId(issues, entry['oad'], [...path, 'oad']);
    const programmeId = readId(issues, entry['programme'], [...path, 'programme']);
    const claim = readId(issues, entry['claim'], [...path, 'claim']);
    checkLink(issues, path, line, programmeId, claim, oadRows, programmes, declared);
    if (line === undefined || programmeId === undefined || claim === undefined) return;
    const key = JSON.stringify([line, programmeId, claim]);
    if (seen.has(key)) issues.add('duplicate_id', path, `the link of ${line} to claim ${claim} of programme ${programmeId} is written twice`);
    seen.add(key);
    out.push(Object.freeze({ oad: line, programme: programmeId, claim }));
  });
  return out;
}
