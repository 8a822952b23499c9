import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { owningEntity } from '../ownership/owning-entity.js';
import { fieldsFromCreation, fieldsFromPatch, type PersonFields } from './person-fields.js';
import { auditSnapshot, fieldsOfRecord, scopeOf, storedFields, toPerson, type ExpectedVersion, type PersonActor, type PersonDeps } from './person-view.js';
import { deletePersonRow, findEmailHolder, findEmailsOf, findPersonById, insertPerson, replaceEmails, updatePersonFields } from './persons.repository.js';
import type { CreatePerson, Person, PersonPatch } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

const RESOURCE = 'person';

/** An address belongs to one person within an entity: 409 pointing at the address, naming its holder. */
export class PersonEmailTakenError extends ConflictError {
  constructor(email: string, index: number, holderId: string) {
    super(`The address ${email} already belongs to another contact of this entity (id ${holderId}).`, 'person_email_taken', [
      { pointer: `/emails/${index}`, message: `L'adresse « ${email} » appartient déjà à un autre contact de cette structure.` },
    ]);
  }
}

export class PersonAnonymizedError extends ConflictError {
  constructor() {
    super('This contact was erased (GDPR): it can no longer be changed.', 'person_anonymized');
  }
}

export async function createPerson(deps: PersonDeps, actor: PersonActor, input: CreatePerson): Promise<Person> {
  const entityId = owningEntity(actor.principal, PERSON_PERMISSIONS.write, input.entityId);
  const fields = fieldsFromCreation(input);
  return withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.write), async (tx) => {
    await assertEmailsFree(tx, entityId, fields.emails, null);
    const record = await insertPerson(tx, newId(), entityId, storedFields(fields, deps.cipher));
    await saveEmails(tx, record.id, record.entityId, fields.emails);
    await recordAudit(tx, {
      action: 'crm.person.created',
      resourceType: RESOURCE,
      resourceId: record.id,
      entityId: record.entityId,
      after: auditSnapshot(fields, record.entityId),
      actor: actor.audit,
    });
    return toPerson(record, fields.emails, deps.cipher, actor.principal);
  });
}

/** Merge patch; persons outside the caller's write scope are "not found" (RLS). */
export async function updatePerson(deps: PersonDeps, actor: PersonActor, id: string, expected: ExpectedVersion, patch: PersonPatch): Promise<Person> {
  return withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.write), async (tx) => {
    const current = await findPersonById(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Person');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (current.anonymizedAt) throw new PersonAnonymizedError();
    const before = fieldsOfRecord(current, (await findEmailsOf(tx, [id])).get(id) ?? [], deps.cipher);
    const after = fieldsFromPatch(before, patch);
    // Re-encrypting unchanged values would rewrite the ciphertext for nothing (new IV each time).
    const stored = storedFields(after, deps.cipher);
    if (after.personalPhone === before.personalPhone) stored.personalPhoneEncrypted = current.personalPhoneEncrypted;
    if (after.sensitiveNote === before.sensitiveNote) stored.sensitiveNoteEncrypted = current.sensitiveNoteEncrypted;
    if (patch.emails !== undefined) {
      await assertEmailsFree(tx, current.entityId, after.emails, id);
      await saveEmails(tx, id, current.entityId, after.emails);
    }
    const updated = await updatePersonFields(tx, id, current.version, stored);
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'crm.person.updated',
      resourceType: RESOURCE,
      resourceId: id,
      entityId: current.entityId,
      before: auditSnapshot(before, current.entityId),
      after: auditSnapshot(after, current.entityId),
      actor: actor.audit,
    });
    return toPerson(updated, after.emails, deps.cipher, actor.principal);
  });
}

/** Deletes the person with its addresses, affiliations and consents (cascade). Erasure keeps the row instead. */
export async function deletePerson(deps: PersonDeps, actor: PersonActor, id: string, expected: ExpectedVersion): Promise<void> {
  await withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.write), async (tx) => {
    const current = await findPersonById(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Person');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    await deletePersonRow(tx, id);
    await recordAudit(tx, {
      action: 'crm.person.deleted',
      resourceType: RESOURCE,
      resourceId: id,
      entityId: current.entityId,
      before: { entityId: current.entityId, legalBasis: current.legalBasis },
      actor: actor.audit,
    });
  });
}

async function assertEmailsFree(tx: Tx, entityId: string, emails: PersonFields['emails'], personId: string | null): Promise<void> {
  const holder = await findEmailHolder(tx, entityId, emails, personId);
  if (holder) throw new PersonEmailTakenError(holder.email, emails.indexOf(holder.email), holder.personId);
}

/** A concurrent request may take an address between the check and the insert: still a 409, not a 500. */
async function saveEmails(tx: Tx, personId: string, entityId: string, emails: readonly string[]): Promise<void> {
  try {
    await replaceEmails(tx, personId, entityId, emails, newId);
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    throw new ConflictError('One of the addresses was just given to another contact of this entity.', 'person_email_taken', [
      { pointer: '/emails', message: "Une de ces adresses vient d'être attribuée à un autre contact de cette structure." },
    ]);
  }
}
