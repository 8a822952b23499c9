import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { findConsentHistory, findOptedOut, insertConsent } from './consents.repository.js';
import { scopeOf, type PersonActor, type PersonDeps } from './person-view.js';
import { findPersonById } from './persons.repository.js';
import type { Consent, ConsentState, CreateConsent } from './persons.schema.js';
import { CONSENT_CHANNELS, type ConsentChannel } from './persons.tables.js';
import { PersonAnonymizedError } from './persons-write.service.js';
import { PERSON_PERMISSIONS } from './permissions.js';

/** Appends a decision (granted or withdrawn) to the person's history; the previous ones stay as proof. */
export async function recordConsent(deps: PersonDeps, actor: PersonActor, personId: string, input: CreateConsent): Promise<Consent> {
  return withTransaction(deps.database, scopeOf(actor, PERSON_PERMISSIONS.write), async (tx) => {
    const person = await findPersonById(tx, personId);
    if (!person) throw new NotFoundError('Person');
    if (person.anonymizedAt) throw new PersonAnonymizedError();
    const consent = await insertConsent(tx, newId(), {
      entityId: person.entityId,
      personId,
      channel: input.channel,
      status: input.status,
      source: input.source.trim(),
      proof: input.proof?.trim() || null,
      recordedBy: actor.principal.userId,
    });
    await recordAudit(tx, {
      action: `crm.consent.${input.status}`,
      resourceType: 'person_consent',
      resourceId: consent.id,
      entityId: person.entityId,
      after: { personId, channel: consent.channel, status: consent.status, source: consent.source },
      actor: actor.audit,
    });
    return consent;
  });
}

export async function getConsentState(deps: PersonDeps, actor: PersonActor, personId: string): Promise<ConsentState> {
  return withTransaction(
    deps.database,
    scopeOf(actor, PERSON_PERMISSIONS.read),
    async (tx) => {
      if (!(await findPersonById(tx, personId))) throw new NotFoundError('Person');
      return consentStateOf(tx, personId);
    },
    { readOnly: true },
  );
}

export async function consentStateOf(tx: Tx, personId: string): Promise<ConsentState> {
  const history = await findConsentHistory(tx, personId);
  const current = Object.fromEntries(
    CONSENT_CHANNELS.map((channel) => {
      const latest = history.find((consent) => consent.channel === channel);
      return [channel, latest ? { status: latest.status, recordedAt: latest.recordedAt, source: latest.source } : null];
    }),
  ) as ConsentState['current'];
  return { current, history };
}

/**
 * True when the person's latest decision on the channel is `granted` (and the person was not
 * erased): the test for channels that need consent (newsletter, SMS marketing). Runs in the
 * caller's transaction and scope.
 */
export async function hasConsent(tx: Tx, personId: string, channel: ConsentChannel): Promise<boolean> {
  const history = await findConsentHistory(tx, personId);
  const person = await findPersonById(tx, personId);
  return person !== null && person.anonymizedAt === null && history.find((consent) => consent.channel === channel)?.status === 'granted';
}

/** Among these persons, those who opted out of the channel (latest decision `withdrawn`) or were erased. */
export async function optedOutPersonIds(tx: Tx, channel: ConsentChannel, personIds: readonly string[]): Promise<Set<string>> {
  return findOptedOut(tx, channel, personIds);
}

/**
 * SQL condition "this person may still be contacted on the channel" for list queries (exports,
 * segments, campaigns): not erased, and no `withdrawn` as latest decision. `personId` is the
 * column or expression holding the person's id in the caller's query.
 */
export function notOptedOutSql(personId: AnyColumn | SQL, channel: ConsentChannel): SQL {
  return sql`not exists (select 1 from persons p where p.id = ${personId} and p.anonymized_at is not null)
    and coalesce((select c.status from person_consents c where c.person_id = ${personId} and c.channel = ${channel}
      order by c.recorded_at desc, c.id desc limit 1), 'none') <> 'withdrawn'`;
}
