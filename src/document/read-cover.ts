import { IssueCollector, type Path } from '../core/errors.js';
import { NATURES } from '../model/budget.js';
import { COVER_SOURCE_KINDS, type Capacity, type ClaimExtent, type Cover, type CoverClaim, type CoverSource, type ReserveBalance } from '../model/cover.js';
import { FieldReader, type ReadContext } from './field-reader.js';
import { requireReaderArguments } from './field-checks.js';

const SOURCE_FIELDS = ['id', 'title', 'kind', 'nature', 'capacity', 'reserve', 'tags'];
const CLAIM_FIELDS = ['id', 'target', 'source', 'amount', 'share', 'years'];
const RESERVE_FIELDS = ['opening', 'additions', 'withdrawals', 'bookedIn'];

/**
 * Reads the `cover` part of a budget document (dekking) into frozen {@link Cover} data, reporting every problem
 * to `issues` with its path.
 *
 * @remarks
 * The document writes sources as a list (their order is kept) and claims as a list in priority order:
 * ```json
 * { "sources": [{ "id": "oekraine", "title": "Voordeel Oekraïne", "kind": "windfall", "nature": "incidental",
 *                 "capacity": { "line": "1.1", "years": [2025] } }],
 *   "claims":  [{ "target": "1.2", "source": "oekraine" }, { "target": "3.1", "source": "oekraine", "amount": { "2025": "2.100" } }] }
 * ```
 * Capacity is `{ "perYear": values }`, `{ "total": amount, "from": year }`, `{ "line": id, "years": [...] }`,
 * `"balance"` (reserves; the default for them) or `"unlimited"`. A claim is full unless it gives `amount` (per year)
 * or `share` ("0.5"). Amounts are in the document's unit, zero or positive.
 *
 * Codes: `unknown_reference` (a claim on an unknown source or row, a capacity on an unknown line),
 * `negative_capacity`, `negative_amount`, `invalid_share`, `cycle` (A covers B covers A), `duplicate_id`,
 * `missing_field`, `invalid_value`, `unknown_field`.
 *
 * @param raw - the `cover` value of the document
 * @param path - its path (`['cover']`)
 * @param issues - where problems go
 * @param ctx - unit, horizon and rows of the budget
 * @returns the cover, or `undefined` when it could not be read at all
 * @category Cover
 */
export function readCover(raw: unknown, path: Path, issues: IssueCollector, ctx: ReadContext): Cover | undefined {
  requireReaderArguments('readCover', path, issues, ctx);
  const r = new FieldReader(issues, ctx);
  const doc = r.object(raw, path);
  if (doc === undefined) return undefined;
  r.fields(doc, ['sources', 'claims'], path);
  const sources: Record<string, CoverSource> = Object.create(null) as Record<string, CoverSource>;
  const sourcePaths = new Map<string, Path>();
  r.list(doc['sources'], [...path, 'sources'], false).forEach((s, i) => {
    const p = [...path, 'sources', i];
    const source = readSource(r, s, p);
    if (source === undefined) return;
    if (sourcePaths.has(source.id)) {
      issues.add('duplicate_id', [...p, 'id'], `the source id "${source.id}" is used twice`);
      return;
    }
    sourcePaths.set(source.id, p);
    sources[source.id] = source;
  });
  const claims: CoverClaim[] = [];
  const claimIds = new Set<string>();
  const claimPaths: Path[] = [];
  r.list(doc['claims'], [...path, 'claims'], false).forEach((c, i) => {
    const p = [...path, 'claims', i];
    const claim = readClaim(r, c, p, i, sources);
    if (claim === undefined) return;
    if (claimIds.has(claim.id)) {
      issues.add('duplicate_id', [...p, 'id'], `the claim id "${claim.id}" is used twice`);
      return;
    }
    claimIds.add(claim.id);
    claims.push(claim);
    claimPaths.push(p);
  });
  findCycles(claims, claimPaths, sources, ctx, issues);
  return { sources, claims };
}

