/** Structural balance (BBV), the overview of incidental income and expenses, and reserve mutations. */
export { structuralBalance } from './structural.js';
export type { StructuralBalance, StructuralBalanceOptions, BalanceYear, IncidentalItem, BalanceWarning, BalanceWarningCode, BalanceVerdict } from './structural.js';
export { reserveMutations } from './reserves.js';
export type { ReserveMutationsYear } from './reserves.js';
export { reserveSummaryTable, structuralBalanceTable } from './tables.js';
export type { ReserveSummaryOptions } from './tables.js';
