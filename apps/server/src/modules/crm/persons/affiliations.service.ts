import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { scopeOf, type PersonActor, type PersonDeps } from './person-view.js';
import {
  deleteAffiliationRow,
  findAffiliation,
  findAffiliationsOf,
  findContactsOfOrganization,
  insertAffiliation,
  organizationExists,
} from './affiliations.repository.js';
import { findPersonById, type PersonRecord } from './persons.repository.js';
import type { Affiliation, CreateAffiliation, OrganizationContact } from './persons.schema.js';
import { PersonAnonymizedError } from './persons-write.service.js';
import { PERSON_PERMISSIONS } from './permissions.js';

const RESOURCE = 'affiliation';

async function requirePerson(tx: Tx, personId: string): Promise<PersonRecord> {
  const person = await findPersonById(tx, personId);
  if (!person) throw new NotFoundError('Person');
  return person;
}

/** Affiliates a person to a company; the affiliation belongs to the person's entity. */
export async function createAffiliation(deps: PersonDeps, actor: PersonActor, personId: string, input: CreateAffiliation): Promise<Affiliation> {
  return withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.write), async (tx) => {
    const person = await requirePerson(tx, personId);
    if (person.anonymizedAt) throw new PersonAnonymizedError();
    const errors: FieldError[] = [];
    if (!(await organizationExists(tx, input.organizationId))) {
      errors.push({ pointer: '/organizationId', message: "Cette entreprise n'existe pas : recherchez-la ou créez-la d'abord." });
    }
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
      errors.push({ pointer: '/endsOn', message: 'La date de fin ne peut pas précéder la date de début.' });
    }
    if (errors.length > 0) throw new ValidationError(errors, 'Le rattachement ne peut pas être enregistré.');
    const affiliation = await insertAffiliation(tx, newId(), {
      entityId: person.entityId,
      personId,
      organizationId: input.organizationId,
      role: input.role,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      isPrimary: input.isPrimary ?? false,
    });
    await recordAudit(tx, {
      action: 'crm.affiliation.created',
      resourceType: RESOURCE,
      resourceId: affiliation.id,
      entityId: affiliation.entityId,
      after: { personId, organizationId: affiliation.organizationId, role: affiliation.role, startsOn: affiliation.startsOn, endsOn: affiliation.endsOn },
      actor: actor.audit,
    });
    return affiliation;
  });
}

export async function listAffiliations(deps: PersonDeps, actor: PersonActor, personId: string): Promise<Affiliation[]> {
  return withTransaction(
    deps.database,
    scopeOf(actor, PERSON_PERMISSIONS.read),
    async (tx) => {
      await requirePerson(tx, personId);
      return findAffiliationsOf(tx, personId);
    },
    { readOnly: true },
  );
}

export async function deleteAffiliation(deps: PersonDeps, actor: PersonActor, personId: string, affiliationId: string): Promise<void> {
  await withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.write), async (tx) => {
    const affiliation = await findAffiliation(tx, personId, affiliationId);
    if (!affiliation || !(await deleteAffiliationRow(tx, personId, affiliationId))) throw new NotFoundError('Affiliation');
    await recordAudit(tx, {
      action: 'crm.affiliation.deleted',
      resourceType: RESOURCE,
      resourceId: affiliationId,
      entityId: affiliation.entityId,
      before: { personId, organizationId: affiliation.organizationId, role: affiliation.role },
      actor: actor.audit,
    });
  });
}

/** The company is public; its contacts are those of the caller's entities only (RLS). */
export async function listOrganizationContacts(deps: PersonDeps, actor: PersonActor, organizationId: string): Promise<OrganizationContact[]> {
  return withTransaction(
    deps.database,
    scopeOf(actor, PERSON_PERMISSIONS.read),
    async (tx) => {
      if (!(await organizationExists(tx, organizationId))) throw new NotFoundError('Organization');
      return findContactsOfOrganization(tx, organizationId);
    },
    { readOnly: true },
  );
}
