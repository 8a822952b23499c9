import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { clearConsentProofs, grantedChannels, insertConsent } from './consents.repository.js';
import { scopeOf, toPerson, type PersonActor, type PersonDeps } from './person-view.js';
import { findPersonById, PERSON_COLUMNS, type PersonRecord } from './persons.repository.js';
import type { Person } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

/** What a person's last name reads once erased (the column is NOT NULL). */
export const ANONYMOUS_NAME = 'Anonyme';
const ERASED_SUBJECT = 'Contenu effacé (RGPD)';

export type ErasureReason = 'request' | 'retention';

/**
 * Anonymises a person in the caller's transaction (GDPR art. 17), keeping what aggregates need:
 * - the `persons` row stays (counted, its id still referenced) with every identifying field
 *   cleared, `last_name` set to ANONYMOUS_NAME and `anonymized_at` set;
 * - e-mail addresses and affiliations are deleted (a role in a small company identifies someone);
 * - consent history stays as dated facts (channel, status, source) with its free-text proof
 *   cleared, and each channel still granted is withdrawn: an erased person is never contacted;
 * - interactions stay attached (timeline counts), and those about the person alone (no company)
 *   lose their subject and body; a company's interactions are its history and keep their text.
 * Idempotent: erasing an erased person changes nothing and returns it. Null when not visible.
 */
export async function erasePersonInTx(tx: Tx, personId: string, reason: ErasureReason, actor: AuditActor): Promise<PersonRecord | null> {
  const current = await findPersonById(tx, personId, { forUpdate: true });
  if (!current || current.anonymizedAt) return current;
  const withdrawn = await grantedChannels(tx, personId);
  for (const channel of withdrawn) {
    await insertConsent(tx, newId(), {
      entityId: current.entityId,
      personId,
      channel,
      status: 'withdrawn',
      source: reason === 'request' ? 'Effacement RGPD à la demande de la personne' : 'Effacement RGPD (durée de conservation dépassée)',
      proof: null,
      recordedBy: actor.userId,
    });
  }
  await clearConsentProofs(tx, personId);
  const emails = await tx.client.query('DELETE FROM person_emails WHERE person_id = $1', [personId]);
  const affiliations = await tx.client.query('DELETE FROM affiliations WHERE person_id = $1', [personId]);
  const interactions = await tx.client.query(
    `UPDATE interactions SET subject = $2, body_html = NULL, version = version + 1, updated_at = now()
     WHERE person_id = $1 AND organization_id IS NULL AND subject IS DISTINCT FROM $2`,
    [personId, ERASED_SUBJECT],
  );
  const { rows } = await tx.client.query<PersonRecord>(
    `UPDATE persons SET civility = NULL, first_name = NULL, last_name = $2, job_title = NULL, phone = NULL,
       personal_phone_encrypted = NULL, sensitive_note_encrypted = NULL, retention_flagged_at = NULL,
       anonymized_at = now(), version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${PERSON_COLUMNS}`,
    [personId, ANONYMOUS_NAME],
  );
  await recordAudit(tx, {
    action: 'crm.person.erased',
    resourceType: 'person',
    resourceId: personId,
    entityId: current.entityId,
    after: {
      reason,
      consentsWithdrawn: withdrawn,
      emailsRemoved: emails.rowCount ?? 0,
      affiliationsRemoved: affiliations.rowCount ?? 0,
      interactionsCleared: interactions.rowCount ?? 0,
    },
    actor,
  });
  return rows[0]!;
}

/** The right to erasure, on request: crm.persons.gdpr on the person's entity. */
export async function erasePerson(deps: PersonDeps, actor: PersonActor, personId: string): Promise<Person> {
  return withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.gdpr), async (tx) => {
    const erased = await erasePersonInTx(tx, personId, 'request', actor.audit);
    if (!erased) throw new NotFoundError('Person');
    return toPerson(erased, [], deps.cipher, actor.principal);
  });
}
