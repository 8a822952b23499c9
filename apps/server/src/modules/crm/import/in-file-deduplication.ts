import type { Siren } from '../identifiers/siren.js';
import { foldText } from '../text/fold-text.js';
import type { ImportRecord } from './import-record.js';

/** The spreadsheet rows where a row's company and contact were first seen (null: this row introduces them). */
export interface DuplicateInfo {
  readonly companyFirstRow: number | null;
  readonly contactFirstRow: number | null;
  /** The row disagrees with the first one on these points; the first row's values are kept. */
  readonly warnings: readonly string[];
}

/**
 * The identity of a contact within an import: the e-mail key (case-insensitive), else — for
 * people without e-mail — the company and the folded full name. The same e-mail in two companies
 * is one person with two affiliations.
 */
export function contactKey(record: ImportRecord): string | null {
  const contact = record.contact;
  if (!contact) return null;
  if (contact.email) return `email:${contact.email.key}`;
  return `name:${record.company.siren}:${foldText(contact.lastName)}:${foldText(contact.firstName ?? '')}`;
}

/** 32-bit FNV-1a of a folded text: enough to tell "same name" from "another name" within one file. */
function nameHash(name: string): number {
  const folded = foldText(name);
  let hash = 0x811c9dc5;
  for (let index = 0; index < folded.length; index += 1) {
    hash ^= folded.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** What the file said about a company the first time: enough to warn when a later row disagrees. */
interface CompanyFirstSeen {
  readonly row: number;
  readonly nameHash: number;
  readonly duesCents: number | null;
  readonly union: string;
}

/**
 * Collapses repeated companies (same SIREN) and people (same contact key) within one file. Keeps
 * only keys, row numbers and a hash of the first name (no copy of the row's text), so a
 * 250,000-row file costs tens of megabytes; the import service upserts by the same keys, which
 * also makes importing a file twice change nothing.
 */
export class InFileDeduplicator {
  private readonly companies = new Map<Siren, CompanyFirstSeen>();
  private readonly contacts = new Map<string, number>();

  get companyCount(): number {
    return this.companies.size;
  }

  get contactCount(): number {
    return this.contacts.size;
  }

  observe(row: number, record: ImportRecord): DuplicateInfo {
    const warnings: string[] = [];
    const company = this.companies.get(record.company.siren);
    if (company) {
      if (company.nameHash !== nameHash(record.company.name)) {
        warnings.push(`Même SIREN que la ligne ${company.row} sous un autre nom (« ${record.company.name} ») : le nom de la ligne ${company.row} est conservé.`);
      }
      if (company.duesCents !== record.membership.duesCents) {
        warnings.push(`Cotisation différente de celle de la ligne ${company.row} pour la même entreprise : celle de la ligne ${company.row} est conservée.`);
      }
      if (company.union !== record.unionDepartementCode) {
        warnings.push(`Adresse dans un autre département que la ligne ${company.row} pour la même entreprise : l'adresse de la ligne ${company.row} est conservée.`);
      }
    } else {
      this.companies.set(record.company.siren, {
        row,
        nameHash: nameHash(record.company.name),
        duesCents: record.membership.duesCents,
        union: record.unionDepartementCode,
      });
    }
    const key = contactKey(record);
    const contactFirstRow = key === null ? undefined : this.contacts.get(key);
    if (key !== null && contactFirstRow === undefined) this.contacts.set(key, row);
    return { companyFirstRow: company?.row ?? null, contactFirstRow: contactFirstRow ?? null, warnings };
  }
}
