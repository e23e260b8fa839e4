import type { Path } from '../../core/errors.js';
import { tally, work } from '../../core/work.js';
import { type Cell, type Nature } from '../../model/budget.js';
import { idRecordOf } from '../../core/records.js';
import { each, isObject } from '../shape-checker.js';
import { lineOf, pmCell, sortedEntries } from './cells.js';
import type { ChangeStep, ScenarioAmount } from './common.js';
import type { ChangeKindEntry, DLine, LineContext, RowRef } from './context.js';

/** A component of an added line. @category Scenarios */
export interface NewComponent {
  /** Id; defaults to `<line id>#<n>`. */
  readonly id?: string;
  /** Title. */
  readonly title: string;
  /** Incidental or structural; defaults to the line's. */
  readonly nature?: Nature;
  /** Free labels. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Values by year (`"2026": "-500"`, `"pm"`). */
  readonly values: Readonly<Record<string, ScenarioAmount>>;
}

/** Add a line to a section (regel toevoegen). @category Scenarios */
export interface AddLineChange {
  /** Discriminant. */
  readonly kind: 'add-line';
  /** The section id. */
  readonly section: string;
  /** Insert after this line of the section; at the end by default. */
  readonly after?: string;
  /** The new line. */
  readonly line: {
    /** Id, unique among lines and components. */
    readonly id: string;
    /** Title. */
    readonly title: string;
    /** Incidental or structural. */
    readonly nature: Nature;
    /** Free labels (goal, taakveld, maatregel). */
    readonly tags?: Readonly<Record<string, string>>;
    /** Values of the own row by year (`"2026": "-500"`, `"pm"`). */
    readonly values?: Readonly<Record<string, ScenarioAmount>>;
    /** Components. */
    readonly components?: readonly NewComponent[];
  };
  /** A note for reports. */
  readonly note?: string;
}

function cellFromDocument(ctx: LineContext, raw: ScenarioAmount, step: ChangeStep, path: Path): Cell | undefined {
  if (typeof raw === 'string' && /^[+-]?pm$/i.test(raw.trim())) return pmCell(raw.trim());
  return ctx.amount(raw, step, path);
}

function addLine(ctx: LineContext, change: AddLineChange, step: ChangeStep, i: number): void {
  if (work.enabled) tally('rowVisit', ctx.draft.sections.length);
  const section = ctx.draft.sections.find((s) => s.id === change.section);
  if (section === undefined) {
    ctx.issue('unknown_reference', [...step.path, 'section'], `no section "${change.section}" in the budget`);
    return;
  }
  const spec = change.line;
  const lp = [...step.path, 'line'];
  const ids = [spec.id, ...(spec.components ?? []).map((c, n) => c.id ?? `${spec.id}#${n + 1}`)];
  let ok = true;
  ids.forEach((id, n) => {
    if (ctx.find(id) !== undefined || ids.indexOf(id) !== n) {
      ctx.issue('duplicate_id', n === 0 ? [...lp, 'id'] : [...lp, 'components', n - 1, 'id'], `"${id}" is already a line or component`);
      ok = false;
    }
  });
  let at = section.lines.length;
  if (change.after !== undefined) {
    if (work.enabled) tally('rowVisit', section.lines.length);
    at = section.lines.findIndex((l) => l.id === change.after) + 1;
    if (at === 0) {
      ctx.issue('unknown_reference', [...step.path, 'after'], `no line "${change.after}" in section "${change.section}"`);
      ok = false;
    }
  }
  const horizon = ctx.draft.horizon;
  const readValues = (values: Readonly<Record<string, ScenarioAmount>> | undefined, path: Path): Record<string, Cell> => {
    const out: Record<string, Cell> = {};
    for (const [year, raw] of Object.entries(values ?? {})) {
      const y = Number(year);
      if (y < horizon.from || y > horizon.to) {
        ctx.issue('year_outside_horizon', [...path, year], `${year} is outside the horizon ${horizon.from}-${horizon.to}`);
        ok = false;
        continue;
      }
      const cell = cellFromDocument(ctx, raw, step, [...path, year]);
      if (cell === undefined) ok = false;
      else out[year] = cell;
    }
    return out;
  };
  const values = readValues(spec.values, [...lp, 'values']);
  const components = (spec.components ?? []).map((c, n) => ({
    id: ids[n + 1]!,
    title: c.title,
    nature: c.nature ?? spec.nature,
    tags: idRecordOf(Object.entries(c.tags ?? {})),
    values: readValues(c.values, [...lp, 'components', n, 'values']),
  }));
  if (!ok) return;
  const line = { id: spec.id, title: spec.title, nature: spec.nature, tags: idRecordOf(Object.entries(spec.tags ?? {})), values: {}, row: 'amount' as const, components: components.map((c) => ({ ...c, values: {} })) };
  section.lines.splice(at, 0, line as DLine);
  const added = section.lines[at]!;
  const sectionIndex = ctx.draft.sections.indexOf(section);
  ctx.addRows(added, sectionIndex);
  const own: RowRef = { line: added, component: undefined, id: spec.id, sectionIndex };
  for (const [year, cell] of sortedEntries(values)) ctx.write(own, Number(year), cell, i, 'create');
  components.forEach((c, n) => {
    const ref: RowRef = { line: added, component: added.components[n]!, id: c.id, sectionIndex };
    for (const [year, cell] of sortedEntries(c.values)) ctx.write(ref, Number(year), cell, i, 'create');
  });
}

