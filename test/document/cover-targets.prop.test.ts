import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBudget, toDocument, type Budget } from '../../src/index.js';
import { Dec, plainString } from '../../src/core/decimal.js';
import { unitFactor, type Unit } from '../../src/model/budget.js';

/** The type of the values an arbitrary generates. */
type Gen<A> = A extends fc.Arbitrary<infer T> ? T : never;

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;
const schema = JSON.parse(readFileSync(new URL('../../schema/budget.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

const YEARS = [2025, 2026, 2027, 2028] as const;
const UNITS: readonly Unit[] = ['euro', 'thousand', 'million'];
/** Rows a claim may target; line c (and its component) only gives cover, so cover never runs in a circle. */
const TARGET_ROWS = ['a', 'a#1', 'b'] as const;
const SOURCE_LINES = ['c', 'c#1'] as const;
const ALL_ROWS = [...TARGET_ROWS, ...SOURCE_LINES] as const;

// ---- abstract amounts: micro-euros, written in a unit when the document is built ---------------------------

/** An amount in micro-euros (at most 6 decimals in euros, 9 digits before the point), written as a string or an integer. */
type Amount = { readonly micro: bigint; readonly asNumber: boolean };
const amount: fc.Arbitrary<Amount> = fc.record({
  micro: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(0n, 1n, 10n ** 6n, 10n ** 9n, 10n ** 12n)),
  asNumber: fc.boolean(),
});
function write(a: Amount, unit: Unit): string | number {
  const value = new Dec(a.micro.toString()).div(1_000_000).div(unitFactor(unit));
  if (a.asNumber && value.isInteger() && value.lte(Number.MAX_SAFE_INTEGER)) return value.toNumber();
  return plainString(value);
}

type Amounts = { readonly kind: 'record'; readonly values: Partial<Record<string, Amount>> } | { readonly kind: 'array'; readonly values: readonly (Amount | null)[] };
const amounts: fc.Arbitrary<Amounts> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), values: fc.dictionary(fc.constantFrom(...YEARS.map(String)), amount, { maxKeys: 4 }) }),
  fc.record({ kind: fc.constant('array' as const), values: fc.array(fc.option(amount, { nil: null }), { maxLength: 4 }) }),
);
function writeAll(a: Amounts, unit: Unit): unknown {
  if (a.kind === 'array') return a.values.map((v) => (v === null ? null : write(v, unit)));
  return Object.fromEntries(Object.entries(a.values).map(([y, v]) => [y, write(v!, unit)]));
}

/** Cells of a target or reference path: amounts or pm tokens. */
const cells = fc.dictionary(fc.constantFrom(...YEARS.map(String)), fc.oneof(amount, fc.constantFrom('pm', 'PM', '+pm', '-pm')), { maxKeys: 4 });
function writeCells(c: Readonly<Record<string, Amount | string>>, unit: Unit): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c).map(([y, v]) => [y, typeof v === 'string' ? v : write(v, unit)]));
}

