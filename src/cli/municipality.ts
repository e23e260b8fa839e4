/**
 * `meerjaren report <municipality.json>`: the report of a whole municipality (gemeentebegroting): the overview of the
 * begrotingssaldo, its structural balance and the supervisor's verdict, the OAD, the findings of the double entry
 * "dekking via OAD" and the reeel warnings of every part; with `--scenario` and `--programme`, the scenarios on that
 * programme shown on the whole. A programme may be given by `file` (a budget document's
 * path relative to the municipality document): the command line reads it, the library never reads files.
 * @module
 */
import { dirname, isAbsolute, join } from 'node:path';
import { MeerjarenError, issue, type Issue } from '../core/errors.js';
import { isRecord } from '../core/fields.js';
import { parseJsonStrict } from '../document/json.js';
import { loadMunicipality } from '../evaluate/load-municipality.js';
import { evaluateMunicipality, type MunicipalityEvaluation } from '../evaluate/municipality.js';
import type { Municipality } from '../model/municipality.js';
import { budgetTable } from '../report/budget-table.js';
import { htmlDocument } from '../report/html-document.js';
import { resultToJson } from '../report/json.js';
import { municipalBalanceTable, municipalScenarioTable, municipalityTable } from '../report/municipality-table.js';
import { applyMunicipalScenario, type MunicipalScenarioResult } from '../evaluate/municipal-scenario.js';
import { applyScenarioFiles } from './scenarios.js';
import { resolvePresentation, type ResolvedPresentation } from '../report/presentation.js';
import { renderHtml } from '../report/render-html.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { tableToCsv } from '../report/csv.js';
import { describeIssues } from './diagnostics.js';
import { EXIT, emit, readText, type CliIo } from './context.js';
import type { Usage } from './usage.js';

/** A programme read from its own file: where it sits in the municipality document, the file and its text. */
interface ProgrammeFile {
  readonly index: number;
  readonly file: string;
  readonly text: string;
}

/** The municipality document with each programme's `file` replaced by the budget document it names; or the exit code. */
function resolveFiles(raw: unknown, base: string, io: CliIo): { doc: unknown; files: ProgrammeFile[] } | number {
  const files: ProgrammeFile[] = [];
  if (!isRecord(raw) || !Array.isArray(raw['programmes'])) return { doc: raw, files };
  const programmes: unknown[] = [];
  for (const [index, entry] of (raw['programmes'] as unknown[]).entries()) {
    if (!isRecord(entry) || typeof entry['file'] !== 'string' || 'budget' in entry) {
      programmes.push(entry);
      continue;
    }
    const name = entry['file'];
    const file = isAbsolute(name) || base === '-' ? name : join(dirname(base), name);
    const text = readText(file, io);
    if (typeof text === 'number') return text;
    let budget: unknown;
    try {
      budget = parseJsonStrict(text);
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      io.stderr(describeIssues(file, text, e.issues));
      return EXIT.invalidInput;
    }
    const { file: _file, ...rest } = entry;
    programmes.push({ ...rest, budget });
    files.push({ index, file, text });
  }
  return { doc: { ...raw, programmes }, files };
}

/** Says what is wrong: a problem inside a programme read from its own file at its place in that file, the rest in the municipality document. */
function describe(file: string, text: string, files: readonly ProgrammeFile[], issues: readonly Issue[]): string {
  const own: Issue[] = [];
  const byFile = new Map<ProgrammeFile, Issue[]>();
  for (const i of issues) {
    const s = i.pathSegments;
    const from = s[0] === 'programmes' && s[2] === 'budget' ? files.find((f) => f.index === s[1]) : undefined;
    if (from === undefined) own.push(i);
    else byFile.set(from, [...(byFile.get(from) ?? []), issue(i.code, s.slice(3), i.message)]);
  }
  const parts = [...byFile].map(([f, list]) => describeIssues(f.file, f.text, list));
  if (own.length > 0) parts.unshift(describeIssues(file, text, own));
  return parts.join('');
}

/** The verdict and every finding and warning, as sentences. */
function notesOf(e: MunicipalityEvaluation, labels: 'nl' | 'en'): string[] {
  const verdict =
    labels === 'en'
      ? { 'first-year': `structurally in balance in the first year (${e.firstYear})`, 'last-year': `structurally in balance at the latest in ${e.lastYear}`, 'not-in-balance': `not structurally in balance in ${e.firstYear} nor in ${e.lastYear}` }[e.verdict]
      : { 'first-year': `structureel in evenwicht in het eerste jaar (${e.firstYear})`, 'last-year': `structureel in evenwicht uiterlijk in ${e.lastYear}`, 'not-in-balance': `niet structureel in evenwicht in ${e.firstYear} en niet in ${e.lastYear}` }[e.verdict];
  const notes = [`${labels === 'en' ? 'Verdict' : 'Oordeel'}: ${verdict}`];
  for (const f of e.findings) notes.push(`[${f.code}] ${f.message}`);
  for (const w of e.warnings) notes.push(`[${w.code}] ${w.part === 'programme' ? `programma ${w.programme}` : w.part}: ${w.message}`);
  return notes;
}

