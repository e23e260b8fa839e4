import { object, text, type OptionCheck } from '../core/guard.js';
import { VERSION } from '../core/version.js';
import { escapeXml } from './charts/svg.js';

/**
 * Where a report comes from (herkomst): printed as a line at its foot, with the library's version.
 * @category Reports
 */
export interface Provenance {
  /** The source document's name ("seed000-tb1.json"). */
  readonly source?: string;
  /** The SHA-256 of the source document's bytes, 64 hexadecimal digits (the caller computes it). */
  readonly sha256?: string;
  /** The date the report was made, as `YYYY-MM-DD` ("2026-12-03"); printed in words ("3 december 2026"). */
  readonly date?: string;
}

const SHA256 = /^[0-9a-f]{64}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** The day, month and year of an ISO date that exists, or undefined. */
function dateParts(value: string): { day: number; month: number; year: number } | undefined {
  const m = ISO_DATE.exec(value);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { day, month, year } : undefined;
}

const sha256: OptionCheck = (value, path, collector) => {
  if (typeof value !== 'string' || !SHA256.test(value)) collector.add('invalid_option', path, 'sha256 must be 64 hexadecimal digits');
};

const isoDate: OptionCheck = (value, path, collector) => {
  if (typeof value !== 'string' || dateParts(value) === undefined) collector.add('invalid_option', path, 'date must be a date as YYYY-MM-DD ("2026-12-03")');
};

/** The check of a `provenance` option. @internal */
export const PROVENANCE: OptionCheck = object({ source: text({ nonEmpty: true }), sha256, date: isoDate });

/**
 * The provenance line of a report, as HTML: "Bron: seed000-tb1.json (sha256 1a2b3c4d5e6f…), 3 december 2026,
 * meerjaren 0.1.0". The hash shows its first 12 digits; the whole hash is in the element's `data-sha256` and
 * `title`. Only the library's version when nothing else is known.
 * @param provenance - a checked provenance
 * @param labels - the language
 * @internal
 */
export function provenanceHtml(provenance: Provenance, labels: 'nl' | 'en'): string {
  const en = labels === 'en';
  const { source, sha256: hash, date } = provenance;
  const items: string[] = [];
  const digest = hash === undefined ? '' : `sha256 ${hash.toLowerCase().slice(0, 12)}…`;
  if (source !== undefined || hash !== undefined) {
    const what = source === undefined ? digest : hash === undefined ? source : `${source} (${digest})`;
    items.push(`${en ? 'Source' : 'Bron'}: ${what}`);
  }
  const day = date === undefined ? undefined : dateParts(date);
  if (day !== undefined) items.push(en ? `${day.day} ${MONTHS.en[day.month - 1]!} ${day.year}` : `${day.day} ${MONTHS.nl[day.month - 1]!} ${day.year}`);
  items.push(`meerjaren ${VERSION}`);
  const full = hash === undefined ? '' : ` data-sha256="${escapeXml(hash.toLowerCase())}" title="sha256 ${escapeXml(hash.toLowerCase())}"`;
  return `<footer class="mj-provenance"${full}><p>${escapeXml(items.join(', '))}</p></footer>`;
}
