import type pg from 'pg';
import { withOwnerClient, type Database } from '../../../platform/db/index.js';
import { departementalUnionCode } from '../geography/departemental-union.js';
import { BulkRows } from './bulk-rows.js';
import { DEMO_NAF_VERSION, generateCompany, type DemoCompany } from './company-generator.js';
import { generateContacts } from './contact-generator.js';
import { AFFILIATIONS, INTERACTIONS, ORGANIZATION_LINKS, ORGANIZATIONS, PERSON_CONSENTS, PERSON_EMAILS, PERSONS } from './demo-tables.js';
import { generateInteractions, lastInteractionOf } from './interaction-generator.js';

/** Companies per scale; contacts (1.6 per company) and interactions (4 per company) follow. */
export const CRM_DEMO_SCALES = { small: 2_000, full: 250_000 } as const;
export type CrmDemoScale = keyof typeof CRM_DEMO_SCALES;
export const DEFAULT_DEMO_SEED = 1;

/** Companies per transaction: bounds memory (rows are generated batch by batch) and the work a failure loses. */
const BATCH_SIZE = 2_000;

export interface CrmDemoOptions {
  scale: CrmDemoScale;
  seed?: number;
  /** Called after each batch (the CLI prints progress of `full`). */
  onProgress?: (companiesDone: number, companiesTotal: number) => void;
}

export interface CrmDemoResult {
  /** Rows inserted by this run (0 everywhere when the data set was already complete). */
  created: { companies: number; links: number; contacts: number; interactions: number };
  companiesExpected: number;
  alreadyPresent: boolean;
}

/**
 * Loads the CRM demo data set of a scale and seed: companies of every département attached to their
 * departmental union, their contacts (persons, e-mails, affiliations, newsletter consents) and each
 * union's interactions with them. Runs as the owner (seed, outside RLS), in batches of one
 * transaction each. Idempotent and resumable: every row has a deterministic id and is inserted with
 * ON CONFLICT DO NOTHING; when the last company of the set exists, the set is complete and nothing
 * is generated at all. `small` is the first 2,000 companies of `full` for the same seed.
 */
export async function seedCrmDemo(database: Database, options: CrmDemoOptions): Promise<CrmDemoResult> {
  const total = CRM_DEMO_SCALES[options.scale];
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const created = { companies: 0, links: 0, contacts: 0, interactions: 0 };
  return withOwnerClient(database, async (client) => {
    if (await organizationExists(client, generateCompany(seed, total - 1).id)) {
      return { created, companiesExpected: total, alreadyPresent: true };
    }
    const unions = await departementalUnionIds(client);
    const writer = new DemoWriter();
    for (let start = 0; start < total; start += BATCH_SIZE) {
      const companies: DemoCompany[] = [];
      for (let index = start; index < Math.min(total, start + BATCH_SIZE); index += 1) companies.push(generateCompany(seed, index));
      await client.query('BEGIN');
      try {
        const batch = await writer.write(client, companies, unions);
        await client.query('COMMIT');
        for (const key of Object.keys(created) as Array<keyof typeof created>) created[key] += batch[key];
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      options.onProgress?.(start + companies.length, total);
    }
    // Fresh statistics, or the planner guesses from an empty table until autovacuum comes by.
    await client.query('ANALYZE organizations, organization_words, organization_links, persons, person_emails, affiliations, person_consents, interactions');
    // The search index's pending entries merged now rather than read by every search until VACUUM (0053).
    await client.query(`SELECT gin_clean_pending_list('organizations_search_idx'::regclass)`);
    return { created, companiesExpected: total, alreadyPresent: false };
  });
}

async function organizationExists(client: pg.PoolClient, id: string): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT EXISTS (SELECT 1 FROM organizations WHERE id = $1) AS exists', [id]);
  return rows[0]!.exists;
}

/** Département code → id of its union entity in the network (seeded by the step before). */
async function departementalUnionIds(client: pg.PoolClient): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; code: string }>(`SELECT id, code FROM entities WHERE kind = 'departement'`);
  return new Map(rows.map((row) => [row.code, row.id]));
}

class DemoWriter {
  private readonly organizations = new BulkRows(ORGANIZATIONS);
  private readonly links = new BulkRows(ORGANIZATION_LINKS);
  private readonly persons = new BulkRows(PERSONS);
  private readonly emails = new BulkRows(PERSON_EMAILS);
  private readonly affiliations = new BulkRows(AFFILIATIONS);
  private readonly consents = new BulkRows(PERSON_CONSENTS);
  private readonly interactions = new BulkRows(INTERACTIONS);

  async write(client: pg.PoolClient, companies: readonly DemoCompany[], unions: ReadonlyMap<string, string>) {
    for (const c of companies) {
      const { commune } = c;
      this.organizations.push(c.id, c.siren, c.name, c.legalName, c.nafCode, DEMO_NAF_VERSION, c.legalForm, c.headcountBand, c.street,
        commune.postalCode, commune.inseeCode, commune.name, commune.departementCode, c.website, c.phone, c.createdAt, c.createdAt);
    }
    const companiesCreated = await this.organizations.flush(client);
    // A SIREN already registered by staff keeps its record: the demo company is then skipped, with its facets.
    const { rows } = await client.query<{ id: string }>('SELECT id FROM organizations WHERE id = ANY($1::uuid[])', [companies.map((c) => c.id)]);
    const ours = new Set(rows.map((row) => row.id));
    for (const company of companies) {
      const unionCode = departementalUnionCode(company.commune.departementCode);
      const unionId = unionCode ? unions.get(unionCode) : undefined;
      // Without a union (Saint-Pierre-et-Miquelon), no branch holds relational data on the company.
      if (ours.has(company.id) && unionId) this.pushFacets(company, unionId);
    }
    const links = await this.links.flush(client);
    const contacts = await this.persons.flush(client);
    await this.emails.flush(client);
    await this.affiliations.flush(client);
    await this.consents.flush(client);
    const interactions = await this.interactions.flush(client);
    return { companies: companiesCreated, links, contacts, interactions };
  }

  private pushFacets(company: DemoCompany, unionId: string): void {
    const created = company.createdAt;
    this.links.push(company.link.id, company.id, unionId, company.link.status, 'derived', created, created);
    const contacts = generateContacts(company);
    const interactions = generateInteractions(company, contacts);
    const lastInteraction = lastInteractionOf(interactions);
    for (const contact of contacts) {
      const at = contact.createdAt;
      this.persons.push(contact.id, unionId, contact.civility, contact.firstName, contact.lastName, contact.jobTitle, contact.phone,
        lastInteraction.get(contact.id) ?? null, at, at);
      this.emails.push(contact.email.id, unionId, contact.id, contact.email.address, true);
      const { affiliation } = contact;
      this.affiliations.push(affiliation.id, unionId, contact.id, company.id, affiliation.role, affiliation.startsOn, affiliation.isPrimary);
      if (contact.newsletterConsent) {
        const consent = contact.newsletterConsent;
        this.consents.push(consent.id, unionId, contact.id, 'newsletter', consent.status, 'Données de démonstration', at);
      }
    }
    for (const interaction of interactions) {
      this.interactions.push(interaction.id, unionId, interaction.kind, interaction.occurredAt, interaction.subject, interaction.bodyHtml,
        company.id, interaction.personId, interaction.occurredAt, interaction.occurredAt);
    }
  }
}
