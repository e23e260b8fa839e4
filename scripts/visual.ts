/**
 * Renders the HTML report of seed 000 in headless Chromium to PNG, so a person can look at it.
 * Not part of CI. Needs Debian's Chromium: `apt-get install chromium`.
 *
 * Run: npm run test:visual   (writes out/visual/seed000-report.html and .png)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evaluate, htmlReport, loadBudget } from 'meerjaren';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (chromium === undefined) {
  console.error('No Chromium found: install it with `apt-get install chromium` and run again.');
  process.exit(1);
}
const out = resolve('out/visual');
mkdirSync(out, { recursive: true });
const budget = loadBudget(readFileSync('examples/data/seed000-tb1.json', 'utf8'));
const html = join(out, 'seed000-report.html');
writeFileSync(html, htmlReport(budget, evaluate(budget)));
const png = join(out, 'seed000-report.png');
execFileSync(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${mkdtempSync(join(tmpdir(), 'meerjaren-chromium-'))}`,
  '--hide-scrollbars', '--window-size=1100,2600', `--screenshot=${png}`, `file://${html}`,
], { stdio: 'inherit' });
console.log(`wrote ${html}\nwrote ${png}`);