/** The report of a municipality in a format. */
function municipalityReport(m: Municipality, e: MunicipalityEvaluation, use: Usage, presentation: ResolvedPresentation): string {
  const labels = presentation.labels;
  const overview = municipalityTable(m, e, { labels });
  if (use.format === 'csv') return tableToCsv(overview, presentation, { round: use.decimals !== undefined, bom: use.bom });
  if (use.format === 'json') return resultToJson({ title: m.title, ...e });
  const tables = [overview, municipalBalanceTable(m, e, { labels }), budgetTable(m.oad, { labels })];
  const notes = notesOf(e, labels);
  switch (use.format) {
    case 'text':
      return `${tables.map((t) => renderText(t, presentation)).join('\n\n')}\n\n${notes.join('\n')}`;
    case 'md':
      return `${tables.map((t) => renderMarkdown(t, presentation)).join('\n\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}`;
    case 'html':
      return htmlDocument({
        title: m.title,
        lang: labels,
        parts: [...tables.map((t) => ({ kind: 'html' as const, html: renderHtml(t, presentation) })), ...notes.map((text) => ({ kind: 'paragraph' as const, text }))],
      });
  }
}

/**
 * Runs `report` on a municipality document (its text read already): exit 0 with the report, 1 when a document is
 * refused (every problem at its place, in the municipality document or in a programme's own file).
 */
export function runMunicipalityReport(use: Usage, text: string, io: CliIo): number {
  if (use.scenarios.length > 0 && use.programme === undefined) {
    io.stderr(`meerjaren: ${use.file} is a municipality document: name the programme the scenarios are addressed to with --programme <id>\n\nRun "meerjaren --help" for usage.\n`);
    return EXIT.usage;
  }
  if (use.scenarios.length === 0 && use.programme !== undefined) {
    io.stderr('meerjaren: --programme names the programme of the scenarios: give them with --scenario <file>\n\nRun "meerjaren --help" for usage.\n');
    return EXIT.usage;
  }
  let files: ProgrammeFile[] = [];
  let m: Municipality;
  try {
    const resolved = resolveFiles(parseJsonStrict(text), use.file, io);
    if (typeof resolved === 'number') return resolved;
    files = resolved.files;
    m = loadMunicipality(resolved.doc);
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describe(use.file, text, files, e.issues));
    return EXIT.invalidInput;
  }
  const e = evaluateMunicipality(m);
  const presentation = resolvePresentation({
    unit: use.unit ?? m.presentation.unit,
    sign: use.sign ?? m.presentation.sign,
    locale: use.lang,
    labels: use.lang,
    rounding: use.rounding,
    ...(use.decimals === undefined ? {} : { decimals: use.decimals }),
  });
  if (use.programme === undefined) return emit(municipalityReport(m, e, use, presentation), use.out, io);
  const results = applyToProgramme(m, use.programme, use.scenarios, io);
  if (typeof results === 'number') return results;
  return emit(scenarioReport(m, results, use, presentation), use.out, io);
}

/**
 * Reads every scenario file and applies every scenario it holds to the programme, with all of them as the library
 * that `extends` looks in; or says what is wrong and returns the exit code.
 */
function applyToProgramme(m: Municipality, programme: string, files: readonly string[], io: CliIo): MunicipalScenarioResult[] | number {
  if (!m.programmes.some((p) => p.id === programme)) {
    io.stderr(`meerjaren: --programme: "${programme}" is not a programme of the municipality (${m.programmes.map((p) => p.id).join(', ')}) [unknown_reference]\n`);
    return EXIT.invalidInput;
  }
  return applyScenarioFiles(files, io, (scenario, library) => applyMunicipalScenario(m, programme, scenario, library));
}

/** The verdict as words. */
function verdictWords(verdict: MunicipalityEvaluation['verdict'], labels: 'nl' | 'en'): string {
  return labels === 'en'
    ? { 'first-year': 'in balance in the first year', 'last-year': 'in balance at the latest in the last year', 'not-in-balance': 'not in balance' }[verdict]
    : { 'first-year': 'in evenwicht in het eerste jaar', 'last-year': 'in evenwicht uiterlijk in het laatste jaar', 'not-in-balance': 'niet in evenwicht' }[verdict];
}

/** The report of scenarios on the whole: per scenario its table (before, effect, after) and the verdict before and after. */
function scenarioReport(m: Municipality, results: readonly MunicipalScenarioResult[], use: Usage, presentation: ResolvedPresentation): string {
  const labels = presentation.labels;
  const tables = results.map((r) => municipalScenarioTable(r, { labels, title: `${m.title}: ${r.title}` }));
  const notes = results.map((r) => `${r.title}: ${labels === 'en' ? 'verdict' : 'oordeel'} ${verdictWords(r.before.verdict, labels)} -> ${verdictWords(r.after.verdict, labels)}`);
  switch (use.format) {
    case 'csv':
      return tables.map((t) => tableToCsv(t, presentation, { round: use.decimals !== undefined, bom: use.bom })).join('\n');
    case 'json':
      return resultToJson({ title: m.title, scenarios: results.map((r) => ({ id: r.scenario, title: r.title, programme: r.programme, effect: r.effect, verdict: { before: r.before.verdict, after: r.after.verdict }, findings: r.after.findings })) });
    case 'text':
      return `${tables.map((t) => renderText(t, presentation)).join('\n\n')}\n\n${notes.join('\n')}`;
    case 'md':
      return `${tables.map((t) => renderMarkdown(t, presentation)).join('\n\n')}\n\n${notes.map((n) => `- ${n}`).join('\n')}`;
    case 'html':
      return htmlDocument({ title: m.title, lang: labels, parts: [...tables.map((t) => ({ kind: 'html' as const, html: renderHtml(t, presentation) })), ...notes.map((text) => ({ kind: 'paragraph' as const, text }))] });
  }
}
