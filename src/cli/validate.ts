/**
 * The `validate` command (controleren): checks a document of any kind (a budget, a scenario, a list or library
 * of scenarios, a cover or targets document), told from its shape or named with `--kind`, and lists every
 * problem as text or as JSON for tools: `{ "ok", "kind", "issues": [{ "code", "path", "message", "line"?, "column"? }] }`.
 * @module
 */
import { MeerjarenError, issue, type Issue } from '../core/errors.js';
import type { Budget } from '../model/budget.js';
import { parseJsonStrict } from '../document/json.js';
import { loadMunicipality } from '../evaluate/load-municipality.js';
import { loadBudget } from '../evaluate/load.js';
import { loadScenario } from '../scenario/load.js';
import { loadRiskRegister } from '../document/read-risks.js';
import { readRegister } from '../evaluate/weerstandsvermogen.js';
import { withCover } from '../validate/with-cover.js';
import { withTargets } from '../validate/with-targets.js';
import { EXIT, readText, type CliIo } from './context.js';
import { checkFindings, describeNotes } from './checks.js';
import { describeIssues, locateIssues, type Diagnostic } from './diagnostics.js';
import { DOCUMENT_KINDS, detectKind, type DocumentKind } from './kinds.js';
import { readScenarioFile } from './scenarios.js';
import type { Usage } from './usage.js';

/** What a document's check found: a summary when it holds, the problems and the notes. */
interface Verdict {
  readonly summary: string;
  readonly issues: readonly Issue[];
  readonly notes: readonly Diagnostic[];
  /** The first year of the budget's horizon, when the document is a budget (to place a year written in a list). */
  readonly from?: number;
}

const held = (summary: string, notes: readonly Diagnostic[] = []): Verdict => ({ summary, issues: [], notes });

/** Runs a check, turning a refusal into its issues. */
function attempt(check: () => Verdict): Verdict {
  try {
    return check();
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    return { summary: '', issues: e.issues, notes: [] };
  }
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The issues of a part checked against a budget, their paths made relative to the part's own file (`cover.x` is `x`). */
function outOf(part: string, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => (i.pathSegments[0] === part ? issue(i.code, i.pathSegments.slice(1), i.message) : i));
}

function checkBudget(text: string): Verdict {
  const budget = loadBudget(text, { totals: 'ignore' });
  const { mismatches, notes } = checkFindings(budget, text);
  const lines = budget.sections.reduce((n, s) => n + s.lines.length, 0);
  return { summary: `${lines} lines, ${budget.horizon.from}-${budget.horizon.to}`, issues: mismatches, notes, from: budget.horizon.from };
}

