/**
 * Each change kind carried to a new version of its budget (`keep-relative`: the change as written, with its ids,
 * amounts and years in the new version's terms), for `rebaseScenario`. One case per kind of `scenario/changes/`.
 * @module
 */
import type { ScenarioAmount, YearSelection } from '../scenario/changes/common.js';
import type { ClaimExtentSpec } from '../scenario/changes/add-claim.js';
import type { CapacitySpec } from '../scenario/changes/set-capacity.js';
import type { RealisationSpec } from '../scenario/changes/set-realisation.js';
import type { ValueSpec } from '../scenario/changes/set-amount.js';
import type { Change } from '../scenario/types.js';
import type { ChangeMapper } from './rebase-ids.js';

/** A note, when the change has one. */
function noteOf(change: Change): { note?: string } {
  return change.note === undefined ? {} : { note: change.note };
}

function valueOf(m: ChangeMapper, value: ValueSpec): ValueSpec {
  if (value === null) return null;
  if (typeof value === 'object') return 'percent' in value ? { percent: m.percent(value.percent) } : { add: m.amount(value.add) };
  return m.amountOrPm(value);
}

function extentOf(m: ChangeMapper, extent: ClaimExtentSpec): ClaimExtentSpec {
  if (extent === 'full') return extent;
  if ('share' in extent) return { share: m.percent(extent.share) };
  return { amount: m.yearRecord(extent.amount, (v: ScenarioAmount) => m.amount(v)) };
}

function capacityOf(m: ChangeMapper, capacity: CapacitySpec): CapacitySpec {
  if (capacity === 'balance' || capacity === 'unlimited') return capacity;
  if ('perYear' in capacity) return { perYear: m.yearRecord(capacity.perYear, (v: ScenarioAmount) => m.amount(v)) };
  if ('total' in capacity) {
    const from = capacity.from === undefined || m.keepYear(capacity.from) ? capacity.from : m.world.to.horizon.from;
    return from === undefined ? { total: m.amount(capacity.total) } : { total: m.amount(capacity.total), from };
  }
  const line = m.row('capacity.line', capacity.line);
  return capacity.years === undefined ? { line } : { line, years: capacity.years.filter((y) => m.keepYear(y)) };
}

function realisationOf(m: ChangeMapper, r: RealisationSpec): RealisationSpec {
  if (r === 'as-planned' || r === 'none') return r;
  const above = r.abovePlan === undefined ? {} : { abovePlan: r.abovePlan };
  if ('delay' in r) return { delay: r.delay, ...(r.rate === undefined ? {} : { rate: m.percent(r.rate) }), ...above };
  if ('rate' in r) return { rate: m.percent(r.rate), ...above };
  return { amount: m.yearRecord(r.amount, (v: ScenarioAmount) => m.amount(v)), ...above };
}

/**
 * A change as written, carried to `to` (its `keep-relative` form): ids through the mapper, amounts in `to`'s unit,
 * years cut to `to`'s horizon. The mapper records the references, what is gone and the lost years.
 * @param change - the change as the scenario wrote it
 * @param m - the mapper of this change
 * @param written - for a change whose years default to what it found (`estimate-pm` without years): the years it
 *   wrote in `from`
 * @internal
 */
