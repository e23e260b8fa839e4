import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDrawStreams, createRandom, detExp, detLog, randomForDraw } from '../../src/uncertainty/random.js';

const numRuns = process.env.MEERJAREN_DEEP ? 100_000 : 1000;

const seed = fc.oneof(fc.maxSafeInteger(), fc.string({ unit: 'binary', maxLength: 40 }));
const index = fc.oneof(fc.nat(1000), fc.maxSafeNat());

describe('random properties', () => {
  it('resetForDraw(i, s) on any generator of a seed equals randomForDraw(seed, i, s)', () => {
    fc.assert(
      fc.property(seed, index, index, fc.nat(20), (s, draw, stream, skip) => {
        const rng = createRandom(s);
        for (let k = 0; k < skip; k++) rng.nextUint32();
        rng.resetForDraw(draw, stream);
        const fresh = randomForDraw(s, draw, stream);
        for (let k = 0; k < 4; k++) expect(rng.nextUint32()).toBe(fresh.nextUint32());
        expect(rng.nextFloat()).toBe(fresh.nextFloat());
        expect(rng.nextNormal()).toBe(fresh.nextNormal());
      }),
      { numRuns },
    );
  });

  it('the draw streams of a run (the draw\'s words computed once) equal randomForDraw for every draw and stream', () => {
    fc.assert(
      fc.property(seed, fc.array(index, { minLength: 1, maxLength: 6 }), fc.array(index, { minLength: 1, maxLength: 4 }), (s, streams, draws) => {
        const run = createDrawStreams(s, streams);
        for (const draw of draws) {
          run.draw(draw);
          streams.forEach((stream, j) => {
            run.stream(j);
            const fresh = randomForDraw(s, draw, stream);
            for (let k = 0; k < 3; k++) expect(run.random.nextUint32()).toBe(fresh.nextUint32());
            expect(run.random.nextNormal()).toBe(fresh.nextNormal());
          });
        }
      }),
      { numRuns },
    );
  });

  it('outputs are in range for any seed', () => {
    fc.assert(
      fc.property(seed, index, (s, draw) => {
        const rng = randomForDraw(s, draw);
        for (let k = 0; k < 8; k++) {
          const x = rng.nextUint32();
          const u = rng.nextFloat();
          const z = rng.nextNormal();
          if (!(Number.isInteger(x) && x >= 0 && x < 2 ** 32 && u >= 0 && u < 1 && Number.isFinite(z))) return false;
        }
        return true;
      }),
      { numRuns },
    );
  });

  it('detLog is within 4e-16 (relative) of Math.log for any positive double', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const expected = Math.log(x);
        expect(Math.abs(detLog(x) - expected)).toBeLessThanOrEqual(4e-16 * Math.max(Math.abs(expected), 2 ** -60));
      }),
      { numRuns },
    );
  });

  it('detExp is within 4e-16 (relative) of Math.exp wherever the result is a normal double', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709.7, noNaN: true }), (x) => {
        const expected = Math.exp(x);
        expect(Math.abs(detExp(x) - expected)).toBeLessThanOrEqual(4e-16 * expected);
      }),
      { numRuns },
    );
  });
});
