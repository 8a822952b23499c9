import { recordAudit } from '../../../platform/audit/index.js';
import { newId, type Tx } from '../../../platform/db/index.js';
import { onUnsubscribe, type UnsubscribeClaim } from '../../../platform/mail/index.js';
import { insertConsent } from './consents.repository.js';
import { findPersonById } from './persons.repository.js';

/**
 * An unsubscribe link followed: the person's consent on the mailing list's channel is withdrawn, in
 * the transaction that records the opt-out, so every later list (exports, segments, mailings) leaves
 * them out. The link itself is the proof; an erased or unknown person is left alone.
 */
export async function withdrawConsentFromLink(tx: Tx, claim: UnsubscribeClaim): Promise<void> {
  const person = await findPersonById(tx, claim.personId);
  if (!person || person.anonymizedAt) return;
  const consent = await insertConsent(tx, newId(), {
    entityId: person.entityId,
    personId: person.id,
    channel: claim.list,
    status: 'withdrawn',
    source: 'Lien de désinscription',
    proof: `Courriel ${claim.outboxId}`,
    recordedBy: null,
  });
  await recordAudit(tx, {
    action: 'crm.consent.withdrawn',
    resourceType: 'person_consent',
    resourceId: consent.id,
    entityId: person.entityId,
    after: { personId: person.id, channel: consent.channel, status: consent.status, source: consent.source },
    actor: { userId: null, requestId: null, ip: null },
  });
}

export function registerConsentWithdrawalOnUnsubscribe(): void {
  onUnsubscribe(withdrawConsentFromLink);
}