export function carryChange(change: Change, m: ChangeMapper, written: readonly number[]): Change {
  switch (change.kind) {
    case 'set-amount':
      return { kind: change.kind, line: m.row('line', change.line), years: m.years('years', change.years), value: valueOf(m, change.value), ...noteOf(change) };
    case 'estimate-pm': {
      const line = m.row('line', change.line);
      const years: YearSelection = change.years === undefined ? m.yearList('years', written) : m.years('years', change.years);
      const v = change.value;
      const value = typeof v === 'object' ? { low: m.amount(v.low), likely: m.amount(v.likely), high: m.amount(v.high) } : m.amount(v);
      return { kind: change.kind, line, years, value, ...noteOf(change) };
    }
    case 'drop-line':
      return { kind: change.kind, line: m.row('line', change.line), ...noteOf(change) };
    case 'set-nature':
      return { kind: change.kind, line: m.row('line', change.line), nature: change.nature, ...noteOf(change) };
    case 'add-line': {
      const section = m.section('section', change.section);
      const after = change.after === undefined ? {} : { after: m.line('after', change.after) };
      const spec = change.line;
      const id = m.newRow('line.id', spec.id);
      const cell = (v: ScenarioAmount): string => m.amountOrPm(v);
      const components = spec.components?.map((c, n) => {
        const cid = c.id === undefined ? {} : { id: m.newRow(`line.components[${n}].id`, c.id) };
        return { ...cid, title: c.title, ...(c.nature === undefined ? {} : { nature: c.nature }), ...(c.tags === undefined ? {} : { tags: c.tags }), values: m.yearRecord(c.values, cell) };
      });
      const line = {
        id,
        title: spec.title,
        nature: spec.nature,
        ...(spec.tags === undefined ? {} : { tags: spec.tags }),
        ...(spec.values === undefined ? {} : { values: m.yearRecord(spec.values, cell) }),
        ...(components === undefined ? {} : { components }),
      };
      return { kind: change.kind, section, ...after, line, ...noteOf(change) };
    }
    case 'move-amount':
      return { kind: change.kind, from: m.row('from', change.from), to: m.row('to', change.to), years: m.years('years', change.years), amount: m.amount(change.amount), ...noteOf(change) };
    case 'index': {
      const lines = change.select.lines?.map((id, n) => m.row(`select.lines[${n}]`, id));
      const select = { ...(lines === undefined ? {} : { lines }), ...(change.select.tags === undefined ? {} : { tags: change.select.tags }) };
      const links = change.links?.map(([a, b], n) => [m.row(`links[${n}][0]`, a), m.row(`links[${n}][1]`, b)] as const);
      return {
        kind: change.kind,
        select,
        rates: m.yearRecord(change.rates, (r: ScenarioAmount) => m.percent(r)),
        ...(links === undefined ? {} : { links }),
        ...(change.requireLinked === undefined ? {} : { requireLinked: change.requireLinked }),
        ...noteOf(change),
      };
    }
    case 'add-claim': {
      const c = change.claim;
      const claim = {
        id: m.newClaim('claim.id', c.id),
        target: m.row('claim.target', c.target),
        source: m.source('claim.source', c.source),
        ...(c.extent === undefined ? {} : { extent: extentOf(m, c.extent) }),
        ...(c.years === undefined ? {} : { years: m.years('claim.years', c.years) }),
      };
      return { kind: change.kind, claim, ...(change.before === undefined ? {} : { before: m.claim('before', change.before) }), ...noteOf(change) };
    }
    case 'set-claim':
      return {
        kind: change.kind,
        claim: m.claim('claim', change.claim),
        ...(change.source === undefined ? {} : { source: m.source('source', change.source) }),
        ...(change.extent === undefined ? {} : { extent: extentOf(m, change.extent) }),
        ...(change.years === undefined ? {} : { years: change.years === 'all' ? 'all' : m.years('years', change.years) }),
        ...noteOf(change),
      };
    case 'drop-claim':
      return { kind: change.kind, claim: m.claim('claim', change.claim), ...noteOf(change) };
    case 'set-capacity': {
      const source = m.source('source', change.source);
      if (change.capacity !== undefined) return { kind: change.kind, source, capacity: capacityOf(m, change.capacity), ...noteOf(change) };
      return { kind: change.kind, source, years: m.years('years', change.years ?? []), value: m.amount(change.value ?? '0'), ...noteOf(change) };
    }
    case 'set-reserve-opening':
      return { kind: change.kind, source: m.source('source', change.source), value: m.amount(change.value), ...noteOf(change) };
    case 'set-target-path': {
      const v = change.value;
      const value = v === null || (typeof v === 'string' && v.trim().toLowerCase() === 'pm') ? v : m.amount(v);
      return { kind: change.kind, target: m.target('target', change.target), years: m.years('years', change.years), value, ...noteOf(change) };
    }
    case 'set-realisation': {
      const target = m.target('target', change.target);
      const measures = change.measures?.map((id, n) => m.measure(`measures[${n}]`, change.target, id));
      return { kind: change.kind, target, ...(measures === undefined ? {} : { measures }), realisation: realisationOf(m, change.realisation), ...noteOf(change) };
    }
    case 'set-indicator': {
      const indicator = m.driver('indicator', 'indicator', change.indicator);
      return { kind: change.kind, indicator, ...(change.years === undefined ? {} : { years: m.years('years', change.years) }), value: m.plain(change.value), ...noteOf(change) };
    }
    case 'set-parameter': {
      const parameter = m.driver('parameter', 'parameter', change.parameter);
      return { kind: change.kind, parameter, periods: change.periods.map((p) => ({ from: p.from, value: m.plain(p.value) })), ...noteOf(change) };
    }
  }
}

/** The ids of rows a change adds (`add-line`), to be known while later changes are carried. @internal */
export function addedRows(change: Change): string[] {
  if (change.kind !== 'add-line') return [];
  return [change.line.id, ...(change.line.components ?? []).map((c, n) => c.id ?? `${change.line.id}#${n + 1}`)];
}

/** The claim a change adds (`add-claim`). @internal */
export function addedClaim(change: Change): string | undefined {
  return change.kind === 'add-claim' ? change.claim.id : undefined;
}
