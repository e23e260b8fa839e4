/**
 * The whole municipality (de hele gemeente): its programmes, each a budget table as for one programme, the
 * Overzicht Algemene Dekkingsmiddelen as its own overview, overhead, vennootschapsbelasting, onvoorzien and the
 * reserve mutations outside the programmes. Their sum is the begrotingssaldo, which the provincial supervisor
 * judges.
 * @module
 */
import type { Horizon } from '../core/horizon.js';
import type { Budget, SourcePresentation, Tags } from './budget.js';

/**
 * The kind of a line of the Overzicht Algemene Dekkingsmiddelen (soort algemeen dekkingsmiddel), declared by the
 * tag {@link OAD_KIND_TAG}:
 * - `algemene-uitkering`: the algemene uitkering of the gemeentefonds;
 * - `taakmutatie`: a taakmutatie in the algemene uitkering (money for a task, such as seed 000's SMI);
 * - `decentralisatie-uitkering`: a decentralisatie-uitkering (seed 000's ca. EUR 0,28 mln for noodopvang);
 * - `ozb`: onroerendezaakbelasting;
 * - `dividend`: dividend of participations;
 * - `other`: other general income (parkeerbelasting, precariobelasting, ...).
 * @category Model
 */
export type OadKind = (typeof OAD_KINDS)[number];

/** Every {@link OadKind}; the one list of them. @category Model */
export const OAD_KINDS = Object.freeze(['algemene-uitkering', 'taakmutatie', 'decentralisatie-uitkering', 'ozb', 'dividend', 'other'] as const);

/** The tag that declares the kind of an OAD line or component: `tags: { oad: 'taakmutatie' }`. @category Model */
export const OAD_KIND_TAG = 'oad';

/**
 * The tag that marks a row of a programme as a reserve mutation booked in the programme's table (toevoeging of
 * onttrekking, seed 001's "Mutaties reserves"): `tags: { reserves: 'onttrekking' }` (or `'toevoeging'`). The
 * municipality moves such rows from the programme's saldo van baten en lasten to the mutaties reserves.
 * @category Model
 */
export const RESERVE_MUTATION_TAG = 'reserves';

/** Every value of {@link RESERVE_MUTATION_TAG}. @category Model */
export const RESERVE_MUTATION_KINDS = Object.freeze(['toevoeging', 'onttrekking'] as const);

/**
 * The parts of a municipal budget besides its programmes and the OAD (onderdelen buiten de programma's), each a
 * section of {@link Municipality.general} with this id:
 * - `overhead`: the overzicht overhead;
 * - `vpb`: vennootschapsbelasting;
 * - `onvoorzien`: the post onvoorzien;
 * - `reserves`: reserve mutations outside the programmes (positive = onttrekking, negative = toevoeging).
 * @category Model
 */
export type MunicipalPart = (typeof MUNICIPAL_PARTS)[number];

/** Every {@link MunicipalPart}, in the order a budget prints them. @category Model */
export const MUNICIPAL_PARTS = Object.freeze(['overhead', 'vpb', 'onvoorzien', 'reserves'] as const);

/** One programme of the municipality (programma): its own budget table, with its own cover and targets. @category Model */
export interface MunicipalProgramme {
  /** Id, unique among the programmes ("2"). */
  readonly id: string;
  /** Title ("Samen leven en ondersteunen"). */
  readonly title: string;
  /** The programme's table: lasten and baten lines, its cover (dekking) and targets, as for one programme. */
  readonly budget: Budget;
}

/**
 * A link of the double entry "dekking via OAD" (dubbele boeking): the programme's claim on a cover source of kind
 * `oad` and the OAD row (line or component) whose income pays it. The programme shows the cost, the OAD the income;
 * the begrotingssaldo counts each once.
 * @category Model
 */
export interface OadLink {
  /** Id of the OAD line or component that funds the claim. */
  readonly oad: string;
  /** Id of the programme. */
  readonly programme: string;
  /** Id of the claim in the programme's cover. */
  readonly claim: string;
}

/**
 * A municipal budget (gemeentebegroting): the programmes, the Overzicht Algemene Dekkingsmiddelen (OAD), overhead,
 * vennootschapsbelasting, onvoorzien and reserve mutations over one horizon. Amounts are in euros on the saldo scale
 * (positive = voordeel), as in every budget table. A frozen value.
 * @category Model
 */
export interface Municipality {
  /** Title ("Gemeente Zoetermeer, Programmabegroting 2026"). */
  readonly title: string;
  /** The years of the whole; every programme's horizon holds them. */
  readonly horizon: Horizon;
  /** How the document wrote its amounts (unit and sign), for reports. */
  readonly presentation: SourcePresentation;
  /** Free labels (municipality, document). */
  readonly tags: Tags;
  /** The programmes in print order. */
  readonly programmes: readonly MunicipalProgramme[];
  /** The Overzicht Algemene Dekkingsmiddelen as its own table: one section `oad`, its lines tagged with their {@link OadKind}. */
  readonly oad: Budget;
  /** Overhead, vennootschapsbelasting, onvoorzien and reserve mutations: one table with a section per {@link MunicipalPart}. */
  readonly general: Budget;
  /** The links of "dekking via OAD", in the order written. */
  readonly links: readonly OadLink[];
}
