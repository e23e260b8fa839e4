/**
 * A count of the work the readers and engines do, for tests: the steps of every loop whose length grows with
 * the input (values parsed, values walked, CSV fields split, amounts read, cells written, earlier writers of a
 * cell compared, rows walked). Tests switch it on around one call and check that the count grows linearly with
 * the input; a clock would make the same check depend on how busy the machine is.
 *
 * Off (the default) a step costs one test of a boolean. Not part of the public API.
 * @internal
 * @packageDocumentation
 */

/** What a counted step is. */
export type WorkKind =
  /** A JSON value parsed from text (`parseJsonStrict`). */
  | 'jsonValue'
  /** A value walked by the shape check of a document handed over as an object (`checkShape`). */
  | 'shapeValue'
  /** A key or value read by the budget loader or the scenario shape check. */
  | 'fieldRead'
  /** An amount read (`readAmount`, `readLocaleAmount`). */
  | 'amountRead'
  /** A character scanned by the CSV splitter (one pass per separator tried). */
  | 'csvChar'
  /** A field split off by the CSV splitter. */
  | 'csvField'
  /** A year cell looked at by the year table reader (per locale tried). */
  | 'csvCell'
  /** A cell written by the scenario engine (level changes and index steps). */
  | 'cellWrite'
  /** An earlier writer of a cell compared by the scenario engine's conflict check. */
  | 'writerVisit'
  /** A row visited while the scenario engine indexes, walks or searches the rows of the budget. */
  | 'rowVisit'
  /** A cell (row and year) of an index change's selection, or a running product step. */
  | 'indexCell'
  /** A total of a row or subtotal in a year computed by `evaluate`. */
  | 'evaluateCell'
  /** A budget evaluated (`evaluate` and the loader's check of printed totals; an evaluation taken from the cache is not counted). */
  | 'evaluate'
  /** A scenario run through the change engine (`applyScenario`, the reference check of `loadScenario`, `applySteps`). */
  | 'applyScenario'
  /** A scenario's shape checked (by `loadScenario` or when `applyScenario` resolves it and its ancestors). */
  | 'scenarioShape'
  /** A presentation resolved (`resolvePresentation`; handing it one it resolved already is not counted). */
  | 'resolvePresentation'
  /** A table rounded for print (`roundGrid`: every renderer, and the HTML report's charts). */
  | 'roundTable';

/** The counter: `enabled` is switched on by {@link countWork}; `counts` holds the steps by kind. */
export const work: { enabled: boolean; counts: Record<WorkKind, number> } = { enabled: false, counts: emptyCounts() };

function emptyCounts(): Record<WorkKind, number> {
  return { jsonValue: 0, shapeValue: 0, fieldRead: 0, amountRead: 0, csvChar: 0, csvField: 0, csvCell: 0, cellWrite: 0, writerVisit: 0, rowVisit: 0, indexCell: 0, evaluateCell: 0, evaluate: 0, applyScenario: 0, scenarioShape: 0, resolvePresentation: 0, roundTable: 0 };
}

/**
 * Counts `n` steps of `kind` when the counter is on (a test is counting); does nothing otherwise. Where `n` is
 * read from an immer draft (a length through a proxy), callers test `work.enabled` first so that nothing is read
 * when the counter is off.
 * @param kind - what the steps are
 * @param n - how many, 1 unless given
 */
export function tally(kind: WorkKind, n = 1): void {
  if (work.enabled) work.counts[kind] += n;
}

/** The work one call did: the steps by kind and their sum. */
export interface WorkCount {
  /** Steps by kind. */
  readonly counts: Readonly<Record<WorkKind, number>>;
  /** All steps. */
  readonly total: number;
}

/**
 * Runs `f` with the counter on and returns the work it did. An error `f` throws is passed to `onError` (by
 * default rethrown) after the counter is switched off: a refused input counts the work done before the refusal.
 * Calls do not nest.
 * @param f - the call to count
 * @param onError - what to do with an error of `f`; rethrows unless given
 */
export function countWork(f: () => unknown, onError: (error: unknown) => void = (e) => { throw e; }): WorkCount {
  work.counts = emptyCounts();
  work.enabled = true;
  let failure: { error: unknown } | undefined;
  try {
    f();
  } catch (error) {
    failure = { error };
  } finally {
    work.enabled = false;
  }
  const counts = Object.freeze(work.counts);
  work.counts = emptyCounts();
  if (failure !== undefined) onError(failure.error);
  return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}
