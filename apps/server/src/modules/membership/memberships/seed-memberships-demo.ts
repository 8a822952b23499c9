import { newId, withOwnerClient, type Database } from '../../../platform/db/index.js';
import { parisToday, yearOf } from './calendar-dates.js';

/** Demo unions: their member types, this year's and next year's dues, and members from the CRM demo. */
const DEMO_ENTITY_CODES = ['69', '75'];
const DEMO_TYPES = [
  { code: 'standard', label: 'Adhérent', free: false },
  { code: 'bienfaiteur', label: 'Membre bienfaiteur', free: false },
  { code: 'honoraire', label: 'Membre honoraire', free: true },
];
/** Yearly dues by INSEE headcount band (default first), in cents. */
const DEMO_RATES: Array<[string | null, number]> = [
  [null, 18_000],
  ['01', 24_000],
  ['02', 32_000],
  ['03', 42_000],
  ['11', 56_000],
  ['12', 78_000],
  ['21', 120_000],
];
const MEMBERS_PER_ENTITY = 300;
/** The legal identity invoices print (SIREN with a valid Luhn key, head office), set only where none is recorded. */
const DEMO_LEGAL_IDENTITIES: Record<string, { siren: string; addressLine: string; postalCode: string; city: string }> = {
  '69': { siren: '775663438', addressLine: '12 rue de la République', postalCode: '69002', city: 'Lyon' },
  '75': { siren: '784824153', addressLine: "8 avenue de l'Opéra", postalCode: '75001', city: 'Paris' },
};

/**
 * Idempotent demo data (owner connection, like the other demo seeds): for the Rhône and Paris unions,
 * member types, dues schedules for this year and next (benefactors pay a fixed 1 500 €), and an
 * active calendar membership for up to 300 companies the CRM demo marked as members there. Gives
 * both unions a legal identity (SIREN, head office) when they have none, so a renewal campaign issues invoices.
 */
export async function seedMembershipsDemo(database: Database): Promise<{ memberships: number }> {
  const year = yearOf(parisToday());
  return withOwnerClient(database, async (client) => {
    let created = 0;
    for (const code of DEMO_ENTITY_CODES) {
      const entity = (await client.query<{ id: string }>('SELECT id FROM entities WHERE code = $1', [code])).rows[0];
      if (!entity) continue;
      const identity = DEMO_LEGAL_IDENTITIES[code]!;
      await client.query(
        `UPDATE entities SET siren = $2, legal_name = COALESCE(legal_name, name), address_line = $3, postal_code = $4, city = $5 WHERE id = $1 AND siren IS NULL`,
        [entity.id, identity.siren, identity.addressLine, identity.postalCode, identity.city],
      );
      for (const type of DEMO_TYPES) {
        await client.query('INSERT INTO membership_types (id, entity_id, code, label, free) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [newId(), entity.id, type.code, type.label, type.free]);
      }
      const types = new Map((await client.query<{ id: string; code: string }>('SELECT id, code FROM membership_types WHERE entity_id = $1', [entity.id])).rows.map((row) => [row.code, row.id]));
      for (const scheduleYear of [year, year + 1]) {
        const scheduleId = newId();
        const inserted = await client.query('INSERT INTO dues_schedules (id, entity_id, year, pro_rata) VALUES ($1, $2, $3, true) ON CONFLICT DO NOTHING', [scheduleId, entity.id, scheduleYear]);
        if (inserted.rowCount !== 1) continue;
        for (const [band, amountCents] of DEMO_RATES) {
          await client.query('INSERT INTO dues_rates (id, entity_id, schedule_id, headcount_band, amount_cents) VALUES ($1, $2, $3, $4, $5)', [newId(), entity.id, scheduleId, band, amountCents]);
        }
        await client.query('INSERT INTO dues_rates (id, entity_id, schedule_id, type_id, amount_cents) VALUES ($1, $2, $3, $4, 150000)', [newId(), entity.id, scheduleId, types.get('bienfaiteur')]);
      }
      const { rows } = await client.query<{ organization_id: string }>(
        `SELECT l.organization_id FROM organization_links l
          WHERE l.entity_id = $1 AND l.status = 'member'
            AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = l.organization_id AND m.entity_id = l.entity_id)
          ORDER BY l.organization_id LIMIT $2`,
        [entity.id, MEMBERS_PER_ENTITY],
      );
      for (const [index, { organization_id: organizationId }] of rows.entries()) {
        const typeCode = index % 25 === 0 ? 'honoraire' : index % 10 === 0 ? 'bienfaiteur' : 'standard';
        const startedOn = `${year - 1 - (index % 6)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
        const id = newId();
        await client.query(
          `INSERT INTO memberships (id, entity_id, organization_id, type_id, status, period_kind, started_on, current_period_start, current_period_end)
           VALUES ($1, $2, $3, $4, 'active', 'calendar', $5, make_date($6, 1, 1), make_date($6, 12, 31))`,
          [id, entity.id, organizationId, types.get(typeCode), startedOn, year],
        );
        await client.query(
          `INSERT INTO membership_status_changes (id, entity_id, membership_id, from_status, to_status, effective_on, period_start, period_end, reason)
           VALUES ($1, $2, $3, NULL, 'active', $4, make_date($5, 1, 1), make_date($5, 12, 31), 'Adhésion de démonstration.')`,
          [newId(), entity.id, id, startedOn, year],
        );
        created += 1;
      }
    }
    return { memberships: created };
  });
}
