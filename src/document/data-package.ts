/**
 * A budget as a Frictionless data package (datapakket): `datapackage.json` (profile `tabular-data-package`) with one
 * tabular resource, `begroting.csv`, whose table schema describes its columns; one CSV row per filled cell (long
 * format: section, line, component, nature, tags, year, amount or pm). The budget's frame (title, unit, horizon,
 * sections, lines and components without their cells, printed totals, cover, targets) rides along in the descriptor
 * under `meerjaren`, so that `readDataPackage` reads the identical budget back. This file writes; the reader is in
 * `read-data-package.ts`.
 * @module
 */
import { plainString } from '../core/decimal.js';
import { isPm, type Budget, type Cell, type YearValues } from '../model/budget.js';
import { NATURES } from '../model/values.js';
import type { BudgetDocument, LineDocument } from './format.js';
import { writeDocument } from './serialize.js';

/** The `format` of the `meerjaren` part of a data package descriptor. @category Documents */
export const DATA_PACKAGE_FORMAT = 'meerjaren/data-package';

/** The name of the data package's one resource; its file is `begroting.csv`. @category Documents */
export const DATA_PACKAGE_RESOURCE = 'begroting';

/** One field of a Frictionless table schema (veld). @category Documents */
export interface TableSchemaField {
  /** Column name, as in the CSV header. */
  readonly name: string;
  /** Frictionless type: `string`, `number`, `year` or `object`. */
  readonly type: 'string' | 'number' | 'year' | 'object';
  /** Title for a person. */
  readonly title: string;
  /** What the column holds. */
  readonly description: string;
  /** Constraints: `required`, and `enum` for choices. */
  readonly constraints?: {
    /** Whether every row has a value in this column. */
    readonly required?: boolean;
    /** The values the column may hold. */
    readonly enum?: readonly string[];
  };
}

/** A Frictionless table schema (tabelschema). @category Documents */
export interface TableSchema {
  /** The columns, in CSV order. */
  readonly fields: readonly TableSchemaField[];
  /** Cells read as null: the empty cell. */
  readonly missingValues: readonly string[];
}

/** The resource of a budget's data package: the CSV and its table schema. @category Documents */
export interface DataPackageResource {
  /** `begroting`. */
  readonly name: string;
  /** `begroting.csv`. */
  readonly path: string;
  /** `tabular-data-resource`. */
  readonly profile: 'tabular-data-resource';
  /** Title of the budget. */
  readonly title: string;
  /** `csv`. */
  readonly format: 'csv';
  /** `text/csv`. */
  readonly mediatype: 'text/csv';
  /** `utf-8`. */
  readonly encoding: 'utf-8';
  /** The CSV dialect: comma, CRLF, double quotes, a header row. */
  readonly dialect: {
    /** `,`. */
    readonly delimiter: ',';
    /** CRLF. */
    readonly lineTerminator: '\r\n';
    /** `"`. */
    readonly quoteChar: '"';
    /** A quote inside a quoted field is doubled. */
    readonly doubleQuote: true;
    /** The first row names the columns. */
    readonly header: true;
  };
  /** The table schema. */
  readonly schema: TableSchema;
}

/** The part of the descriptor only meerjaren reads: the budget without its cells. @category Documents */
export interface DataPackageFrame {
  /** {@link DATA_PACKAGE_FORMAT}. */
  readonly format: typeof DATA_PACKAGE_FORMAT;
  /** Format version: 1. */
  readonly version: 1;
  /** Name of the resource with the cells. */
  readonly resource: string;
  /** The budget document without the values of its rows (a subtotal line keeps its printed subtotal). */
  readonly budget: BudgetDocument;
}

/** A data package descriptor (`datapackage.json`) as meerjaren writes it. @category Documents */
export interface DataPackageDescriptor {
  /** `tabular-data-package`. */
  readonly profile: 'tabular-data-package';
  /** Package name (lower case, digits, `-._/`). */
  readonly name: string;
  /** Title of the budget. */
  readonly title: string;
  /** The one resource. */
  readonly resources: readonly DataPackageResource[];
  /** The frame of the budget. */
  readonly meerjaren: DataPackageFrame;
}

/** A budget as a data package: the descriptor and the files to write, by path. @category Documents */
export interface DataPackage {
  /** The descriptor, as an object. */
  readonly descriptor: DataPackageDescriptor;
  /** The files by path: `datapackage.json` (the descriptor as JSON text) and `begroting.csv`. */
  readonly files: Readonly<Record<string, string>>;
}

