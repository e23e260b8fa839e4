/**
 * The types of a begrotingswijziging (budget amendment) as a document: what `begrotingswijziging` returns.
 * @module
 */
import type { Decimal } from '../core/decimal.js';
import type { Issue } from '../core/errors.js';
import type { Side } from '../model/lasten-baten.js';
import type { IdMap } from '../model/versions.js';
import type { ChangeKind, ScenarioLibrary } from '../scenario/types.js';

/**
 * A mutation split into lasten and baten (mutatie lasten en baten), in exact euros. Lasten are printed as a
 * council prints them: more lasten is a positive `lasten`; `saldo = baten - lasten` is the effect on the saldo
 * (positive = voordeel).
 * @category Analysis
 */
export interface SideFigures {
  /** Change of the lasten (more lasten is positive). */
  readonly lasten: Decimal;
  /** Change of the baten (more baten is positive). */
  readonly baten: Decimal;
  /** `baten - lasten`: the effect on the saldo. */
  readonly saldo: Decimal;
}

/** One year of a mutation: lasten, baten and saldo, and the same split into structural and incidental. @category Analysis */
export interface WijzigingYear extends SideFigures {
  /** The structural part (structureel). */
  readonly structural: SideFigures;
  /** The incidental part (incidenteel). */
  readonly incidental: SideFigures;
}

/** A mutation per year, keyed by year ("2026"); every year of {@link Begrotingswijziging.years} is present. @category Analysis */
export type WijzigingYears = Readonly<Record<string, WijzigingYear>>;

/**
 * The side of one row (a line's own row or a component) as the wijziging reads it: declared by the tag
 * `lastenbaten`, or, when `declared` is undefined, inferred from the sign of each amount (a nadeel counts as lasten,
 * a voordeel as baten).
 * @category Analysis
 */
export interface RowSide {
  /** The row: the line id (its own row) or a component id. */
  readonly row: string;
  /** The side its tags declare; undefined when the split is inferred from the sign. */
  readonly declared: Side | undefined;
}

/** One line of a begrotingswijziging (regel): its mutation per year, in the programme it is booked in. @category Analysis */
export interface WijzigingLine {
  /** Line id (in `b` when the line is there, else in `a`). */
  readonly id: string;
  /** Id in `a`, when the line is there. */
  readonly idA: string | undefined;
  /** Title (from `b` when it has the line). */
  readonly title: string;
  /** The programme it is booked in (see {@link Begrotingswijziging.programmes}). */
  readonly programme: string;
  /**
   * `both`: in `a` and `b`; `new`: only in `b` (an added line, or a line that moved into this programme); `gone`:
   * only in `a` (a dropped line, or one that moved out of this programme).
   */
  readonly status: 'both' | 'new' | 'gone';
  /** The mutation per year. */
  readonly years: WijzigingYears;
  /** The side of every row of the line that has an amount in a year of the wijziging, in `a` or `b`. */
  readonly sides: readonly RowSide[];
  /** Whether the split of any of those rows is inferred from the sign (not declared). */
  readonly inferred: boolean;
  /**
   * The years in which the line holds a pm post in `a` or in `b`: a pm counts as 0 in the figures, so the mutation of
   * such a year is only the known part (a pm given an estimate shows the whole estimate). Tables mark these cells "+ pm".
   */
  readonly pm: readonly number[];
}

/** The lines of one programme and their sum (programma). @category Analysis */
export interface WijzigingProgramme {
  /** The programme: a line's tag `programme`, else the budget's tag `programme`; empty when neither has one. */
  readonly id: string;
  /** The lines that change, in `b`'s order, then those only in `a`. */
  readonly lines: readonly WijzigingLine[];
  /** The sum of its lines per year. */
  readonly years: WijzigingYears;
  /** The years in which one of its lines holds a pm post (see {@link WijzigingLine.pm}). */
  readonly pm: readonly number[];
}

/**
 * Reserve mutations in one year that the wijziging changes (mutaties reserves), as saldo effects (positive = to the
 * saldo), `b - a`. Only the mutations outside the table's lines: those booked in a line (`bookedIn`) are already in
 * its lasten or baten.
 * @category Analysis
 */
