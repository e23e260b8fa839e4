/**
 * Regenerates docs/gallery: the chart SVGs and rapport.html (scripts/gallery-charts.ts), the tables
 * (scripts/gallery-tables.ts), the HTML report of seed 000 (seed000-report.html, as `meerjaren report
 * --format html` writes it, with its provenance line), and PNG screenshots of both HTML pages taken with
 * headless Chromium (seed000-report.png, rapport.png). Not part of CI: look at the PNGs before committing them.
 *
 * Run: npm run gallery   (needs Chromium: /usr/bin/chromium, or set CHROMIUM=/path/to/chrome)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, htmlReport, loadBudget } from 'meerjaren';

const root = fileURLToPath(new URL('..', import.meta.url));
const gallery = join(root, 'docs', 'gallery');
const chromium = [process.env['CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p !== undefined && existsSync(p));
if (chromium === undefined) {
  console.error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM, and run again.');
  process.exit(1);
}
/** The width of the screenshots, in CSS pixels: the report's page is narrower, so nothing wraps differently. */
const WIDTH = 1100;

process.chdir(root); // gallery-tables.ts reads examples/data relative to the project
await import('./gallery-charts.js');
await import('./gallery-tables.js');

const source = 'seed000-tb1.json';
const bytes = readFileSync(join(root, 'examples', 'data', source));
const budget = loadBudget(bytes.toString('utf8'));
const provenance = { source, sha256: createHash('sha256').update(bytes).digest('hex'), date: new Date().toISOString().slice(0, 10) };
writeFileSync(join(gallery, 'seed000-report.html'), htmlReport(budget, evaluate(budget), {}, { provenance }));

/** Runs headless Chromium on a page with more arguments; returns its standard output. */
function chrome(page: string, ...args: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'meerjaren-gallery-'));
  try {
    return execFileSync(
      chromium!,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`, ...args, `file://${page}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The height of a page at the screenshot width: a copy with a script that writes it into the DOM, read back. */
function pageHeight(page: string): number {
  const probe = join(mkdtempSync(join(tmpdir(), 'meerjaren-height-')), 'probe.html');
  const script = '<script>document.body.setAttribute("data-height", String(document.documentElement.scrollHeight))</script>';
  writeFileSync(probe, readFileSync(page, 'utf8').replace('</body>', `${script}</body>`));
  const dom = chrome(probe, `--window-size=${WIDTH},800`, '--dump-dom');
  rmSync(probe, { force: true });
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
  if (Number.isFinite(height) && height > 0) return height;
  console.error(`Chromium did not measure ${page}: is it a recent headless Chromium?`);
  return process.exit(1);
}

for (const name of ['seed000-report', 'rapport']) {
  const page = join(gallery, `${name}.html`);
  const png = join(gallery, `${name}.png`);
  chrome(page, `--window-size=${WIDTH},${pageHeight(page)}`, `--screenshot=${png}`);
  console.log(`wrote ${png}`);
}
