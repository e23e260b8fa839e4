/**
 * Iv3 (Informatie voor derden, CBS): every row of lasten and baten is reported by taakveld and by economische
 * categorie. The types of the lists those codes come from (versioned data, never hard-wired rules), the tags a row
 * carries them in, and the economische categorieën as far as meerjaren knows them. The taakvelden of 2017 are in
 * `iv3-taakvelden.ts`, generated from `data/iv3-taakvelden.csv`.
 * @module
 */

/** Every {@link Iv3ListKind}; the one list of them. @category Model */
export const IV3_LIST_KINDS = Object.freeze(['taakveld', 'categorie'] as const);

/** What an Iv3 list lists: taakvelden or economische categorieën. @category Model */
export type Iv3ListKind = (typeof IV3_LIST_KINDS)[number];

/** The tag of a row that names its Iv3 taakveld: `tags: { taakveld: '6.72' }`. @category Model */
export const TAAKVELD_TAG = 'taakveld';

/** The tag of a row that names its Iv3 economische categorie: `tags: { categorie: '3.5.1' }`. @category Model */
export const CATEGORIE_TAG = 'categorie';

/**
 * The tag that names the programme a row belongs to: `tags: { programme: '2' }`, on the row, its line or the whole
 * budget (as the budget documents of meerjaren carry it).
 * @category Model
 */
export const PROGRAMME_TAG = 'programme';

/** A group of an Iv3 list: a hoofdtaakveld ("6 Sociaal domein") or a hoofdcategorie ("3 Goederen en diensten"). @category Model */
export interface Iv3Group {
  /** Code ("6"). */
  readonly code: string;
  /** Title ("Sociaal domein"). */
  readonly title: string;
}

/** One entry of an Iv3 list: a taakveld ("6.72 Maatwerkdienstverlening 18-") or an economische categorie. @category Model */
export interface Iv3Entry {
  /** Code as the tag writes it ("6.72", "3.5.1"). */
  readonly code: string;
  /** Title. */
  readonly title: string;
  /** Its hoofdtaakveld or hoofdcategorie, when the list names one. */
  readonly group?: Iv3Group;
}

/**
 * A versioned list of Iv3 codes (taakvelden or economische categorieën): the codes a row's tag is checked against.
 * Lists are data: the Iv3 informatievoorschrift changes them (the sociaal domein was renumbered more than once), so
 * a user supplies a newer list with `readTaakveldList` or `readCategorieList`, and every finding names the version.
 * @category Model
 */
export interface Iv3List {
  /** What it lists. */
  readonly kind: Iv3ListKind;
  /** The version, named in every finding against the list ("2017/meerjaren-1"). */
  readonly version: string;
  /** Where the list comes from, for a person. */
  readonly source: string;
  /**
   * Whether the list holds every code of its version. An incomplete list (the economische categorieën as meerjaren
   * knows them) reports a code that is not in it but falls under one of its groups as a warning (`unlisted_categorie`),
   * not as unknown.
   */
  readonly complete: boolean;
  /** Entries in the list's order. */
  readonly entries: readonly Iv3Entry[];
}

/** The hoofdcategorieën of the economische categorieën. */
const HOOFDCATEGORIEEN: readonly Iv3Group[] = Object.freeze(
  (
    [
      ['1', 'Salarissen en sociale lasten'],
      ['2', 'Belastingen'],
      ['3', 'Goederen en diensten'],
      ['4', 'Overdrachten'],
      ['5', 'Rente en dividend'],
      ['6', 'Financiële transacties'],
      ['7', 'Reserveringen en verrekeningen'],
    ] as const
  ).map(([code, title]) => Object.freeze({ code, title })),
);

const group = (code: string): Iv3Group => HOOFDCATEGORIEEN.find((g) => g.code === code)!;

/**
 * The economische categorieën of Iv3 as known to meerjaren, version `meerjaren-1`: NOT the official list. It holds
 * the seven hoofdcategorieën (1 Salarissen en sociale lasten, 2 Belastingen, 3 Goederen en diensten, 4 Overdrachten,
 * 5 Rente en dividend, 6 Financiële transacties, 7 Reserveringen en verrekeningen) and only those categorieën under
 * them whose code and title meerjaren could confirm in published Iv3 material (1.1, 2.2.1, 2.2.2, 3.1, 3.2, 3.5.1,
 * 3.7). It is marked incomplete: a code it does not hold under one of its hoofdcategorieën ("4.3.1") is a warning,
 * not an error. For the full list of the informatievoorschrift of your year, read it with `readCategorieList`.
 * @category Model
 */
export const IV3_CATEGORIEEN: Iv3List = Object.freeze({
  kind: 'categorie',
  version: 'meerjaren-1',
  source: 'Iv3 economische categorieën as known to meerjaren: the hoofdcategorieën and the categorieën meerjaren could confirm; not the official list',
  complete: false,
  entries: Object.freeze(
    (
      [
        ['1', 'Salarissen en sociale lasten', '1'],
        ['1.1', 'Salarissen en sociale lasten', '1'],
        ['2', 'Belastingen', '2'],
        ['2.2.1', 'Belastingen op producenten', '2'],
        ['2.2.2', 'Belastingen op huishoudens', '2'],
        ['3', 'Goederen en diensten', '3'],
        ['3.1', 'Grond', '3'],
        ['3.2', 'Duurzame goederen', '3'],
        ['3.5.1', 'Ingeleend personeel', '3'],
        ['3.7', 'Leges en andere rechten', '3'],
        ['4', 'Overdrachten', '4'],
        ['5', 'Rente en dividend', '5'],
        ['6', 'Financiële transacties', '6'],
        ['7', 'Reserveringen en verrekeningen', '7'],
      ] as const
    ).map(([code, title, g]): Iv3Entry => Object.freeze({ code, title, group: group(g) })),
  ),
});

/** The group code of an Iv3 code: the part before its first dot ("6" of "6.72"). @internal */
export function groupCodeOf(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}