export interface ReserveWijzigingYear {
  /** Change of the toevoegingen outside the lines (more toevoegingen is negative). */
  readonly additions: Decimal;
  /** Change of the onttrekkingen outside the lines (more onttrekkingen is positive). */
  readonly withdrawals: Decimal;
  /** `additions + withdrawals`: the change of the reserve mutations outside the lines. */
  readonly mutations: Decimal;
  /** The part of `mutations` of structural reserves. */
  readonly structural: Decimal;
  /** The part of `mutations` of incidental reserves. */
  readonly incidental: Decimal;
  /** Change of the toevoegingen booked in lines (already in the lines' lasten). */
  readonly additionsInLines: Decimal;
  /** Change of the onttrekkingen booked in lines (already in the lines' baten). */
  readonly withdrawalsInLines: Decimal;
}

/** The neutrality check of a technical wijziging (budgettaire neutraliteit). @category Analysis */
export interface NeutralityCheck {
  /** Whether every year's saldo effect (after reserve mutations) is 0. */
  readonly neutral: boolean;
  /** The years whose saldo effect is not 0, with that effect, ascending. */
  readonly years: readonly {
    /** The year. */
    readonly year: number;
    /** Its saldo effect after reserve mutations, in euros. */
    readonly saldo: Decimal;
  }[];
}

/** One change of the scenario in the dekking paragraph (toelichting en dekking). @category Analysis */
export interface DekkingNote {
  /** Id of the scenario that wrote it (the scenario itself or one it extends). */
  readonly scenario: string;
  /** Index of the change in that scenario's `changes`. */
  readonly change: number;
  /** Its kind. */
  readonly kind: ChangeKind;
  /** Its note; undefined when it has none. */
  readonly note: string | undefined;
  /** The lines whose cells it wrote, in the order written, each once. */
  readonly lines: readonly string[];
  /** The claims, sources, targets and measures it edited (`claim:c1`, `source:reserve`), each once. */
  readonly items: readonly string[];
}

/** The begrotingswijziging as a document (begrotingswijziging). A frozen value. @category Analysis */
export interface Begrotingswijziging {
  /** Title: the scenario's, or `Begrotingswijziging <a> - <b>` for a version step. */
  readonly title: string;
  /** Label of the budget before (the baseline, or the older version). */
  readonly a: string;
  /** Label of the budget after (the scenario's title, or the newer version). */
  readonly b: string;
  /** The years of the wijziging: the baseline's horizon, or for versions the years both horizons hold. */
  readonly years: readonly number[];
  /** The programmes with lines that change, in the order they first appear in `a`'s lines, then in `b`'s. */
  readonly programmes: readonly WijzigingProgramme[];
  /** The sum of every line per year; its saldo is the difference of the two budgets' totals, exactly. */
  readonly total: WijzigingYears;
  /** The years in which a line that changes holds a pm post (see {@link WijzigingLine.pm}): its figures there are the known part. */
  readonly pm: readonly number[];
  /** Reserve mutations per year; present when `a` or `b` has a reserve among its cover sources. */
  readonly reserves?: Readonly<Record<string, ReserveWijzigingYear>>;
  /** The saldo per year after reserve mutations: `total` saldo plus the reserve mutations outside the lines. */
  readonly saldoAfterReserves: Readonly<Record<string, Decimal>>;
  /** Whether the wijziging is declared technical (technische begrotingswijziging). */
  readonly technical: boolean;
  /** The neutrality check; present when `technical`. */
  readonly neutrality?: NeutralityCheck;
  /** The scenarios applied, in order (ancestors first); empty for a version step. */
  readonly scenarios: readonly {
    /** The scenario's id. */
    readonly id: string;
    /** Its title. */
    readonly title: string;
  }[];
  /** The dekking paragraph: every change of the scenario, in the order applied; empty for a version step. */
  readonly dekking: readonly DekkingNote[];
  /** Findings: `not_neutral` when a technical wijziging changes the saldo, naming the years and amounts. */
  readonly findings: readonly Issue[];
}

/** Options of `begrotingswijziging`. @category Analysis */
export interface BegrotingswijzigingOptions {
  /** Scenarios the scenario may extend (as `applyScenario` takes them). */
  readonly library?: ScenarioLibrary;
  /** Declare the wijziging technical: its saldo effect must be 0 in every year (else a `not_neutral` finding). @defaultValue false */
  readonly technical?: boolean;
  /** Title. @defaultValue the scenario's title, or `Begrotingswijziging <a> - <b>` */
  readonly title?: string;
  /** For a version step: line ids of `a` mapped to those of `b` where the numbering changed (as `compareVersions` takes it). */
  readonly idMap?: IdMap;
}
