import type { NafActivity } from '../classification/naf.js';
import type { HeadcountBandCode } from '../companies/headcount-band.js';
import type { Civility } from '../contacts/civility.js';
import type { NormalisedEmail } from '../contacts/email.js';
import type { E164Phone } from '../contacts/phone.js';
import type { Siren } from '../identifiers/siren.js';
import type { Siret } from '../identifiers/siret.js';
import type { ImportField } from './column-mapping.js';

/** One valid row, normalised: what the import service writes (company, its contact, the membership). */
export interface ImportRecord {
  readonly company: {
    readonly siren: Siren;
    /** Present when the file gave a SIRET (the establishment); the company is still keyed by SIREN. */
    readonly siret: Siret | null;
    readonly name: string;
    readonly naf: NafActivity | null;
    readonly headcountBand: HeadcountBandCode | null;
    readonly address: {
      readonly line: string | null;
      readonly postalCode: string;
      readonly communeInseeCode: string;
      readonly communeName: string;
      readonly departementCode: string;
    };
  };
  /** Null when the row names nobody (no name, e-mail or phone). */
  readonly contact: {
    readonly civility: Civility | null;
    readonly lastName: string;
    readonly firstName: string | null;
    readonly email: NormalisedEmail | null;
    readonly phone: E164Phone | null;
  } | null;
  readonly membership: {
    /** ISO date. */
    readonly joinedOn: string | null;
    readonly duesCents: number | null;
    readonly currency: 'EUR';
  };
  /** INSEE code of the département whose union (network entity) the member belongs to. */
  readonly unionDepartementCode: string;
}

/** Why a row cannot be imported, tied to the column as it is named in the file. */
export interface RowProblem {
  readonly field: ImportField;
  /** The file's header for that column (or the field's French label when the column is absent). */
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

export type RowValidation =
  | {
      readonly ok: true;
      readonly record: ImportRecord;
      /** Accepted with a correction staff should check (e.g. a misspelt commune). */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly RowProblem[] };

/**
 * `Ligne 12, colonne « SIREN » : Le SIREN … est invalide…` — one line of the rejection report;
 * `row` is the spreadsheet row number staff see in Excel.
 */
export function describeRowProblem(row: number, problem: RowProblem): string {
  return `Ligne ${row}, colonne « ${problem.column} » : ${problem.message}`;
}
