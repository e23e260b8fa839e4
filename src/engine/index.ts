/**
 * The exact compiled evaluation engine (rekenkern): integer units in dense arrays, incremental updates,
 * exact rates with one rounding point.
 * @packageDocumentation
 */
export { compileBudget, FILLED, PM_FLAG } from './compile.js';
export type { Arithmetic, CompileOptions, CompiledBudget } from './compile.js';
export { Engine, createEngine } from './engine.js';
export type { Scope, Units } from './engine.js';
export { ONE, rateOf, reduce, multiplyRates, indexFactor, applyRate, applyRatio, divRound, divRoundBig } from './rate.js';
export type { EngineRate } from './rate.js';
export { MAX_SAFE_UNITS, MAX_DECIMALS, toUnits, toUnitsBig, unitsToDecimal } from './units.js';
