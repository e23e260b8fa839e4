/**
 * Seed 000 with its cover (dekking): 1.3 and 2.1 via the OAD (decentralisatie-uitkering, taakmutatie SMI),
 * 1.4 from 1.5's werkbudget in the same product, 1.2 HAR and 3.1 gemeentelijke opvang from the free Ukraine
 * advantage (2.900 in 2025, 400 left), and 3.1's EUR 2,0 mln put into the brede bestemmingsreserve.
 *
 * Run: npx tsx examples/10-seed000-cover.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCover, loadBudget, withCover, type Budget, type CoverEvaluation } from 'meerjaren';

const data = (name: string): string => readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)), 'utf8');

/** Seed 000's TB1 table with the cover of examples/data/seed000-cover.json. */
export function seed000WithCover(): Budget {
  const tb1 = loadBudget(data('seed000-tb1.json'));
  return withCover(tb1, JSON.parse(data('seed000-cover.json')));
}

/** The cover evaluation of seed 000. */
export function seed000Cover(): CoverEvaluation {
  return evaluateCover(seed000WithCover());
}

const thousands = (d: { div(n: number): { toFixed(): string } } | undefined): string => (d === undefined ? 'onbeperkt' : d.div(1000).toFixed());

function main(): void {
  const result = seed000Cover();
  console.log('Dekking seed 000 (x € 1.000)\n');
  console.log('Per regel: kosten / gedekt / ongedekt, en door wie');
  for (const row of Object.values(result.rows)) {
    for (const [year, y] of Object.entries(row.years)) {
      if (y.claimed.isZero() && y.cost.isZero()) continue;
      const by = Object.entries(y.bySource).map(([s, a]) => `${s} ${thousands(a)}`).join(', ');
      console.log(`  ${row.id} ${year}: kosten ${thousands(y.cost)}, gedekt ${thousands(y.covered)}, ongedekt ${thousands(y.uncovered)}${by ? ` (${by})` : ''}${y.pm ? ' [pm]' : ''}`);
    }
  }
  console.log('\nPer bron in 2025: beschikbaar / ingezet / resterend');
  for (const source of Object.values(result.sources)) {
    const y = source.years['2025'];
    if (y !== undefined) console.log(`  ${source.id}: ${thousands(y.available)} / ${thousands(y.given)} / ${thousands(y.left)}`);
  }
  const reserve = result.sources['brede-bestemmingsreserve']?.reserve?.['2025'];
  if (reserve !== undefined) {
    console.log(`\nBrede bestemmingsreserve 2025: begin ${thousands(reserve.opening)} + toevoeging ${thousands(reserve.additions)} - onttrekking ${thousands(reserve.withdrawals)} = eind ${thousands(reserve.closing)}`);
  }
  console.log('\nPer jaar: saldo programma, dekking via OAD, effect op de algemene middelen');
  for (const [year, y] of Object.entries(result.perYear)) {
    console.log(`  ${year}: saldo ${thousands(y.saldo)}, OAD ${thousands(y.oadCover)}, algemene middelen ${thousands(y.generalMeans)}`);
  }
  console.log(`\nBevindingen: ${result.findings.length === 0 ? 'geen' : ''}`);
  for (const f of result.findings) console.log(`  [${f.code}] ${f.message}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
