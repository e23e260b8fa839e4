/** Cover sources and claims (dekking): model, reading and evaluation. */
export { COVER_SOURCE_KINDS } from './model.js';
export type { Cover, CoverSource, CoverSourceKind, CoverClaim, ClaimExtent, Capacity, ReserveBalance, YearAmounts } from './model.js';
export { readCover, withCover } from './read.js';
export type { WithCoverOptions } from './read.js';
export { contextOf } from './reader.js';
export type { ReadContext } from './reader.js';
export { evaluateCover } from './evaluate.js';
export type {
  CoverEvaluation,
  ClaimResult,
  ClaimYear,
  RowCover,
  RowCoverYear,
  SourceResult,
  SourceYear,
  ReserveYear,
  CoverYear,
  CoverFinding,
  CoverFindingCode,
} from './evaluate.js';