/** Checks a document of a known kind; `budget` is the one `--budget` named, for the kinds that refer to one. */
function checkDocument(kind: DocumentKind, text: string, budget: Budget | undefined): Verdict {
  switch (kind) {
    case 'budget':
      return checkBudget(text);
    case 'scenario': {
      const s = loadScenario(text, budget === undefined ? {} : { budget });
      return held(`scenario "${s.id}", ${count(s.changes.length, 'change', 'changes')}${budget === undefined ? '' : ', references checked'}`);
    }
    case 'scenario-list':
    case 'scenario-library': {
      const { scenarios, paths } = readScenarioFile(text);
      if (budget !== undefined) {
        const issues: Issue[] = [];
        scenarios.forEach((s, i) => {
          const v = attempt(() => (loadScenario(s, { budget, library: scenarios }), held('')));
          issues.push(...v.issues.map((x) => (x.pathSegments[0] === 'library' ? x : issue(x.code, [...(paths[i] ?? []), ...x.pathSegments], x.message))));
        });
        if (issues.length > 0) throw new MeerjarenError(issues);
      }
      return held(`${count(scenarios.length, 'scenario', 'scenarios')}${budget === undefined ? '' : ', references checked'}`);
    }
    case 'cover': {
      const covered = attempt(() => {
        const c = withCover(budget!, parseJsonStrict(text)).cover;
        return held(`${count(Object.keys(c?.sources ?? {}).length, 'source', 'sources')}, ${count(c?.claims.length ?? 0, 'claim', 'claims')}`);
      });
      return { ...covered, issues: outOf('cover', covered.issues) };
    }
    case 'municipality': {
      const m = loadMunicipality(text);
      return held(`${count(m.programmes.length, 'programme', 'programmes')}, ${count(m.links.length, 'link', 'links')} of dekking via OAD, ${m.horizon.from}-${m.horizon.to}`);
    }
    case 'targets': {
      const set = attempt(() => held(count(Object.keys(withTargets(budget!, parseJsonStrict(text)).targets ?? {}).length, 'target', 'targets')));
      return { ...set, issues: outOf('targets', set.issues) };
    }
    case 'risks': {
      const register = loadRiskRegister(text);
      // with --budget, the risks' lines are checked against it
      if (budget !== undefined) readRegister('validate', register, { budget });
      return held(`${count(register.risks.length, 'risk', 'risks')}, ${count(register.capacity.length, 'capacity part', 'capacity parts')}${budget === undefined ? '' : ', lines checked'}`);
    }
  }
}

/** The kind of the document: the one `--kind` names, else told from its shape; an issue when neither says. */
function kindOf(use: Usage, text: string): DocumentKind | Issue[] {
  if (use.kind !== undefined) return use.kind;
  let raw: unknown;
  try {
    raw = parseJsonStrict(text);
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    return [...e.issues];
  }
  const kind = detectKind(raw);
  if (kind !== undefined) return kind;
  return [issue('invalid_value', [], `cannot tell what kind of document this is; name it with --kind (${DOCUMENT_KINDS.join(', ')})`)];
}

/** The budget named by `--budget`, or the exit code after saying what is wrong with it. */
function budgetOf(file: string, io: CliIo): Budget | number {
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  try {
    return loadBudget(text);
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    io.stderr(describeIssues(file, text, e.issues));
    return EXIT.invalidInput;
  }
}

/**
 * Runs `validate`: exit 0 when the document holds (rounding differences are notes), 1 when it is refused (every
 * problem listed), 2 when a cover or targets document has no `--budget` to check it against, 3 when a file
 * cannot be read.
 * @param use - the checked usage
 * @param io - file and console access
 */
export function runValidate(use: Usage, io: CliIo): number {
  const { file } = use;
  const text = readText(file, io);
  if (typeof text === 'number') return text;
  const kind = kindOf(use, text);
  let budget: Budget | undefined;
  if (typeof kind === 'string' && use.budget !== undefined) {
    const b = budgetOf(use.budget, io);
    if (typeof b === 'number') return b;
    budget = b;
  }
  if ((kind === 'cover' || kind === 'targets') && budget === undefined) {
    io.stderr(`meerjaren: a ${kind} document is checked against its budget: give it with --budget <budget.json>\n\nRun "meerjaren --help" for usage.\n`);
    return EXIT.usage;
  }
  const verdict = typeof kind === 'string' ? attempt(() => checkDocument(kind, text, budget)) : { summary: '', issues: kind, notes: [] };
  const ok = verdict.issues.length === 0;
  if (use.format === 'json') {
    const report = { ok, kind: typeof kind === 'string' ? kind : 'unknown', issues: locateIssues(text, verdict.issues, verdict.from), notes: verdict.notes };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else if (ok) {
    io.stdout(`${file}: valid${kind === 'budget' ? '' : ` ${String(kind)}`} (${verdict.summary})\n${describeNotes(file, verdict.notes)}`);
  } else {
    io.stderr(describeNotes(file, verdict.notes) + describeIssues(file, text, verdict.issues, verdict.from));
  }
  return ok ? EXIT.ok : EXIT.invalidInput;
}
