import { DomainError } from '../../shared/errors';
import type { Organisation } from '../entities/organisation';
import { parseOdsCode } from '../ods-codes';
import { type NhsOrganisationKind, parseNhsOrganisationKind, renameOrganisation } from './onboard-organisations';
import {
  normaliseOrganisationName,
  type OrganisationDeps,
  PARENT_KIND,
  registerOrganisation,
} from './register-organisation';

/** One row of an import file, as read (nothing checked yet). `line` is where it ends in the file, for the report. */
export interface OrganisationRow {
  line: number;
  odsCode: string;
  name: string;
  kind: string;
  /** Blank for an ICB. */
  parentOdsCode: string;
}

export interface ImportedRow {
  line: number;
  kind: NhsOrganisationKind;
  odsCode: string;
  name: string;
  /** For an update: the name it had. */
  previousName?: string;
}

export interface ImportProblem {
  line: number;
  /** The column at fault: `ods_code`, `name`, `kind` or `parent_ods_code`. */
  column: string;
  message: string;
}

export interface ImportReport {
  /** True when nothing was written: a dry run, or a file with problems. */
  dryRun: boolean;
  created: ImportedRow[];
  updated: ImportedRow[];
  unchanged: ImportedRow[];
  /** When there are any, nothing was written. */
  problems: ImportProblem[];
}

/** What the row means once checked, and what the table already holds for it. */
interface PlannedRow extends ImportedRow {
  parentOdsCode?: string;
  existing?: Organisation;
}

const COLUMNS: Record<string, string> = {
  odsCode: 'ods_code',
  name: 'name',
  kind: 'kind',
  parentOdsCode: 'parent_ods_code',
  parentId: 'parent_ods_code',
};

/** Parents first, so a PCN's ICB exists before the PCN is written, whatever the order of the file. */
const ORDER: Record<NhsOrganisationKind, number> = { ICB: 0, PCN: 1, PRACTICE: 2 };

/**
 * Primary course: an operator loads an ICB's organisations from a file (ODS code, name, kind, parent ODS code), with
 * their credentials for the table as the authority. Every row is checked first, against the file and against what is
 * already registered; if any row has a problem, the report lists every problem and nothing is written. Otherwise each
 * organisation is created, renamed, or left alone when it already matches, parents before children. Running the same
 * file again changes nothing; a dry run reports what a run would do and writes nothing. An organisation's kind and
 * parent are fixed once registered: a row that would change them is a problem, not a move.
 */
export async function importOrganisations(
  deps: OrganisationDeps,
  rows: readonly OrganisationRow[],
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const { planned, problems } = checkRows(rows);
  await compareWithRegistered(deps, planned, problems);
  const report: ImportReport = {
    dryRun: options.dryRun || problems.length > 0,
    created: [],
    updated: [],
    unchanged: [],
    problems,
  };
  if (problems.length > 0) return report;

  const ids = new Map<string, string>();
  for (const row of [...planned].sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.line - b.line)) {
    const { existing, parentOdsCode, ...outcome } = row;
    if (existing) {
      ids.set(row.odsCode, existing.organisationId);
      if (existing.name === row.name) {
        report.unchanged.push(outcome);
        continue;
      }
      if (!options.dryRun) await renameOrganisation(deps, existing, row.name);
      report.updated.push({ ...outcome, previousName: existing.name });
      continue;
    }
    if (!options.dryRun) {
      const parentId = parentOdsCode === undefined ? undefined : ids.get(parentOdsCode);
      const created = await registerOrganisation(deps, {
        kind: row.kind,
        odsCode: row.odsCode,
        name: row.name,
        ...(parentId ? { parentId } : {}),
      });
      ids.set(row.odsCode, created.organisationId);
    }
    report.created.push(outcome);
  }
  return report;
}

/** Each row on its own and against the rest of the file: formats, kinds, parents named by the right kind of code. */
function checkRows(rows: readonly OrganisationRow[]): { planned: PlannedRow[]; problems: ImportProblem[] } {
  const planned: PlannedRow[] = [];
  const problems: ImportProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const problem = (column: string, message: string) => problems.push({ line: row.line, column, message });
    try {
      const kind = parseNhsOrganisationKind(row.kind.trim().toUpperCase());
      const odsCode = parseOdsCode(row.odsCode, kind);
      const name = normaliseOrganisationName(row.name);
      const parentKind = PARENT_KIND[kind];
      const blankParent = row.parentOdsCode.trim() === '';
      if (parentKind === undefined && !blankParent) {
        problem('parent_ods_code', 'must be blank for an ICB');
        continue;
      }
      if (parentKind !== undefined && blankParent) {
        problem('parent_ods_code', `a ${kind} must name its ${parentKind}`);
        continue;
      }
      const parentOdsCode = parentKind && parseOdsCode(row.parentOdsCode, parentKind, 'parentOdsCode');
      const seen = firstLine.get(odsCode);
      if (seen !== undefined) {
        problem('ods_code', `appears twice in the file (first on line ${seen})`);
        continue;
      }
      firstLine.set(odsCode, row.line);
      planned.push({ line: row.line, kind, odsCode, name, ...(parentOdsCode ? { parentOdsCode } : {}) });
    } catch (error) {
      if (!(error instanceof DomainError && 'field' in error)) throw error;
      const field = String((error as { field: unknown }).field);
      problem(COLUMNS[field] ?? field, error.message.replace(`${field}: `, ''));
    }
  }
  const byCode = new Map(planned.map((row) => [row.odsCode, row]));
  for (const row of planned) {
    const parent = row.parentOdsCode === undefined ? undefined : byCode.get(row.parentOdsCode);
    if (parent && parent.kind !== PARENT_KIND[row.kind]) {
      problems.push({
        line: row.line,
        column: 'parent_ods_code',
        message: `is a ${parent.kind} in this file, not a ${PARENT_KIND[row.kind]}`,
      });
    }
  }
  return { planned, problems };
}

/**
 * Each row against the table: an existing organisation must keep its kind and parent; a parent missing from the file
 * must be registered already, as the right kind.
 */
async function compareWithRegistered(
  deps: OrganisationDeps,
  planned: PlannedRow[],
  problems: ImportProblem[],
): Promise<void> {
  const registered = new Map<string, Organisation | undefined>();
  const lookup = async (odsCode: string) => {
    if (!registered.has(odsCode)) registered.set(odsCode, await deps.identity.findOrganisationByOdsCode(odsCode));
    return registered.get(odsCode);
  };
  const inFile = new Set(planned.map((row) => row.odsCode));
  for (const row of planned) {
    const problem = (column: string, message: string) => problems.push({ line: row.line, column, message });
    const existing = await lookup(row.odsCode);
    if (existing) row.existing = existing;
    if (existing && existing.kind !== row.kind) {
      problem('kind', `the organisation with this ODS code is registered as a ${existing.kind}`);
      continue;
    }
    if (row.parentOdsCode === undefined) continue;
    const parent = await lookup(row.parentOdsCode);
    if (!parent && !inFile.has(row.parentOdsCode)) {
      problem('parent_ods_code', 'is neither in this file nor registered');
    } else if (parent && parent.kind !== PARENT_KIND[row.kind]) {
      problem('parent_ods_code', `is registered as a ${parent.kind}, not a ${PARENT_KIND[row.kind]}`);
    } else if (existing && existing.parentId !== parent?.organisationId) {
      problem(
        'parent_ods_code',
        'differs from the parent this organisation is registered under; moving it is not supported',
      );
    }
  }
}