const NEW_LINE_FIELDS = ['id', 'title', 'nature', 'tags', 'values', 'components'];
const NEW_COMPONENT_FIELDS = ['id', 'title', 'nature', 'tags', 'values'];

/** The add-line change kind: fields, shape check, application and footprint. @internal */
export const addLineKind = {
  fields: ['kind', 'section', 'after', 'line', 'note'],
  shape(check, change, path) {
    check.id(change['section'], [...path, 'section'], 'section');
    if (change['after'] !== undefined) check.id(change['after'], [...path, 'after'], 'after');
    const line = change['line'];
    const lp = [...path, 'line'];
    if (!isObject(line)) {
      check.c.add(line === undefined ? 'missing_field' : 'invalid_type', lp, 'line must be an object { id, title, nature, values }');
      return;
    }
    check.fields(line, NEW_LINE_FIELDS, lp);
    check.newId(line['id'], [...lp, 'id'], 'line id');
    check.budgetText(line['title'], [...lp, 'title'], 'title', true);
    check.nature(line['nature'], [...lp, 'nature'], true);
    check.tags(line['tags'], [...lp, 'tags']);
    check.values(line['values'], [...lp, 'values'], false);
    const comps = line['components'];
    if (comps !== undefined) {
      if (!Array.isArray(comps)) check.c.add('invalid_type', [...lp, 'components'], 'components must be a list');
      else
        each(comps, (comp, i) => {
          const cp = [...lp, 'components', i];
          if (!isObject(comp)) return check.c.add('invalid_type', cp, 'a component must be an object { title, values }');
          check.fields(comp, NEW_COMPONENT_FIELDS, cp);
          if (comp['id'] !== undefined) check.newId(comp['id'], [...cp, 'id'], 'component id');
          check.budgetText(comp['title'], [...cp, 'title'], 'title', true);
          check.nature(comp['nature'], [...cp, 'nature'], false);
          check.tags(comp['tags'], [...cp, 'tags']);
          check.values(comp['values'], [...cp, 'values'], true);
        });
    }
  },
  apply: addLine,
  footprint: // where it goes depends on the line it follows, which an earlier change may add, move or drop
  (change, lines) => (change.after === undefined ? [change.line.id] : [change.line.id, lineOf(lines, change.after)]),
} satisfies ChangeKindEntry<AddLineChange>;