function readSource(r: FieldReader, raw: unknown, path: Path): CoverSource | undefined {
  const s = r.object(raw, path);
  if (s === undefined) return undefined;
  r.fields(s, SOURCE_FIELDS, path);
  const id = r.id(s['id'], [...path, 'id']);
  const title = r.text(s['title'], [...path, 'title'], true);
  const kind = r.choice(s['kind'], COVER_SOURCE_KINDS, [...path, 'kind'], true);
  const nature = r.choice(s['nature'], NATURES, [...path, 'nature'], true);
  const tags = r.tags(s['tags'], [...path, 'tags']);
  let reserve: ReserveBalance | undefined;
  if (s['reserve'] !== undefined) {
    if (kind !== undefined && kind !== 'reserve') r.issues.add('invalid_value', [...path, 'reserve'], 'only a reserve source has a reserve balance');
    reserve = readReserve(r, s['reserve'], [...path, 'reserve']);
  } else if (kind === 'reserve') {
    r.issues.add('missing_field', [...path, 'reserve'], 'a reserve source needs its balance: { "opening": ... }');
  }
  const capacity = s['capacity'] === undefined && kind === 'reserve' ? ({ kind: 'balance' } as const) : readCapacity(r, s['capacity'], [...path, 'capacity']);
  if (capacity?.kind === 'balance' && kind !== undefined && kind !== 'reserve') {
    r.issues.add('invalid_value', [...path, 'capacity'], 'only a reserve has a balance as capacity');
  }
  if (id === undefined || title === undefined || kind === undefined || nature === undefined || capacity === undefined) return undefined;
  return { id, title, kind, nature, capacity, ...(reserve === undefined ? {} : { reserve }), tags };
}

function readCapacity(r: FieldReader, raw: unknown, path: Path): Capacity | undefined {
  if (raw === 'balance' || raw === 'unlimited') return { kind: raw };
  if (raw === undefined) {
    r.issues.add('missing_field', path, 'a capacity is required: { "perYear": ... }, { "total": ... }, { "line": ... }, "balance" or "unlimited"');
    return undefined;
  }
  const c = r.object(raw, path);
  if (c === undefined) return undefined;
  const keys = Object.keys(c);
  if (c['perYear'] !== undefined) {
    r.fields(c, ['perYear'], path);
    return { kind: 'per-year', values: r.yearAmounts(c['perYear'], [...path, 'perYear'], 'negative_capacity') };
  }
  if (c['total'] !== undefined) {
    r.fields(c, ['total', 'from'], path);
    const amount = r.amount(c['total'], [...path, 'total'], 'negative_capacity');
    const from = c['from'] === undefined ? undefined : r.year(c['from'], [...path, 'from']);
    if (amount === undefined) return undefined;
    return from === undefined ? { kind: 'total', amount } : { kind: 'total', amount, from };
  }
  if (c['line'] !== undefined) {
    r.fields(c, ['line', 'years'], path);
    const line = r.id(c['line'], [...path, 'line']);
    if (line !== undefined && !r.ctx.rows.has(line)) r.issues.add('unknown_reference', [...path, 'line'], `there is no line or component "${line}"`);
    const years = r.years(c['years'], [...path, 'years']);
    if (line === undefined) return undefined;
    return years === undefined ? { kind: 'line', line } : { kind: 'line', line, years };
  }
  r.issues.add('invalid_value', keys.length > 0 ? [...path, keys[0] ?? ''] : path, 'a capacity is { "perYear": ... }, { "total": ... }, { "line": ... }, "balance" or "unlimited"');
  return undefined;
}

function readReserve(r: FieldReader, raw: unknown, path: Path): ReserveBalance | undefined {
  const o = r.object(raw, path);
  if (o === undefined) return undefined;
  r.fields(o, RESERVE_FIELDS, path);
  const opening = r.amount(o['opening'] ?? '0', [...path, 'opening'], 'negative_amount');
  const additions = o['additions'] === undefined ? {} : r.yearAmounts(o['additions'], [...path, 'additions'], 'negative_amount');
  const withdrawals = o['withdrawals'] === undefined ? {} : r.yearAmounts(o['withdrawals'], [...path, 'withdrawals'], 'negative_amount');
  let bookedIn: string | undefined;
  if (o['bookedIn'] !== undefined) {
    bookedIn = r.id(o['bookedIn'], [...path, 'bookedIn']);
    if (bookedIn !== undefined && !r.ctx.rows.has(bookedIn)) r.issues.add('unknown_reference', [...path, 'bookedIn'], `there is no line "${bookedIn}"`);
  }
  if (opening === undefined) return undefined;
  return { opening, additions, withdrawals, ...(bookedIn === undefined ? {} : { bookedIn }) };
}

