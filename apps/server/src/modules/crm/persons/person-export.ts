import { Type, type Static } from 'typebox';
import { recordAudit } from '../../../platform/audit/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { findAffiliationsOf } from './affiliations.repository.js';
import { findConsentHistory } from './consents.repository.js';
import { scopeOf, toPerson, type PersonActor, type PersonDeps } from './person-view.js';
import { findEmailsOf, findPersonById } from './persons.repository.js';
import { AffiliationSchema, ConsentSchema, PersonSchema } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

const PersonInteractionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  subject: Type.String(),
  bodyHtml: Type.Union([Type.String(), Type.Null()]),
  organizationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});

export const PersonExportSchema = Type.Object(
  {
    exportedAt: Type.String({ format: 'date-time' }),
    person: PersonSchema,
    affiliations: Type.Array(AffiliationSchema),
    consents: Type.Array(ConsentSchema, { description: 'Every consent decision, newest first' }),
    interactions: Type.Array(PersonInteractionSchema, { description: 'The timeline entries about the person, newest first' }),
  },
  { $id: 'PersonExport', description: 'Everything the entity holds on the person (GDPR art. 15), sensitive fields decrypted' },
);
export type PersonExport = Static<typeof PersonExportSchema>;

interface InteractionRow {
  id: string;
  kind: string;
  occurred_at: Date;
  subject: string;
  body_html: string | null;
  organization_id: string | null;
}

/**
 * Everything held on a person, in the caller's transaction and scope (the interactions of other
 * branches are not theirs to give). Sensitive fields are decrypted: the person has a right to them.
 */
export async function exportPerson(tx: Tx, cipher: FieldCipher, personId: string): Promise<PersonExport | null> {
  const record = await findPersonById(tx, personId);
  if (!record) return null;
  const emails = await findEmailsOf(tx, [personId]);
  const { rows } = await tx.client.query<InteractionRow>(
    `SELECT id, kind, occurred_at, subject, body_html, organization_id FROM interactions WHERE person_id = $1 ORDER BY occurred_at DESC, id DESC`,
    [personId],
  );
  return {
    exportedAt: new Date().toISOString(),
    person: toPerson(record, emails.get(personId) ?? [], cipher, null),
    affiliations: await findAffiliationsOf(tx, personId),
    consents: await findConsentHistory(tx, personId),
    interactions: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      occurredAt: row.occurred_at.toISOString(),
      subject: row.subject,
      bodyHtml: row.body_html,
      organizationId: row.organization_id,
    })),
  };
}

/** The right of access, audited (who exported whose file, never its content). */
export async function exportPersonFile(deps: PersonDeps, actor: PersonActor, personId: string): Promise<PersonExport> {
  return withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.gdpr), async (tx) => {
    const file = await exportPerson(tx, deps.cipher, personId);
    if (!file) throw new NotFoundError('Person');
    await recordAudit(tx, {
      action: 'crm.person.exported',
      resourceType: 'person',
      resourceId: personId,
      entityId: file.person.entityId,
      actor: actor.audit,
    });
    return file;
  });
}