const rate = (max: number) => fc.integer({ min: 0, max }).map((n) => plainString(new Dec(n).div(1000)));
const years = fc.uniqueArray(fc.constantFrom(...YEARS), { maxLength: 4 });
const id = fc.stringMatching(/^[a-z0-9][a-z0-9._:#/-]{0,8}$/).filter((s) => s !== 'prototype');
const tags = fc.option(fc.dictionary(fc.constantFrom('soort', 'programma', 'doel'), fc.string({ maxLength: 5 }), { maxKeys: 2 }), { nil: undefined });

// ---- cover ------------------------------------------------------------------------------------------------

type CapacitySpec =
  | { readonly kind: 'perYear'; readonly values: Amounts }
  | { readonly kind: 'total'; readonly amount: Amount; readonly from: number | undefined }
  | { readonly kind: 'line'; readonly line: string; readonly years: number[] | undefined }
  | { readonly kind: 'unlimited' | 'balance' | 'omitted' };
const capacity = (reserve: boolean): fc.Arbitrary<CapacitySpec> =>
  fc.oneof(
    fc.record({ kind: fc.constant('perYear' as const), values: amounts }),
    fc.record({ kind: fc.constant('total' as const), amount, from: fc.option(fc.constantFrom(...YEARS), { nil: undefined }) }),
    fc.record({ kind: fc.constant('line' as const), line: fc.constantFrom(...SOURCE_LINES), years: fc.option(years, { nil: undefined }) }),
    fc.record({ kind: fc.constantFrom(...(reserve ? (['unlimited', 'balance', 'omitted'] as const) : (['unlimited'] as const))) }),
  );
function writeCapacity(c: CapacitySpec, unit: Unit): unknown {
  switch (c.kind) {
    case 'perYear':
      return { perYear: writeAll(c.values, unit) };
    case 'total':
      return c.from === undefined ? { total: write(c.amount, unit) } : { total: write(c.amount, unit), from: c.from };
    case 'line':
      return c.years === undefined ? { line: c.line } : { line: c.line, years: c.years };
    case 'omitted':
      return undefined;
    default:
      return c.kind;
  }
}

const reserveSpec = fc.record(
  { opening: amount, additions: amounts, withdrawals: amounts, bookedIn: fc.constantFrom(...ALL_ROWS) },
  { requiredKeys: [] },
);
const source = fc.oneof(
  fc.record({ kind: fc.constantFrom('oad', 'windfall', 'third-party', 'within-programme'), capacity: capacity(false) }),
  fc.record({ kind: fc.constant('reserve'), capacity: capacity(true), reserve: reserveSpec }),
);
const sourceSpecs = fc.uniqueArray(fc.record({ id, title: fc.constantFrom('Bron', 'Reserve X'), nature: fc.constantFrom('incidental', 'structural'), tags, s: source }), {
  selector: (s) => s.id,
  maxLength: 4,
});
const claimSpec = fc.record({
  id: fc.oneof(fc.constant('default' as const), fc.constant('own-default' as const), fc.stringMatching(/^k[0-9]{1,2}$/)),
  target: fc.constantFrom(...TARGET_ROWS),
  source: fc.nat(),
  extent: fc.oneof(fc.constant(undefined), fc.record({ amount: amounts }), fc.record({ share: rate(1000) })),
  years: fc.option(years, { nil: undefined }),
});
const claimSpecs = fc.uniqueArray(claimSpec, { selector: (c) => (c.id === 'default' || c.id === 'own-default' ? Symbol() : c.id), maxLength: 5 });

function writeCover(sources: Gen<typeof sourceSpecs>, claims: Gen<typeof claimSpecs>, unit: Unit): unknown {
  const doc = {
    sources: sources.map((s) => {
      const cap = writeCapacity(s.s.capacity, unit);
      const r = 'reserve' in s.s ? s.s.reserve : undefined;
      return {
        id: s.id,
        title: s.title,
        kind: s.s.kind,
        nature: s.nature,
        ...(cap === undefined ? {} : { capacity: cap }),
        ...(r === undefined
          ? {}
          : {
              reserve: {
                ...(r.opening === undefined ? {} : { opening: write(r.opening, unit) }),
                ...(r.additions === undefined ? {} : { additions: writeAll(r.additions, unit) }),
                ...(r.withdrawals === undefined ? {} : { withdrawals: writeAll(r.withdrawals, unit) }),
                ...(r.bookedIn === undefined ? {} : { bookedIn: r.bookedIn }),
              },
            }),
        ...(s.tags === undefined ? {} : { tags: s.tags }),
      };
    }),
    claims:
      sources.length === 0
        ? []
        : claims.map((c, i) => ({
            ...(c.id === 'default' ? {} : { id: c.id === 'own-default' ? `claim-${i + 1}` : c.id }),
            target: c.target,
            source: sources[c.source % sources.length]!.id,
            ...(c.extent === undefined ? {} : 'amount' in c.extent ? { amount: writeAll(c.extent.amount, unit) } : { share: c.extent.share }),
            ...(c.years === undefined ? {} : { years: c.years }),
          })),
  };
  return doc;
}

// ---- targets ----------------------------------------------------------------------------------------------

const planned = fc.dictionary(fc.constantFrom(...YEARS.map(String)), amount, { maxKeys: 4 });
const realisation = fc.oneof(
  fc.constantFrom(undefined, 'as-planned', 'none'),
  fc.record({ rate: rate(2000), abovePlanTrue: fc.boolean() }).map(({ rate: r, abovePlanTrue }) => ({ rate: r, ...(new Dec(r).gt(1) || abovePlanTrue ? { abovePlan: true } : {}) })),
  fc.record({ delay: fc.integer({ min: 0, max: 3 }), rate: fc.option(rate(2000), { nil: undefined }) }),
  fc.record({ amount: fc.dictionary(fc.constantFrom(...YEARS.map(String)), fc.oneof(fc.constant('plan' as const), fc.constant('zero' as const), amount), { maxKeys: 4 }) }),
);
const measureSpecs = fc.uniqueArray(
  fc.record({ id, title: fc.constant('Maatregel'), writeUnit: fc.boolean(), planned, status: fc.constantFrom('decided', 'in-preparation', 'at-risk'), realisation, line: fc.option(fc.constantFrom(...ALL_ROWS), { nil: undefined }) }),
  { selector: (m) => m.id, maxLength: 3 },
);
const referenceSpecs = fc.array(
  fc.record({ title: fc.constant('Landelijk'), unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }), path: fc.option(cells, { nil: undefined }), localShare: fc.option(amounts, { nil: undefined }) }),
  { maxLength: 2 },
);
const targetSpecs = fc.uniqueArray(
  fc.record({ id, title: fc.constant('Taakstelling'), unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }), path: cells, measures: measureSpecs, references: referenceSpecs, line: fc.option(fc.constantFrom(...ALL_ROWS), { nil: undefined }) }),
  { selector: (t) => t.id, maxLength: 3 },
);