function readClaim(r: FieldReader, raw: unknown, path: Path, index: number, sources: Readonly<Record<string, CoverSource>>): CoverClaim | undefined {
  const c = r.object(raw, path);
  if (c === undefined) return undefined;
  r.fields(c, CLAIM_FIELDS, path);
  const id = c['id'] === undefined ? `claim-${index + 1}` : r.id(c['id'], [...path, 'id']);
  const target = r.id(c['target'], [...path, 'target']);
  if (target !== undefined && !r.ctx.rows.has(target)) r.issues.add('unknown_reference', [...path, 'target'], `there is no line or component "${target}"`);
  const source = r.id(c['source'], [...path, 'source']);
  if (source !== undefined && sources[source] === undefined) r.issues.add('unknown_reference', [...path, 'source'], `there is no cover source "${source}"`);
  let extent: ClaimExtent | undefined = { kind: 'full' };
  if (c['amount'] !== undefined && c['share'] !== undefined) {
    r.issues.add('invalid_value', [...path, 'share'], 'a claim gives either an amount or a share, not both');
    extent = undefined;
  } else if (c['amount'] !== undefined) {
    extent = { kind: 'amount', values: r.yearAmounts(c['amount'], [...path, 'amount'], 'negative_amount') };
  } else if (c['share'] !== undefined) {
    const rate = r.rate(c['share'], [...path, 'share']);
    if (rate !== undefined && (rate.isNegative() || rate.gt(1))) {
      r.issues.add('invalid_share', [...path, 'share'], 'a share is between 0 and 1');
      extent = undefined;
    } else extent = rate === undefined ? undefined : { kind: 'share', rate };
  }
  const years = r.years(c['years'], [...path, 'years']);
  if (id === undefined || target === undefined || source === undefined || extent === undefined) return undefined;
  return { id, target, source, extent, ...(years === undefined ? {} : { years }) };
}

/** The line a source's money comes from inside the table, if any. */
function sourceLine(source: CoverSource | undefined, ctx: ReadContext): string | undefined {
  if (source?.capacity.kind !== 'line') return undefined;
  return ctx.rows.get(source.capacity.line);
}

function findCycles(claims: readonly CoverClaim[], paths: readonly Path[], sources: Readonly<Record<string, CoverSource>>, ctx: ReadContext, issues: IssueCollector): void {
  // Edge: the covered line -> the line whose voordeel covers it (through a source with a line capacity).
  const edges = new Map<string, { to: string; claim: number }[]>();
  claims.forEach((claim, i) => {
    const from = ctx.rows.get(claim.target);
    const to = sourceLine(sources[claim.source], ctx);
    if (from === undefined || to === undefined) return;
    const list = edges.get(from) ?? [];
    list.push({ to, claim: i });
    edges.set(from, list);
  });
  const reported = new Set<number>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: { line: string; claim: number }[] = [];
  const visit = (line: string): void => {
    state.set(line, 'open');
    for (const edge of edges.get(line) ?? []) {
      const s = state.get(edge.to);
      if (s === 'open') {
        const start = stack.findIndex((e) => e.line === edge.to);
        const ring = [...stack.slice(start < 0 ? stack.length : start).map((e) => e.line), line, edge.to];
        if (!reported.has(edge.claim)) {
          reported.add(edge.claim);
          issues.add('cycle', paths[edge.claim] ?? [], `cover runs in a circle: ${ring.join(' is covered by ')}`);
        }
      } else if (s === undefined) {
        stack.push({ line, claim: edge.claim });
        visit(edge.to);
        stack.pop();
      }
    }
    state.set(line, 'done');
  };
  for (const line of edges.keys()) if (!state.has(line)) visit(line);
}
