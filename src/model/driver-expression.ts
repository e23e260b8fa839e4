/**
 * The expression of a driven row: a small grammar, parsed without eval and with limits on length and depth.
 *
 * ```
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | atom
 * atom    := number | name | '[' row id ']' | '(' sum ')'
 * ```
 * A number is plain decimal (`44`, `0.5`, `1.0235`; no thousands separator, no exponent); a name is an indicator
 * or parameter id; `[2.1]` (the money of a row) is allowed only where the caller says so (series, not formulas).
 * @packageDocumentation
 */
import { addFractions, divideFractions, fractionOf, multiplyFractions, negateFraction, type Fraction } from '../core/fraction.js';
import { Dec } from '../core/decimal.js';
import { MeerjarenError, fail as failWith } from '../core/errors.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './drivers.js';

/** A parsed expression. @internal */
export type Expression =
  | { readonly kind: 'number'; readonly value: Fraction }
  | { readonly kind: 'name'; readonly name: string; readonly at: number }
  | { readonly kind: 'row'; readonly row: string; readonly at: number }
  | { readonly kind: 'negate'; readonly operand: Expression }
  | { readonly kind: 'operation'; readonly operator: '+' | '-' | '*' | '/'; readonly left: Expression; readonly right: Expression; readonly at: number };

/** The outcome of parsing: the tree, or why not (with the 1-based column). @internal */
export type ParsedExpression = { readonly ok: true; readonly expression: Expression } | { readonly ok: false; readonly message: string };

const NUMBER = /^(?:0|[1-9]\d{0,17})(?:\.\d{1,12})?/;
const NAME = /^\p{L}[\p{L}\p{N}_]*/u;


/**
 * Parses an expression.
 * @param text - the expression
 * @param rows - whether `[row id]` references are allowed
 * @internal
 */
export function parseExpression(text: string, rows: boolean): ParsedExpression {
  if (text.length > MAX_EXPRESSION_LENGTH) return { ok: false, message: `an expression has at most ${MAX_EXPRESSION_LENGTH} characters, this one ${text.length}` };
  let pos = 0;
  const skip = (): void => {
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  };
  // the parse stops at the first problem: thrown as the error it becomes, caught below as its message
  const fail = (message: string): never => failWith('invalid_expression', [], `${message} at column ${pos + 1}`);
  const sum = (depth: number): Expression => {
    if (depth > MAX_EXPRESSION_DEPTH) fail(`an expression nests at most ${MAX_EXPRESSION_DEPTH} deep`);
    let left = product(depth);
    for (skip(); text[pos] === '+' || text[pos] === '-'; skip()) {
      const at = pos;
      const operator = text[pos++] as '+' | '-';
      left = { kind: 'operation', operator, left, right: product(depth), at };
    }
    return left;
  };
  const product = (depth: number): Expression => {
    let left = unary(depth);
    for (skip(); text[pos] === '*' || text[pos] === '/'; skip()) {
      const at = pos;
      const operator = text[pos++] as '*' | '/';
      left = { kind: 'operation', operator, left, right: unary(depth), at };
    }
    return left;
  };
  const unary = (depth: number): Expression => {
    skip();
    if (text[pos] === '-') {
      pos++;
      if (depth + 1 > MAX_EXPRESSION_DEPTH) fail(`an expression nests at most ${MAX_EXPRESSION_DEPTH} deep`);
      return { kind: 'negate', operand: unary(depth + 1) };
    }
    return atom(depth);
  };
  const atom = (depth: number): Expression => {
    skip();
    const rest = text.slice(pos);
    const at = pos;
    if (text[pos] === '(') {
      pos++;
      const inner = sum(depth + 1);
      skip();
      if (text[pos] !== ')') fail('expected ")"');
      pos++;
      return inner;
    }
    if (text[pos] === '[') {
      const close = text.indexOf(']', pos);
      if (!rows) fail('a formula refers to indicators, parameters and numbers, not to the money of a row ("[...]")');
      if (close < 0) fail('expected "]"');
      const row = text.slice(pos + 1, close).trim();
      if (row === '') fail('expected a row id inside "[ ]"');
      pos = close + 1;
      return { kind: 'row', row, at };
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      pos += number[0].length;
      if (/^[\d.]/.test(text.slice(pos))) fail('a number is written plainly: at most 18 digits, a point and at most 12 decimals, no leading zeros');
      return { kind: 'number', value: fractionOf(new Dec(number[0])) };
    }
    const name = NAME.exec(rest);
    if (name !== null) {
      pos += name[0].length;
      return { kind: 'name', name: name[0], at };
    }
    return pos >= text.length ? fail('expected a number, a name or "("; the expression ends') : fail(`unexpected "${text[pos]}"`);
  };
  try {
    const expression = sum(0);
    skip();
    if (pos < text.length) fail(`unexpected "${text[pos]}"`);
    return { ok: true, expression };
  } catch (e) {
    if (MeerjarenError.is(e) && e.issues[0]?.code === 'invalid_expression') return { ok: false, message: e.issues[0].message };
    throw e;
  }
}

/** What an expression refers to, in order of first appearance: its names, or its rows (`[2.1]`). @internal */
export function referencesOf(expression: Expression, kind: 'name' | 'row'): string[] {
  const out = new Set<string>();
  const walk = (e: Expression): void => {
    if (e.kind === 'name' && kind === 'name') out.add(e.name);
    else if (e.kind === 'row' && kind === 'row') out.add(e.row);
    else if (e.kind === 'negate') walk(e.operand);
    else if (e.kind === 'operation') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expression);
  return [...out];
}

/** The names an expression refers to, in order of first appearance. @internal */
export function namesOf(expression: Expression): string[] {
  return referencesOf(expression, 'name');
}

/** The value of an expression in one year: a fraction, a name without a value that year, or a division by zero. @internal */
export type ExpressionValue =
  | { readonly kind: 'value'; readonly value: Fraction }
  | { readonly kind: 'missing'; readonly name: string }
  | { readonly kind: 'division-by-zero'; readonly at: number };

/**
 * Evaluates an expression exactly.
 * @param expression - the tree
 * @param lookup - the value of a name or `[row]` (`row: true`) in the year, or undefined when it has none
 * @internal
 */
export function evaluateExpression(expression: Expression, lookup: (name: string, row: boolean) => Fraction | undefined): ExpressionValue {
  switch (expression.kind) {
    case 'number':
      return { kind: 'value', value: expression.value };
    case 'name':
    case 'row': {
      const row = expression.kind === 'row';
      const name = row ? expression.row : expression.name;
      const value = lookup(name, row);
      return value === undefined ? { kind: 'missing', name: row ? `[${name}]` : name } : { kind: 'value', value };
    }
    case 'negate': {
      const inner = evaluateExpression(expression.operand, lookup);
      return inner.kind === 'value' ? { kind: 'value', value: negateFraction(inner.value) } : inner;
    }
    case 'operation': {
      const left = evaluateExpression(expression.left, lookup);
      if (left.kind !== 'value') return left;
      const right = evaluateExpression(expression.right, lookup);
      if (right.kind !== 'value') return right;
      const [a, b] = [left.value, right.value];
      if (expression.operator === '/') {
        const quotient = divideFractions(a, b);
        return quotient === undefined ? { kind: 'division-by-zero', at: expression.at } : { kind: 'value', value: quotient };
      }
      const value = expression.operator === '+' ? addFractions(a, b) : expression.operator === '-' ? addFractions(a, negateFraction(b)) : multiplyFractions(a, b);
      return { kind: 'value', value };
    }
  }
}
