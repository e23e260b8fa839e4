/**
 * Reading a budget's data package back (the files `toDataPackage` writes) into a budget document: the frame from
 * `datapackage.json`, the cells from the CSV resource, every cell checked against the frame. Never evaluates: the
 * public `readDataPackage` hands the document to the loader.
 * @module
 */
import { Dec, plainString } from '../core/decimal.js';
import { IssueCollector, fail, type Path } from '../core/errors.js';
import { describeValue, isRecord } from '../core/fields.js';
import { UNITS, unitFactor, type Unit } from '../model/budget.js';
import { readRows } from './csv-rows.js';
import type { BudgetDocument, ComponentDocument, LineDocument, SectionDocument } from './format.js';
import { parseJsonText, type JsonLimits } from './json.js';
import { CELL_FIELDS, DATA_PACKAGE_FORMAT } from './data-package.js';

const DESCRIPTOR = 'datapackage.json';
/** An amount as the number type of a table schema writes it without exponent: "-1234.5". */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const YEAR = /^\d{4}$/;

/** One row of the frame the CSV may fill: a line's own row or a component. */
interface Slot {
  readonly section: SectionDocument;
  readonly line: LineDocument;
  readonly component?: ComponentDocument;
  readonly values: Record<string, string>;
}

/** Whether two tag records hold the same keys and values. */
function sameTags(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** The frame's budget document with the package's cells filled in; problems go to `issues`. @internal */
export function readDataPackageDocument(files: Readonly<Record<string, unknown>>, limits: JsonLimits, issues: IssueCollector): BudgetDocument | undefined {
  const text = Object.hasOwn(files, DESCRIPTOR) ? files[DESCRIPTOR] : undefined;
  if (typeof text !== 'string') fail(text === undefined ? 'missing_field' : 'invalid_type', ['files', DESCRIPTOR], `readDataPackage: files must hold "${DESCRIPTOR}" as a text, not ${describeValue(text)}`);
  const descriptor = parseJsonText(text, limits);
  const at = (...path: Path): Path => [DESCRIPTOR, ...path];
  if (!isRecord(descriptor)) fail('invalid_type', at(), `${DESCRIPTOR} must hold an object, not ${describeValue(descriptor)}`);
  const frame = descriptor.meerjaren;
  if (!isRecord(frame) || frame.format !== DATA_PACKAGE_FORMAT) fail('missing_field', at('meerjaren'), `${DESCRIPTOR} has no "meerjaren" part of format "${DATA_PACKAGE_FORMAT}": it was not written by toDataPackage`);
  if (frame.version !== 1) fail('unsupported_version', at('meerjaren', 'version'), `this version of meerjaren reads data packages of version 1, not ${describeValue(frame.version)}`);
  if (!isRecord(frame.budget) || !Array.isArray(frame.budget.sections)) fail('invalid_type', at('meerjaren', 'budget'), 'the budget of the data package must be a budget document');
  const resources = Array.isArray(descriptor.resources) ? descriptor.resources : [];
  const index = resources.findIndex((r) => isRecord(r) && r.name === frame.resource);
  const resource = resources[index] as Record<string, unknown> | undefined;
  if (resource === undefined || typeof resource.path !== 'string') fail('missing_field', at('resources'), `${DESCRIPTOR} lists no resource "${String(frame.resource)}" with a path`);
  const csv = Object.hasOwn(files, resource.path) ? files[resource.path] : undefined;
  if (typeof csv !== 'string') fail('missing_field', ['files', resource.path], `readDataPackage: files must hold the resource "${resource.path}" as a text, not ${describeValue(csv)}`);
  // never changed: the cells go into new objects (withValues)
  const document = frame.budget as unknown as BudgetDocument;
  const slots = slotsOf(document);
  // a frame the loader will refuse (its rows, unit or horizon) is handed on as it is, for the loader's codes and paths
  if (slots === undefined || !(UNITS as readonly unknown[]).includes(document.unit) || !isRecord(document.horizon)) return document;
  fillCells(document, slots, resource.path, csv, issues);
  return withValues(document, slots);
}

/** Every row of the frame by id (line ids for their own rows; components by their id, or the default `<line>#<n>`). */
function slotsOf(document: BudgetDocument): Map<string, Slot> | undefined {
  const slots = new Map<string, Slot>();
  for (const section of document.sections) {
    if (!isRecord(section) || !Array.isArray(section.lines)) return undefined;
    for (const raw of section.lines as readonly unknown[]) {
      if (!isRecord(raw) || typeof raw.id !== 'string') return undefined;
      const line = raw as unknown as LineDocument;
      slots.set(line.id, { section, line, values: {} });
      const components: readonly unknown[] = Array.isArray(raw.components) ? raw.components : [];
      components.forEach((component, k) => {
        if (!isRecord(component)) return;
        const id = typeof component.id === 'string' ? component.id : `${line.id}#${k + 1}`;
        slots.set(id, { section, line, component: component as unknown as ComponentDocument, values: {} });
      });
    }
  }
  return slots;
}

/** Reads the CSV's cells into the slots. */
function fillCells(document: BudgetDocument, slots: Map<string, Slot>, path: string, csv: string, issues: IssueCollector): void {
  const rows = readRows(csv, { separator: ',' });
  const header = rows[0] ?? [];
  const column = new Map<string, number>();
  header.forEach((name, c) => column.set(name, c));
  const missing = CELL_FIELDS.filter((f) => !column.has(f.name));
  for (const f of missing) issues.add('missing_field', [path, 0, f.name], `the CSV header has no column "${f.name}"`);
  if (missing.length > 0) return;
  const factor = new Dec(unitFactor(document.unit as Unit));
  const negate = document.sign === 'nadeel-positive';
  const from = document.horizon.from;
  const to = document.horizon.to;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === '') continue;
    const get = (name: string): string => row[column.get(name)!] ?? '';
    const where = (name: string): Path => [path, r, name];
    const componentId = get('component');
    const slot = slots.get(componentId === '' ? get('line') : componentId);
    if (slot === undefined || slot.line.id !== get('line') || (componentId === '') !== (slot.component === undefined)) {
      issues.add('unknown_reference', where(componentId === '' ? 'line' : 'component'), `row ${r + 1}: the budget of the package has no ${componentId === '' ? `line "${get('line')}"` : `component "${componentId}" in line "${get('line')}"`}`);
      continue;
    }
    const own = slot.component ?? slot.line;
    if (slot.component === undefined && slot.line.row === 'subtotal') {
      issues.add('invalid_value', where('line'), `row ${r + 1}: line ${slot.line.id} is a printed subtotal; its figures are in ${DESCRIPTOR}, not cells`);
      continue;
    }
    const expect = (name: string, value: string, wanted: string): void => {
      if (value !== wanted) issues.add('invalid_value', where(name), `row ${r + 1}: ${name} is "${value}", but the budget of the package says "${wanted}"`);
    };
    expect('section', get('section'), slot.section.id);
    expect('sectionTitle', get('sectionTitle'), slot.section.title);
    expect('lineTitle', get('lineTitle'), slot.line.title);
    if (slot.component !== undefined) expect('componentTitle', get('componentTitle'), slot.component.title);
    expect('nature', get('nature'), String(own.nature ?? slot.line.nature));
    let tags: unknown;
    try {
      tags = JSON.parse(get('tags'));
    } catch {
      tags = undefined;
    }
    if (!isRecord(tags) || !sameTags(tags, own.tags ?? {})) issues.add('invalid_value', where('tags'), `row ${r + 1}: the tags are not the JSON object of the row's tags in the budget of the package`);
    const year = get('year');
    if (!YEAR.test(year) || Number(year) < from || Number(year) > to) {
      issues.add(YEAR.test(year) ? 'year_outside_horizon' : 'invalid_year', where('year'), `row ${r + 1}: "${year}" is not a year of the horizon ${from} - ${to}`);
      continue;
    }
    if (Object.hasOwn(slot.values, year)) {
      issues.add('duplicate_year', where('year'), `row ${r + 1}: row ${componentId || slot.line.id} has a cell for ${year} already`);
      continue;
    }
    const amount = get('amount');
    const pm = get('pm');
    if ((amount === '') === (pm === '')) {
      issues.add('invalid_amount', where('amount'), `row ${r + 1}: a cell has an amount or a pm, exactly one of them`);
      continue;
    }
    if (pm !== '') {
      if (pm !== 'pm' && pm !== '+pm' && pm !== '-pm') issues.add('invalid_value', where('pm'), `row ${r + 1}: pm is "pm", "+pm" or "-pm", not "${pm}"`);
      else slot.values[year] = pm === 'pm' || !negate ? pm : pm === '+pm' ? '-pm' : '+pm';
      continue;
    }
    if (!PLAIN_NUMBER.test(amount)) {
      issues.add('invalid_amount', where('amount'), `row ${r + 1}: "${amount}" is not a plain number in euros ("-1234.5")`);
      continue;
    }
    const euros = new Dec(amount);
    slot.values[year] = plainString((negate ? euros.negated() : euros).div(factor));
  }
}

/** The document with every counted row's values: the cells read, none for a row without cells. */
function withValues(document: BudgetDocument, slots: Map<string, Slot>): BudgetDocument {
  const valuesOf = (id: string): Record<string, string> => slots.get(id)?.values ?? {};
  return {
    ...document,
    sections: document.sections.map((section) => ({
      ...section,
      lines: section.lines.map((line) => ({
        ...line,
        ...(line.row === 'subtotal' ? {} : { values: valuesOf(line.id) }),
        ...(line.components === undefined ? {} : { components: line.components.map((c, k) => ({ ...c, values: valuesOf(c.id ?? `${line.id}#${k + 1}`) })) }),
      })),
    })),
  };
}
