/**
 * A value computed once per frozen object (a budget, held weakly): a frozen object cannot change, so what was
 * computed from it holds for as long as it lives. An object that is not frozen is computed every time.
 * Not part of the public API.
 * @internal
 * @packageDocumentation
 */

/** A function memoised per frozen argument, and the means to hand it a value computed another way. */
export interface FrozenMemo<K extends object, V> {
  /** The value of `key`: computed on the first call for a frozen key, then the same value. */
  (key: K): V;
  /** Records `value` as the value of the frozen `key` (one derived more cheaply than `compute` would). */
  remember(key: K, value: V): void;
  /** The value already known for `key`, if any (nothing is computed). */
  known(key: K): V | undefined;
}

/**
 * Memoises `compute` per frozen argument.
 * @param compute - the value of a key; must depend on nothing but the key
 */
export function memoPerFrozen<K extends object, V>(compute: (key: K) => V): FrozenMemo<K, V> {
  const values = new WeakMap<K, V>();
  const memo = (key: K): V => {
    const known = values.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    if (Object.isFrozen(key)) values.set(key, value);
    return value;
  };
  memo.remember = (key: K, value: V): void => {
    if (Object.isFrozen(key)) values.set(key, value);
  };
  memo.known = (key: K): V | undefined => values.get(key);
  return memo;
}
