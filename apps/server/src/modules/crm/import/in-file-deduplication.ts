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
 * people without e-mail — `name:` with the company and the folded full name. The same e-mail in
 * two companies is one person with two affiliations. The two forms never meet: an e-mail key has
 * no `:` (refused in addresses), a name key always has one. Keys stay exact strings, never hashes:
 * a collision would merge two people.
 */
export function contactKey(record: ImportRecord): string | null {
  const contact = record.contact;
  if (!contact) return null;
  if (contact.email) return contact.email.key;
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

/** No dues stated (no amount can be -Infinity). */
const NO_DUES = Number.NEGATIVE_INFINITY;

/**
 * What the file said about each company the first time, one column per value in typed arrays
 * (grown by doubling): enough to warn when a later row disagrees, at 20 bytes a company instead of
 * an object of four fields each.
 */
class FirstSeenCompanies {
  private size = 0;
  private rows = new Int32Array(1024);
  private nameHashes = new Uint32Array(1024);
  /** Cents, or NO_DUES; a double holds any amount a file can state. */
  private dues = new Float64Array(1024);
  /** Index into `unionCodes` (about a hundred départements). */
  private unions = new Uint16Array(1024);
  private readonly unionCodes: string[] = [];
  private readonly unionIndex = new Map<string, number>();

  add(row: number, record: ImportRecord): number {
    if (this.size === this.rows.length) this.grow();
    const index = this.size++;
    this.rows[index] = row;
    this.nameHashes[index] = nameHash(record.company.name);
    this.dues[index] = record.membership.duesCents ?? NO_DUES;
    this.unions[index] = this.unionOf(record.unionDepartementCode);
    return index;
  }

  row(index: number): number {
    return this.rows[index]!;
  }

  /** The French warnings for a later row of the company at `index` that disagrees with its first row. */
  disagreements(index: number, record: ImportRecord): string[] {
    const first = this.rows[index]!;
    const warnings: string[] = [];
    if (this.nameHashes[index] !== nameHash(record.company.name)) {
      warnings.push(`Même SIREN que la ligne ${first} sous un autre nom (« ${record.company.name} ») : le nom de la ligne ${first} est conservé.`);
    }
    if (this.dues[index] !== (record.membership.duesCents ?? NO_DUES)) {
      warnings.push(`Cotisation différente de celle de la ligne ${first} pour la même entreprise : celle de la ligne ${first} est conservée.`);
    }
    if (this.unionCodes[this.unions[index]!] !== record.unionDepartementCode) {
      warnings.push(`Adresse dans un autre département que la ligne ${first} pour la même entreprise : l'adresse de la ligne ${first} est conservée.`);
    }
    return warnings;
  }

  private unionOf(code: string): number {
    let index = this.unionIndex.get(code);
    if (index === undefined) {
      index = this.unionCodes.push(code) - 1;
      this.unionIndex.set(code, index);
    }
    return index;
  }

  private grow(): void {
    const grown = <T extends Int32Array | Uint32Array | Float64Array | Uint16Array>(array: T): T => {
      const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
      larger.set(array);
      return larger;
    };
    this.rows = grown(this.rows);
    this.nameHashes = grown(this.nameHashes);
    this.dues = grown(this.dues);
    this.unions = grown(this.unions);
  }
}

/**
 * Collapses repeated companies (same SIREN) and people (same contact key) within one file. Keeps
 * no copy of the rows' text: companies are found by their SIREN as a number (a small integer for
 * V8, 9 digits < 2^30) and described by typed arrays, people by their exact key and first row, so
 * a 250,000-row file costs about 36 MiB (docs/perf.md, 2026-12-03). The import service upserts by
 * the same keys, which also makes importing a file twice change nothing.
 */
export class InFileDeduplicator {
  /** SIREN (as a number) → index in `firstSeen`. */
  private readonly companies = new Map<number, number>();
  private readonly firstSeen = new FirstSeenCompanies();
  private readonly contacts = new Map<string, number>();

  get companyCount(): number {
    return this.companies.size;
  }

  get contactCount(): number {
    return this.contacts.size;
  }

  observe(row: number, record: ImportRecord): DuplicateInfo {
    const siren = Number(record.company.siren);
    const company = this.companies.get(siren);
    if (company === undefined) this.companies.set(siren, this.firstSeen.add(row, record));
    const key = contactKey(record);
    const contactFirstRow = key === null ? undefined : this.contacts.get(key);
    if (key !== null && contactFirstRow === undefined) this.contacts.set(key, row);
    return {
      companyFirstRow: company === undefined ? null : this.firstSeen.row(company),
      contactFirstRow: contactFirstRow ?? null,
      warnings: company === undefined ? [] : this.firstSeen.disagreements(company, record),
    };
  }
}