/** The columns of `begroting.csv`, in order. @internal */
export const CELL_FIELDS: readonly TableSchemaField[] = Object.freeze([
  { name: 'section', type: 'string', title: 'Onderdeel', description: 'Id of the section (onderdeel) the line is in', constraints: { required: true } },
  { name: 'sectionTitle', type: 'string', title: 'Titel onderdeel', description: 'Title of the section' },
  { name: 'line', type: 'string', title: 'Regel', description: 'Id of the line (begrotingsregel), unique in the budget', constraints: { required: true } },
  { name: 'lineTitle', type: 'string', title: 'Titel regel', description: 'Title of the line' },
  { name: 'component', type: 'string', title: 'Onderdeel van de regel', description: "Id of the component (unique in the budget); empty for the line's own row" },
  { name: 'componentTitle', type: 'string', title: 'Titel onderdeel van de regel', description: 'Title of the component' },
  { name: 'nature', type: 'string', title: 'Aard', description: 'incidental (incidenteel) or structural (structureel), of this row', constraints: { required: true, enum: [...NATURES] } },
  { name: 'tags', type: 'object', title: 'Labels', description: "The row's own tags as a JSON object (a component also goes by its line's tags)", constraints: { required: true } },
  { name: 'year', type: 'year', title: 'Jaar', description: 'The year of the cell', constraints: { required: true } },
  { name: 'amount', type: 'number', title: 'Bedrag', description: 'Exact amount in euros, its effect on the saldo (positive = voordeel, negative = nadeel); empty for a pm' },
  { name: 'pm', type: 'string', title: 'PM', description: 'A pro memorie post instead of an amount: pm, +pm (a voordeel) or -pm (a nadeel); empty for an amount', constraints: { enum: ['pm', '+pm', '-pm'] } },
] as const satisfies readonly TableSchemaField[]);

/** A CSV field, quoted when it holds a comma, a quote, a line break or surrounding space. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A cell as the CSV writes it: [amount, pm]. */
function cellColumns(cell: Cell): [string, string] {
  if (!isPm(cell)) return [plainString(cell), ''];
  return ['', cell.direction === undefined ? 'pm' : cell.direction === 'voordeel' ? '+pm' : '-pm'];
}

/** The frame: the document without the values of its counted rows. */
function frameOf(budget: Budget): BudgetDocument {
  const doc = writeDocument(budget);
  return {
    ...doc,
    sections: doc.sections.map((s) => ({
      ...s,
      lines: s.lines.map((line): LineDocument => {
        const { values, components, ...rest } = line;
        return {
          ...rest,
          ...(line.row === 'subtotal' && values !== undefined ? { values } : {}),
          ...(components === undefined ? {} : { components: components.map(({ values: _values, ...c }) => c as never) }),
        };
      }),
    })),
  };
}

/**
 * Writes a budget as a data package (unchecked: the public `toDataPackage` checks its argument first). @internal
 * @param budget - a budget the library admitted
 * @param name - the package name
 */
export function writeDataPackage(budget: Budget, name: string): DataPackage {
  const path = `${DATA_PACKAGE_RESOURCE}.csv`;
  const lines: string[] = [CELL_FIELDS.map((f) => f.name).join(',')];
  const years = budget.horizon.years.map(String);
  for (const section of budget.sections) {
    for (const line of section.lines) {
      const write = (values: YearValues, component: readonly [string, string] | undefined, nature: string, tags: object): void => {
        for (const year of years) {
          if (!Object.hasOwn(values, year)) continue;
          const [amount, pm] = cellColumns(values[year]!);
          const fields = [section.id, section.title, line.id, line.title, component?.[0] ?? '', component?.[1] ?? '', nature, JSON.stringify(tags), year, amount, pm];
          lines.push(fields.map(csvField).join(','));
        }
      };
      if (line.row === 'amount') write(line.values, undefined, line.nature, line.tags);
      for (const c of line.components) write(c.values, [c.id, c.title], c.nature, c.tags);
    }
  }
  const csv = lines.map((l) => `${l}\r\n`).join('');
  const descriptor: DataPackageDescriptor = {
    profile: 'tabular-data-package',
    name,
    title: budget.title,
    resources: [
      {
        name: DATA_PACKAGE_RESOURCE,
        path,
        profile: 'tabular-data-resource',
        title: budget.title,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: CELL_FIELDS, missingValues: [''] },
      },
    ],
    meerjaren: { format: DATA_PACKAGE_FORMAT, version: 1, resource: DATA_PACKAGE_RESOURCE, budget: frameOf(budget) },
  };
  return { descriptor, files: { 'datapackage.json': `${JSON.stringify(descriptor, null, 2)}\n`, [path]: csv } };
}
