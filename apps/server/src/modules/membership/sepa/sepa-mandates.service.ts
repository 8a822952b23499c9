import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type DbScope, type Tx } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { findOrganizationById } from '../../crm/index.js';
import { SEPA_PERMISSIONS, sepaWriteScope, type SepaActor, type SepaDeps } from './sepa-deps.js';
import { bankAccountErrors, normalizeBic, normalizeIban } from './sepa-identifiers.js';
import { findMandate, insertMandate, listMandates, revokeMandate, toMandate } from './sepa-mandates.repository.js';
import type { CreateMandate, Mandate, MandateListQuery } from './sepa.schema.js';

const REFUSED = 'Le mandat de prélèvement ne peut pas être enregistré.';

/** Drizzle wraps the driver's error: the SQLSTATE is on the error or on its cause. */
function isUniqueViolation(error: unknown): boolean {
  const { code, cause } = error as { code?: string; cause?: { code?: string } };
  return code === '23505' || cause?.code === '23505';
}

export async function createMandate(deps: SepaDeps, actor: SepaActor, input: CreateMandate): Promise<Mandate> {
  const errors = bankAccountErrors(input.iban, input.bic ?? null);
  if (!actor.principal.holdsOn(SEPA_PERMISSIONS.write, input.entityId)) {
    errors.unshift({ pointer: '/entityId', message: 'Vous ne pouvez pas enregistrer de mandat au nom de cette structure.' });
  }
  if (errors.length > 0) throw new ValidationError(errors, REFUSED);
  const iban = normalizeIban(input.iban);
  return withTransaction(deps.database, sepaWriteScope(actor), async (tx) => {
    if (!(await findOrganizationById(tx, input.organizationId))) {
      throw new ValidationError([{ pointer: '/organizationId', message: 'Cette entreprise est introuvable.' }], REFUSED);
    }
    let record;
    try {
      record = await insertMandate(tx, {
        id: newId(),
        entityId: input.entityId,
        organizationId: input.organizationId,
        reference: input.reference,
        signatureDate: input.signatureDate,
        debtorName: input.debtorName,
        ibanEncrypted: deps.cipher.encrypt(iban),
        ibanBlindIndex: deps.cipher.blindIndex(iban),
        ibanLast4: iban.slice(-4),
        bic: input.bic ? normalizeBic(input.bic) : null,
        sequenceType: input.sequenceType ?? 'FRST',
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictError(
        'Cette référence de mandat (RUM) est déjà utilisée, ou cette entreprise a déjà un mandat actif : révoquez-le avant d\'en enregistrer un nouveau.',
        'sepa_mandate_conflict',
        [{ pointer: '/reference', message: 'Référence de mandat déjà utilisée ou mandat actif existant pour cette entreprise.' }],
      );
    }
    const mandate = toMandate(record);
    // The audit trail keeps the masked IBAN only.
    await recordAudit(tx, { action: 'membership.sepa_mandate.created', resourceType: 'sepa_mandate', resourceId: mandate.id, entityId: mandate.entityId, after: { ...mandate }, actor: actor.audit });
    return mandate;
  });
}

export async function getMandate(deps: SepaDeps, scope: DbScope, id: string): Promise<Mandate> {
  return withTransaction(
    deps.database,
    scope,
    async (tx) => {
      const record = await findMandate(tx, id);
      if (!record) throw new NotFoundError('SEPA mandate');
      return toMandate(record);
    },
    { readOnly: true },
  );
}

export async function searchMandates(deps: SepaDeps, scope: DbScope, filter: MandateListQuery): Promise<Mandate[]> {
  return withTransaction(deps.database, scope, async (tx) => (await listMandates(tx, filter)).map(toMandate), { readOnly: true });
}

/** Revoking is final and idempotent: revoking a revoked mandate answers it unchanged. */
export async function revoke(deps: SepaDeps, actor: SepaActor, id: string): Promise<Mandate> {
  return withTransaction(deps.database, sepaWriteScope(actor), async (tx) => {
    const mandate = await revokeInTransaction(tx, actor, id);
    if (!mandate) throw new NotFoundError('SEPA mandate');
    return mandate;
  });
}

/**
 * Revokes a mandate inside the caller's transaction (row locked), audited with what caused it (a
 * rejected debit's reason code, for instance); null when the scope does not see it.
 */
export async function revokeInTransaction(tx: Tx, actor: SepaActor, id: string, cause: Record<string, unknown> = {}): Promise<Mandate | null> {
  const record = await findMandate(tx, id, { forUpdate: true });
  if (!record) return null;
  if (record.status === 'revoked') return toMandate(record);
  const mandate = toMandate(await revokeMandate(tx, id));
  await recordAudit(tx, {
    action: 'membership.sepa_mandate.revoked',
    resourceType: 'sepa_mandate',
    resourceId: id,
    entityId: mandate.entityId,
    before: { status: record.status },
    after: { status: 'revoked', ...cause },
    actor: actor.audit,
  });
  return mandate;
}
