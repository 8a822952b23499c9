import { newId, type Tx } from '../../../platform/db/index.js';
import { ValidationError, type FieldError } from '../../../platform/http/errors.js';
import type { Interaction } from './interactions.schema.js';
import { insertInteraction } from './interactions.repository.js';
import type { InteractionKind } from './interactions.tables.js';
import { sanitizeBody } from './sanitize-body.js';

export interface RecordInteractionInput {
  /** The owning entity. With a person it defaults to (and must be) the person's entity. */
  entityId?: string | undefined;
  kind: InteractionKind;
  /** ISO 8601 date-time. */
  occurredAt: string;
  subject: string;
  /** Untrusted HTML: sanitised here. */
  bodyHtml?: string | null | undefined;
  organizationId?: string | undefined;
  personId?: string | undefined;
  authorUserId: string | null;
}

/**
 * Adds an entry to a company's and/or a contact's timeline inside the caller's transaction, and
 * moves the contact's `last_interaction_at` (the GDPR retention job's clock) forward. Other modules
 * record membership changes and event attendances with it. The references are read under the
 * transaction's scope: a contact of another branch is unknown here (422).
 */
export async function recordInteraction(tx: Tx, input: RecordInteractionInput): Promise<Interaction> {
  const errors: FieldError[] = [];
  if (!input.organizationId && !input.personId) {
    errors.push({ pointer: '/organizationId', message: "Rattachez l'échange à une entreprise ou à un contact." });
  }
  const person = input.personId ? await findPersonForTimeline(tx, input.personId) : null;
  if (input.personId && !person) errors.push({ pointer: '/personId', message: 'Contact introuvable.' });
  if (person?.anonymized) errors.push({ pointer: '/personId', message: 'Ce contact a été anonymisé : on ne peut plus lui rattacher d\'échange.' });
  if (person && input.entityId && input.entityId !== person.entityId) {
    errors.push({ pointer: '/entityId', message: "Un échange avec un contact appartient à la structure de ce contact." });
  }
  if (input.organizationId && !(await organizationExists(tx, input.organizationId))) {
    errors.push({ pointer: '/organizationId', message: 'Entreprise introuvable.' });
  }
  const entityId = input.entityId ?? person?.entityId;
  if (errors.length === 0 && !entityId) errors.push({ pointer: '/entityId', message: 'Précisez la structure concernée.' });
  if (errors.length > 0) throw new ValidationError(errors);

  const interaction = await insertInteraction(tx, {
    id: newId(),
    entityId: entityId!,
    kind: input.kind,
    occurredAt: input.occurredAt,
    subject: input.subject,
    bodyHtml: sanitizeBody(input.bodyHtml),
    organizationId: input.organizationId ?? null,
    personId: input.personId ?? null,
    authorUserId: input.authorUserId,
  });
  if (interaction.personId) await touchLastInteraction(tx, interaction.personId, interaction.occurredAt);
  return interaction;
}

/** Only ever moves forward: deleting or back-dating an entry does not make a contact look older. */
export async function touchLastInteraction(tx: Tx, personId: string, occurredAt: string): Promise<void> {
  await tx.client.query(
    `UPDATE persons SET last_interaction_at = greatest(last_interaction_at, $2::timestamptz) WHERE id = $1`,
    [personId, occurredAt],
  );
}

async function findPersonForTimeline(tx: Tx, id: string): Promise<{ entityId: string; anonymized: boolean } | null> {
  const { rows } = await tx.client.query<{ entity_id: string; anonymized: boolean }>(
    'SELECT entity_id, anonymized_at IS NOT NULL AS anonymized FROM persons WHERE id = $1',
    [id],
  );
  return rows[0] ? { entityId: rows[0].entity_id, anonymized: rows[0].anonymized } : null;
}

export async function personIsVisible(tx: Tx, id: string): Promise<boolean> {
  return (await findPersonForTimeline(tx, id)) !== null;
}

export async function organizationExists(tx: Tx, id: string): Promise<boolean> {
  const { rowCount } = await tx.client.query('SELECT 1 FROM organizations WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}
