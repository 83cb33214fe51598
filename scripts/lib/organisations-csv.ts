import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem, OrganisationRow } from '../../functions/identity';

/*
 * The organisation import file: CSV (RFC 4180: quoted fields may hold commas and quotes; UTF-8, a byte order mark is
 * fine) with a header naming these columns, in any order, in any case. Parsed with csv-parse.
 *
 *   ods_code,name,kind,parent_ods_code
 *   QRD,NHS Riverdale ICB,ICB,
 *   U10001,Northgate PCN,PCN,QRD
 *   R80012,Millbrook Surgery,PRACTICE,U10001
 */

export const IMPORT_COLUMNS = ['ods_code', 'name', 'kind', 'parent_ods_code'] as const;

/** Far above any ICB's organisations (42 ICBs, about 1,250 PCNs and 6,300 practices in all of England). */
const MAX_ROWS = 20_000;

export interface ParsedImportFile {
  rows: OrganisationRow[];
  /** Problems with the file itself (header, quoting); each row's own problems are the import's to find. */
  problems: ImportProblem[];
}

export function parseOrganisationsCsv(text: string): ParsedImportFile {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse names the line and the kind of fault; its message never quotes the field's text.
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, column: '', message: `is not valid CSV (${error.code})` }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : firstLine(text);
  const missing = IMPORT_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    return {
      rows: [],
      problems: [
        { line: 1, column: '', message: `the header must name ${IMPORT_COLUMNS.join(', ')} (${parts.join('; ')})` },
      ],
    };
  }
  if (records.length > MAX_ROWS) {
    return { rows: [], problems: [{ line: 1, column: '', message: `has more than ${MAX_ROWS} rows; split it` }] };
  }
  const rows = records.map(({ record, info }) => ({
    line: info.lines,
    odsCode: record.ods_code ?? '',
    name: record.name ?? '',
    kind: record.kind ?? '',
    parentOdsCode: record.parent_ods_code ?? '',
  }));
  return { rows, problems: [] };
}

function firstLine(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return line
    .split(',')
    .map((column) => column.trim().toLowerCase())
    .filter(Boolean);
}
