/**
 * `meerjaren check FILE`: reads a printed table (CSV, any separator) and checks every printed total, subtotal,
 * waarvan, structural and sum figure against its exact computation.
 * @module
 */
import { MeerjarenError, type Issue } from '../core/errors.js';
import { parseJsonStrict } from '../document/json.js';
import { readPrintedTable } from '../document/printed-table.js';
import type { PrintedLayout, PrintedTable } from '../document/printed-table-types.js';
import { JsonNumberText } from '../core/fields.js';
import { EXIT, emit, readText, type CliIo } from './context.js';
import type { Usage } from './usage.js';

/** The JSON output of `check`: exactly these fields. */
interface CheckOutput {
  readonly ok: boolean;
  readonly checks: readonly { readonly row: string; readonly column: string; readonly printed: string; readonly computed: string; readonly status: string }[];
  readonly issues: readonly { readonly code: string; readonly path: string; readonly message: string }[];
}

/** Runs `check`: exit 0 when no figure mismatches and there is no issue, 1 otherwise. */
export function runCheck(use: Usage, io: CliIo): number {
  const text = readText(use.file, io);
  if (typeof text === 'number') return text;
  let layout: PrintedLayout | undefined;
  if (use.layout !== undefined) {
    const layoutText = readText(use.layout, io);
    if (typeof layoutText === 'number') return layoutText;
    try {
      layout = indices(parseJsonStrict(layoutText)) as PrintedLayout;
    } catch (e) {
      if (!MeerjarenError.is(e)) throw e;
      return finish({ ok: false, checks: [], issues: plainIssues(e.issues, `${use.layout}: `) }, use, io);
    }
  }
  let table: PrintedTable;
  try {
    table = readPrintedTable(text, {
      locale: use.locale,
      language: use.lang,
      ...(use.unit === undefined ? {} : { unit: use.unit }),
      ...(use.sign === undefined ? {} : { sign: use.sign }),
      ...(layout === undefined ? {} : { layout }),
    });
  } catch (e) {
    if (!MeerjarenError.is(e)) throw e;
    return finish({ ok: false, checks: [], issues: plainIssues(e.issues, '') }, use, io);
  }
  const checks = table.checks.map((c) => ({ row: c.row, column: c.column, printed: c.printed, computed: c.computed, status: c.status }));
  const output: CheckOutput = { ok: table.ok, checks, issues: plainIssues(table.issues, '') };
  return finish(output, use, io, table.checks.map((c) => `${c.status === 'ok' ? '  ' : c.status === 'rounding' ? '~ ' : '! '}${c.message}`));
}

/** The layout as plain values: its numbers are row and column indices and years, read as JavaScript numbers. */
function indices(value: unknown): unknown {
  if (value instanceof JsonNumberText) return Number(value.text);
  if (Array.isArray(value)) return value.map(indices);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, indices(v)]));
  return value;
}

function plainIssues(issues: readonly Issue[], prefix: string): CheckOutput['issues'] {
  return issues.map((i) => ({ code: i.code, path: i.path, message: `${prefix}${i.message}` }));
}

/** Writes the output (JSON, or one line per check and per issue) and returns the exit code. */
function finish(output: CheckOutput, use: Usage, io: CliIo, lines: readonly string[] = []): number {
  let text: string;
  if (use.format === 'json') text = `${JSON.stringify(output, null, 2)}\n`;
  else {
    const nl = use.lang === 'nl';
    const mismatches = output.checks.filter((c) => c.status === 'mismatch').length;
    const summary = nl
      ? `${output.checks.length} controles, ${mismatches} met een verschil, ${output.issues.length} problemen`
      : `${output.checks.length} checks, ${mismatches} with a difference, ${output.issues.length} problems`;
    text = [...lines, ...output.issues.map((i) => `${use.file}: ${i.path === '' ? '' : `${i.path}: `}${i.message} [${i.code}]`), summary, ''].join('\n');
  }
  const code = emit(text, undefined, io);
  return code !== EXIT.ok ? code : output.ok ? EXIT.ok : EXIT.invalidInput;
}
