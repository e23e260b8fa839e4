import fc from 'fast-check';

/**
 * Property and fuzz tests draw from one fixed seed in CI, so a run is reproducible and a red CI is a real,
 * repeatable failure. `MEERJAREN_SEED=<n>` picks another seed; `npm run test:deep` (MEERJAREN_DEEP) draws a
 * fresh seed each run to explore further. fast-check prints the seed of any failure.
 */
const seed = process.env.MEERJAREN_SEED !== undefined ? Number(process.env.MEERJAREN_SEED) : process.env.MEERJAREN_DEEP ? undefined : 20261125;
if (seed !== undefined) fc.configureGlobal({ seed });
