/**
 * Problems as the command line prints them (meldingen): each issue placed at the line and column of its value in
 * the file where that is known, written `file:line:column: path: message [code]` or as JSON for tools.
 * @module
 */
import { formatPath, type Issue } from '../core/errors.js';
import { jsonPositions, type TextPosition } from '../document/json.js';

/** One problem of a document, placed in its file where known (the `issues` of `validate --format json`). */
export interface Diagnostic {
  /** The issue code. */
  readonly code: string;
  /** The path of the bad value (empty for the document). */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** Line in the file, from 1, when known. */
  readonly line?: number;
  /** Column in the file, from 1, when known. */
  readonly column?: number;
}

/** The position a syntax error names in its message ("... at line 4, column 16"). */
const SYNTAX_POSITION = /at line (\d+), column (\d+)$/;

/**
 * Where an issue's value starts in the text: the position a JSON syntax error names in its message (the path of
 * a syntax error is the value being read, not where reading stopped), else the value at its path, else its
 * nearest parent that was found (a missing field points at the object that lacks it).
 */
function positionOf(issue: Issue, positions: ReadonlyMap<string, TextPosition>, from: number | undefined): TextPosition | undefined {
  if (issue.code === 'invalid_json') {
    const m = SYNTAX_POSITION.exec(issue.message);
    if (m !== null) return { line: Number(m[1]), column: Number(m[2]) };
  }
  let where = positions.get(issue.path);
  // a year's value written in a list of values (`"expected": ["1", "2"]`) sits at its index
  const last = issue.pathSegments.at(-1);
  if (where === undefined && from !== undefined && typeof last === 'string' && /^\d{4}$/.test(last)) {
    where = positions.get(formatPath([...issue.pathSegments.slice(0, -1), Number(last) - from]));
  }
  for (let segments = [...issue.pathSegments]; where === undefined && segments.length > 0; ) {
    segments = segments.slice(0, -1);
    where = positions.get(formatPath(segments));
  }
  return where;
}

/**
 * Places every issue in the text it came from.
 * @param text - the JSON text of the document
 * @param issues - its problems
 * @param from - the first year of the horizon, when known: a year's value written in a list is at its index
 */
export function locateIssues(text: string, issues: readonly Issue[], from?: number): Diagnostic[] {
  const positions = jsonPositions(text);
  return issues.map((i) => {
    const where = positionOf(i, positions, from);
    const base = { code: i.code, path: i.path, message: i.message };
    return where === undefined ? base : { ...base, line: where.line, column: where.column };
  });
}

/**
 * Lists problems as `file:line:column: path: message [code]`, one a line, and a count.
 * @param file - the file name
 * @param text - its text, to find lines in
 * @param issues - the problems
 * @param from - the first year of the horizon, when known
 */
export function describeIssues(file: string, text: string, issues: readonly Issue[], from?: number): string {
  const lines = locateIssues(text, issues, from).map((d) => {
    const at = d.line === undefined ? file : `${file}:${d.line}:${d.column}`;
    return `${at}: ${d.path === '' ? '(document)' : d.path}: ${d.message} [${d.code}]`;
  });
  return `${lines.join('\n')}\n${issues.length} problem${issues.length === 1 ? '' : 's'} in ${file}\n`;
}
