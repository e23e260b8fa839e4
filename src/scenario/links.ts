import type { IssueCode, IssueCollector, Path } from '../core/errors.js';

/**
 * A declared link between an income row and the expense row it pays for (gekoppelde baten en lasten), as
 * `[incomeId, expenseId]`: line or component ids.
 * @category Scenarios
 */
export type IndexLink = readonly [income: string, expense: string];

/** A row an index change selected: its id and the id of its line. @internal */
export interface SelectedRow {
  /** Line or component id. */
  readonly id: string;
  /** Id of its line. */
  readonly line: string;
}

/**
 * Checks the shape of an index change's `links` and `requireLinked` fields.
 * @param links - the `links` value as written
 * @param requireLinked - the `requireLinked` value as written
 * @param path - path of the change
 * @param collector - where problems go
 * @internal
 */
export function checkLinksShape(links: unknown, requireLinked: unknown, path: Path, collector: IssueCollector): void {
  if (requireLinked !== undefined && typeof requireLinked !== 'boolean') collector.add('invalid_type', [...path, 'requireLinked'], 'requireLinked must be true or false');
  if (links === undefined) {
    if (requireLinked === true) collector.add('missing_field', [...path, 'links'], 'requireLinked needs links: [[income, expense], ...]');
    return;
  }
  if (!Array.isArray(links)) return collector.add('invalid_type', [...path, 'links'], 'links must be a list of [income, expense] pairs');
  // every index, holes included (forEach skips the holes of a sparse array)
  Array.from(links as readonly unknown[]).forEach((link, n) => {
    const ok = Array.isArray(link) && link.length === 2 && [link[0], link[1]].every((id: unknown) => typeof id === 'string' && id !== '');
    if (!ok) collector.add('invalid_type', [...path, 'links', n], 'a link is a pair of line ids: [income, expense]');
  });
}

/**
 * Checks that an index change indexes both sides of every declared link or neither (gekoppelde indexatie): income
 * indexed while the expenses it pays for are not (or the reverse) is the silent error this guards against.
 * @param links - the declared links
 * @param selected - the rows the change indexes
 * @param exists - whether a line or component id exists in the budget
 * @param path - path of the change
 * @param add - where problems go: `unknown_reference` for a link to a missing row, `unlinked_indexation` at
 *   `links[n]` for a link indexed on one side only
 * @internal
 */
export function checkLinkedIndexation(
  links: readonly IndexLink[],
  selected: readonly SelectedRow[],
  exists: (id: string) => boolean,
  path: Path,
  add: (code: IssueCode, path: Path, message: string) => void,
): void {
  // a line counts as indexed when its own row or any of its components is
  const indexed = new Set<string>();
  for (const row of selected) {
    indexed.add(row.id);
    indexed.add(row.line);
  }
  links.forEach(([income, expense], n) => {
    let known = true;
    [income, expense].forEach((id, k) => {
      if (!exists(id)) {
        add('unknown_reference', [...path, 'links', n, k], `no line or component "${id}" in the budget`);
        known = false;
      }
    });
    if (!known || indexed.has(income) === indexed.has(expense)) return;
    const [on, off] = indexed.has(income) ? [income, expense] : [expense, income];
    add('unlinked_indexation', [...path, 'links', n], `"${on}" is indexed but "${off}", declared linked to it, is not`);
  });
}
