/**
 * `meerjaren compare A B [--map FILE]`: two versions of a budget (budget or version documents) compared over the
 * union of their horizons, as text, Markdown or JSON.
 * @module
 */
import { MeerjarenError, issue, type Issue } from '../core/errors.js';
import { isRecord } from '../core/fields.js';
import { parseJsonStrict } from '../document/json.js';
import { VERSION_FORMAT } from '../document/read-version.js';
import type { IdMap, BudgetVersion } from '../model/versions.js';
import type { Budget } from '../model/budget.js';
import { loadBudget } from '../evaluate/load.js';
import { loadVersion } from '../evaluate/load-version.js';
import { compareVersions, type VersionComparison } from '../analysis/compare-versions.js';
import { versionTable } from '../report/version-table.js';
import { describeChange } from '../report/course-table.js';
import { versionSeries } from '../analysis/version-series.js';
import { renderText } from '../report/render-text.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { resolvePresentation } from '../report/presentation.js';
import { resultToJson } from '../report/json.js';
import { describeIssues } from './diagnostics.js';
import { EXIT, emit, readJson, readText, type CliIo } from './context.js';
import type { Usage } from './usage.js';

/** A version or a budget read from a file, or the exit code after saying what is wrong. */
export function readSide(file: string, io: CliIo, previous?: BudgetVersion | Budget): BudgetVersion | Budget | number {
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  try {
    const raw = parseJsonStrict(text);
    // a version with mutations and without its budget is derived from the first file
    const before = previous === undefined ? {} : { previous: asVersion(previous) };
    return isRecord(raw) && raw['format'] === VERSION_FORMAT ? loadVersion(text, { totals: 'ignore', ...before }) : loadBudget(text, { totals: 'ignore' });
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describeIssues(file, text, e.issues));
    return EXIT.invalidInput;
  }
}

/** A budget as an undated version (its title as its name); a version without its date. */
function asVersion(x: BudgetVersion | Budget): BudgetVersion {
  if ('kind' in x) {
    const { date: _date, ...rest } = x;
    return rest;
  }
  return { name: x.title, kind: 'begroting', budget: x };
}

/** The mutations of `b` listed, and their replay on `a`: lines of text under the table. */
function mutationLines(a: BudgetVersion | Budget, b: BudgetVersion): string {
  const m = b.mutations!;
  const lines = [`Mutaties ${b.name}: ${m.title}`, ...m.changes.map((c, i) => `  ${i + 1}. ${describeChange(c)}`)];
  const head = 'Naspelen van de mutaties op de eerste stand';
  try {
    const findings = versionSeries([asVersion(a), asVersion(b)]).findings;
    lines.push(findings.length === 0 ? `${head}: geen verschillen` : `${head}: ${findings.length} verschillen`, ...findings.map((f) => `  ${f.message}`));
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    lines.push(`${head}: niet mogelijk`, ...e.issues.map((i) => `  ${i.path}: ${i.message}`));
  }
  return lines.join('\n') + '\n';
}

/** The id map of `--map FILE`, or the exit code. */
export function readMap(file: string, io: CliIo): { map: IdMap; text: string } | number {
  const read = readJson(file, io);
  return typeof read === 'number' ? read : { map: read.value as IdMap, text: read.text };
}

/** Runs `compare`: exit 0 with the comparison, 1 when a document or the map is refused. */
export function runCompare(use: Usage, io: CliIo): number {
  const a = readSide(use.file, io);
  if (typeof a === 'number') return a;
  const b = readSide(use.other!, io, a);
  if (typeof b === 'number') return b;
  let map: { map: IdMap; text: string } | undefined;
  if (use.map !== undefined) {
    const read = readMap(use.map, io);
    if (typeof read === 'number') return read;
    map = read;
  }
  const declared = map?.map;
  let comparison: VersionComparison;
  try {
    comparison = compareVersions(a, b, declared === undefined ? {} : { idMap: declared });
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    if (map === undefined) throw e;
    // a problem of the map: at its key in the map file
    const issues: Issue[] = e.issues.map((i) => (i.pathSegments[0] === 'options' ? issue(i.code, i.pathSegments.slice(2), i.message) : i));
    io.stderr(describeIssues(use.map!, map.text, issues));
    return EXIT.invalidInput;
  }
  const budgetB = 'kind' in b ? b.budget : b;
  const presentation = resolvePresentation({ unit: use.unit ?? budgetB.presentation.unit, sign: use.sign ?? budgetB.presentation.sign, locale: use.lang, labels: use.lang });
  const table = versionTable(comparison);
  let output = use.format === 'json' ? resultToJson(comparison) : use.format === 'md' ? renderMarkdown(table, presentation) : renderText(table, presentation);
  if (use.format !== 'json' && 'kind' in b && b.mutations !== undefined) output += `\n${mutationLines(a, b)}`;
  return emit(output, use.out, io);
}
