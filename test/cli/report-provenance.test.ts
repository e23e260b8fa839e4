import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/index.js';
import { meerjaren, root } from './run-cli.js';

const seed000 = 'examples/data/seed000-tb1.json';

describe('meerjaren report --format html: provenance line (subprocess)', () => {
  it("names the source file, the sha256 of its bytes, today's date and the library version", () => {
    const sha = createHash('sha256').update(readFileSync(join(root, seed000))).digest('hex');
    const r = meerjaren(['report', seed000, '--format', 'html']);
    expect(r.code).toBe(0);
    const foot = r.out.slice(r.out.lastIndexOf('<footer'));
    expect(foot).toContain(`data-sha256="${sha}"`);
    expect(foot).toMatch(new RegExp(`<p>Bron: seed000-tb1\\.json \\(sha256 ${sha.slice(0, 12)}…\\), \\d{1,2} [a-z]+ 20\\d\\d, meerjaren ${VERSION.replace(/\./g, '\\.')}</p>`));
  });

  it('calls standard input stdin', () => {
    const r = meerjaren(['report', '-', '--format', 'html', '--lang', 'en'], readFileSync(join(root, seed000), 'utf8'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/<p>Source: stdin \(sha256 [0-9a-f]{12}…\), \d{1,2} [A-Z][a-z]+ 20\d\d, meerjaren /);
  });
});