type RealisationSpec = Gen<typeof realisation>;
function writeRealisation(r: RealisationSpec, plan: Readonly<Record<string, Amount>>, unit: Unit): unknown {
  if (r === undefined || typeof r === 'string') return r;
  if ('delay' in r) return r.rate === undefined ? { delay: r.delay } : { delay: r.delay, rate: r.rate, ...(new Dec(r.rate).gt(1) ? { abovePlan: true } : {}) };
  if ('rate' in r) return r;
  let above = false;
  const values = Object.fromEntries(
    Object.entries(r.amount).map(([y, v]) => {
      if (v === 'zero') return [y, '0'];
      if (v === 'plan') return [y, plan[y] === undefined ? '0' : write(plan[y], unit)];
      if (v.micro > (plan[y]?.micro ?? 0n)) above = true;
      return [y, write(v, unit)];
    }),
  );
  return { amount: values, ...(above ? { abovePlan: true } : {}) };
}

function writeTargets(targets: Gen<typeof targetSpecs>, docUnit: Unit): unknown {
  return targets.map((t) => {
    const unit = t.unit ?? docUnit;
    return {
      id: t.id,
      title: t.title,
      ...(t.unit === undefined ? {} : { unit: t.unit }),
      path: writeCells(t.path, unit),
      measures: t.measures.map((m) => ({
        id: m.id,
        title: m.title,
        ...(m.writeUnit ? { unit } : {}),
        planned: writeCells(m.planned, unit),
        status: m.status,
        ...(m.realisation === undefined ? {} : { realisation: writeRealisation(m.realisation, m.planned, unit) }),
        ...(m.line === undefined ? {} : { line: m.line }),
      })),
      references: t.references.map((r) => ({
        title: r.title,
        ...(r.unit === undefined ? {} : { unit: r.unit }),
        ...(r.path === undefined ? {} : { path: writeCells(r.path, r.unit ?? unit) }),
        ...(r.localShare === undefined ? {} : { localShare: writeAll(r.localShare, unit) }),
      })),
      ...(t.line === undefined ? {} : { line: t.line }),
    };
  });
}

// ---- documents --------------------------------------------------------------------------------------------

const documents = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    sign: fc.constantFrom('voordeel-positive', 'nadeel-positive'),
    cover: fc.option(fc.record({ sources: sourceSpecs, claims: claimSpecs }), { nil: undefined }),
    targets: fc.option(targetSpecs, { nil: undefined }),
  })
  .map(({ unit, sign, cover, targets }) => ({
    version: 1,
    title: 'T',
    unit,
    sign,
    numberFormat: 'plain',
    horizon: { from: 2025, to: 2028 },
    sections: [
      {
        id: '1',
        title: 'S',
        lines: [
          { id: 'a', title: 'A', nature: 'structural', row: 'amount', values: ['-100'], components: [{ title: 'deel', values: ['-20', '-20'] }] },
          { id: 'b', title: 'B', nature: 'incidental', values: ['-30', 'pm'] },
          { id: 'c', title: 'C', nature: 'incidental', row: 'amount', values: ['500'], components: [{ title: 'kosten', values: ['-50', '40'] }] },
        ],
      },
    ],
    ...(cover === undefined ? {} : { cover: writeCover(cover.sources, cover.claims, unit) }),
    ...(targets === undefined ? {} : { targets: writeTargets(targets, unit) }),
  }));

/** Every amount string the writers produced: plain, no exponent, never -0, no trailing zeros. */
function amountStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => amountStrings(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (!['id', 'title', 'kind', 'nature', 'status', 'target', 'source', 'line', 'bookedIn', 'unit', 'tags'].includes(k) && typeof v !== 'number') amountStrings(v, out);
  }
  return out;
}

describe('cover and targets in a document (property)', () => {
  it('loadBudget(toDocument(b)) equals b; amounts are written plain; the schema accepts the document and what is written of it', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
        const b: Budget = loadBudget(doc);
        expect(b.cover === undefined).toBe(doc.cover === undefined);
        expect(b.targets === undefined).toBe(doc.targets === undefined);
        const written = toDocument(b);
        expect(loadBudget(written)).toStrictEqual(b); // through JSON text: see cover-targets.test.ts
        for (const s of amountStrings([written.cover, written.targets])) {
          expect(s).toMatch(/^(?:pm|balance|unlimited|none|0|[1-9]\d*(?:\.\d*[1-9])?|0\.\d*[1-9])$/);
        }
        expect(validate(JSON.parse(JSON.stringify(written))), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns },
    );
  });
});
