import { Dec, roundTo, type Decimal, type RoundingMode } from '../../core/decimal.js';
import { tally } from '../../core/work.js';
import type { Cell } from '../../model/budget.js';
import { Exact } from './cells.js';
import type { TraceEntry } from './context.js';

/** The values one cell takes under its index steps: the level times each running product, rounded per step. @internal */
export class IndexChain {
  readonly #values: (Decimal | undefined)[] = [];
  /**
   * @param level - the cell after every level change
   * @param cumulative - running products of the factors of the cell's index steps
   * @param roundings - rounding of each of those steps
   */
  constructor(
    readonly level: Decimal,
    private readonly cumulative: RunningProduct,
    private readonly roundings: readonly { readonly places: number; readonly mode: RoundingMode }[],
  ) {}

  /** The cell after the k-th index step, exactly as computed (rounded once, any number of digits). */
  exactAt(k: number): Decimal {
    let value = this.#values[k];
    if (value === undefined) {
      tally('indexCell');
      const rounding = this.roundings[k]!;
      // the level times the exact running product: the product may have any number of digits, so the level is
      // read into the same unlimited decimals first (Dec would round the product to 80 digits)
      // (the product's times, so the result has the product's unlimited precision; Dec's would round it to 80 digits)
      this.#values[k] = value = roundTo(this.cumulative.at(k).times(this.level), rounding.places, rounding.mode);
    }
    return value;
  }

  /** The cell after the k-th index step, as `Dec`. */
  at(k: number): Decimal {
    const value = this.exactAt(k);
    return value.constructor === Dec ? value : new Dec(value.toFixed());
  }
}

/**
 * The running products of a list of index factors, exact: the last one is computed once (every cell selected by
 * the same index steps shares it); the ones before it only when `explain` reads a cell between two index steps.
 * Only the product being built is kept, not all of them: each is as long as the factors before it together.
 * @internal
 */
export class RunningProduct {
  #last: Decimal | undefined;
  #all: Decimal[] | undefined;

  /** @param factors - the factor of each index step, in order */
  constructor(private readonly factors: readonly Decimal[]) {}

  /** The product of the first k + 1 factors. */
  at(k: number): Decimal {
    if (k === this.factors.length - 1) {
      if (this.#last === undefined) {
        let product: Decimal = new Exact(1);
        for (const factor of this.factors) product = product.times(factor);
        this.#last = product;
      }
      return this.#last;
    }
    if (this.#all === undefined) {
      let product: Decimal = new Exact(1);
      this.#all = this.factors.map((factor) => (product = product.times(factor)));
    }
    return this.#all[k]!;
  }
}

/** A trace entry of an index step, whose amounts are computed when read. @internal */
export class IndexWrite implements TraceEntry {
  constructor(
    readonly row: string,
    readonly line: string,
    readonly year: number,
    readonly step: number,
    private readonly chain: IndexChain,
    private readonly k: number,
  ) {}

  get before(): Cell {
    return this.k === 0 ? this.chain.level : this.chain.at(this.k - 1);
  }

  get after(): Cell {
    return this.chain.at(this.k);
  }
}
