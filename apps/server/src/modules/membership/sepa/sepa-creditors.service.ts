import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type DbScope, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { SEPA_PERMISSIONS, sepaWriteScope, type SepaActor, type SepaDeps } from './sepa-deps.js';
import { bankAccountErrors, isValidCreditorIdentifier, normalizeBic, normalizeCreditorIdentifier, normalizeIban } from './sepa-identifiers.js';
import type { Creditor, PutCreditor } from './sepa.schema.js';
import { sepaCreditors } from './sepa.tables.js';

export type CreditorRecord = typeof sepaCreditors.$inferSelect;

function toCreditor(row: CreditorRecord): Creditor {
  return { entityId: row.entityId, creditorIdentifier: row.creditorIdentifier, iban: row.iban, bic: row.bic, updatedAt: row.updatedAt.toISOString() };
}

export async function findCreditor(tx: Tx, entityId: string, options: { forUpdate?: boolean } = {}): Promise<CreditorRecord | null> {
  const query = tx.db.select().from(sepaCreditors).where(eq(sepaCreditors.entityId, entityId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function getCreditor(deps: SepaDeps, scope: DbScope, entityId: string): Promise<Creditor> {
  return withTransaction(
    deps.database,
    scope,
    async (tx) => {
      const record = await findCreditor(tx, entityId);
      if (!record) throw new NotFoundError('SEPA creditor');
      return toCreditor(record);
    },
    { readOnly: true },
  );
}

/** Creates or replaces the SEPA creditor identity of an entity the caller may invoice for. */
export async function putCreditor(deps: SepaDeps, actor: SepaActor, entityId: string, input: PutCreditor): Promise<Creditor> {
  // Another branch's entity answers 404, as if it did not exist.
  if (!actor.principal.holdsOn(SEPA_PERMISSIONS.write, entityId)) throw new NotFoundError('Entity');
  const errors = bankAccountErrors(input.iban, input.bic ?? null);
  if (!isValidCreditorIdentifier(input.creditorIdentifier)) {
    errors.unshift({
      pointer: '/creditorIdentifier',
      message: "L'identifiant créancier SEPA (ICS) n'est pas valide : il s'écrit par exemple FR72ZZZ123456 et sa clé de contrôle doit être exacte.",
    });
  }
  if (errors.length > 0) throw new ValidationError(errors, "L'identité de créancier SEPA ne peut pas être enregistrée.");
  const values = {
    creditorIdentifier: normalizeCreditorIdentifier(input.creditorIdentifier),
    iban: normalizeIban(input.iban),
    bic: input.bic ? normalizeBic(input.bic) : null,
  };
  return withTransaction(deps.database, sepaWriteScope(actor), async (tx) => {
    const before = await findCreditor(tx, entityId, { forUpdate: true });
    const [row] = await tx.db
      .insert(sepaCreditors)
      .values({ entityId, ...values })
      .onConflictDoUpdate({ target: sepaCreditors.entityId, set: { ...values, updatedAt: sql`now()` } })
      .returning();
    const creditor = toCreditor(row!);
    await recordAudit(tx, {
      action: 'membership.sepa_creditor.updated',
      resourceType: 'sepa_creditor',
      resourceId: entityId,
      entityId,
      before: before ? { ...toCreditor(before) } : null,
      after: { ...creditor },
      actor: actor.audit,
    });
    return creditor;
  });
}
