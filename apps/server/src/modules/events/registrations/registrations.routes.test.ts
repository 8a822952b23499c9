import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { insertCompany } from '../../../test/factories/membership.js';
import type { SignedIn } from '../../../test/auth.js';
import type { Event } from '../catalogue/events.schema.js';
import type { Registration } from './registrations.schema.js';

const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

describe('event registrations API', () => {
  let n: CrmTestNetwork;
  let company: string;
  let counter = 0;

  beforeAll(async () => {
    n = await createCrmTestNetwork('registrations');
    company = await insertCompany(n.database, 'Boulangerie Bellecour');
  });
  afterAll(() => n.t.close());

  const person = (code: '69' | '75' = '69', organizationIds: string[] = []) => {
    counter += 1;
    return insertPerson(n.database, { entityId: n.ids[code]!, lastName: `Martin ${counter}`, firstName: 'Claire', emails: [`claire.${counter}@exemple.fr`], organizationIds });
  };
  const createEvent = async (body: Record<string, unknown> = {}, who: SignedIn = n.staff.rhone): Promise<Event> => {
    const response = await n.call(who, 'POST', '/api/v1/events', {
      entityId: n.ids['69'],
      title: 'Petit-déjeuner prévoyance',
      startsAt: at(10),
      endsAt: at(10, 2),
      place: { name: 'Union du Rhône', commune: 'Lyon' },
      status: 'published',
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Event>();
  };
  const register = async (eventId: string, personId: string, who: SignedIn = n.staff.rhone, extra: Record<string, unknown> = {}) => {
    const response = await n.call(who, 'POST', `/api/v1/events/${eventId}/registrations`, { personId, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Registration>();
  };
  const cancel = async (eventId: string, id: string) => {
    const response = await n.call(n.staff.rhone, 'POST', `/api/v1/events/${eventId}/registrations/${id}/cancel`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Registration>();
  };
  const registrations = async (eventId: string): Promise<Registration[]> => {
    const response = await n.call(n.staff.rhone, 'GET', `/api/v1/events/${eventId}/registrations?limit=500`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Registration[] }>().items;
  };
  const eventOf = async (eventId: string) => (await n.call(n.staff.rhone, 'GET', `/api/v1/events/${eventId}`)).json<Event>();
  const statusOf = (list: Registration[], id: string) => list.find((item) => item.id === id)!;

  it('seats while places remain, then queues with positions, and refuses a second registration of the same contact', async () => {
    const event = await createEvent({ capacity: 2 });
    const [a, b, c, d] = await Promise.all([person(), person(), person(), person()]);
    const ra = await register(event.id, a);
    const rb = await register(event.id, b);
    const rc = await register(event.id, c);
    const rd = await register(event.id, d);
    expect([ra.status, rb.status, rc.status, rd.status]).toEqual(['registered', 'registered', 'waiting', 'waiting']);
    expect([ra.waitingPosition, rc.waitingPosition, rd.waitingPosition]).toEqual([null, 1, 2]);
    expect(ra.person).toMatchObject({ firstName: 'Claire', lastName: expect.stringMatching(/^Martin \d+$/), email: expect.stringMatching(/^claire\.\d+@exemple\.fr$/) });
    expect(await eventOf(event.id)).toMatchObject({ registeredCount: 2, waitingCount: 2 });
    const again = await n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations`, { personId: c });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_registered');
    expect(again.headers.location).toBe(`/api/v1/events/${event.id}/registrations/${rc.id}`);
  });

  it('promotes the first of the waiting list when a seat frees, and closes the gaps in the list', async () => {
    const event = await createEvent({ capacity: 1 });
    const people = await Promise.all([person(), person(), person(), person()]);
    const regs: Registration[] = [];
    for (const id of people) regs.push(await register(event.id, id));
    // A waiting contact leaves: the ones behind move up.
    const left = await cancel(event.id, regs[2]!.id);
    expect(left).toMatchObject({ status: 'cancelled', waitingPosition: null });
    expect(statusOf(await registrations(event.id), regs[3]!.id).waitingPosition).toBe(2);
    // The seated one cancels: the head of the list gets the seat in the same transaction.
    const freed = await cancel(event.id, regs[0]!.id);
    expect(freed.status).toBe('cancelled');
    const list = await registrations(event.id);
    expect(statusOf(list, regs[1]!.id)).toMatchObject({ status: 'registered', waitingPosition: null });
    expect(statusOf(list, regs[1]!.id).confirmedAt).not.toBeNull();
    expect(statusOf(list, regs[3]!.id)).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(await eventOf(event.id)).toMatchObject({ registeredCount: 1, waitingCount: 1 });
    // Idempotent.
    expect((await cancel(event.id, regs[0]!.id)).status).toBe('cancelled');
    // Promotion e-mail queued in the cancelling transaction, next to the confirmation and waiting ones.
    const mails = await withOwnerClient(n.database, async (client) =>
      (await client.query<{ template: string; to_address: string }>(`SELECT template, to_address FROM mail_outbox WHERE subject LIKE '%Petit-déjeuner%' ORDER BY created_at`)).rows,
    );
    const promotedEmail = statusOf(list, regs[1]!.id).person!.email;
    expect(mails.filter((mail) => mail.to_address === promotedEmail).map((mail) => mail.template)).toEqual([
      'events.registration-waiting',
      'events.registration-promoted',
    ]);
    expect(mails.find((mail) => mail.to_address === statusOf(list, regs[0]!.id).person!.email)!.template).toBe('events.registration-confirmed');
  });

  it('refuses to lower the capacity below the seats taken (422), and raising it promotes waiters in order', async () => {
    const event = await createEvent({ capacity: 2 });
    const regs: Registration[] = [];
    for (const id of await Promise.all([person(), person(), person(), person(), person()])) regs.push(await register(event.id, id));
    const url = `/api/v1/events/${event.id}`;
    const lower = await n.call(n.staff.rhone, 'PATCH', url, { capacity: 1 }, { 'if-match': '"1"' });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().errors).toEqual([{ pointer: '/capacity', message: '2 places sont déjà attribuées : la capacité ne peut pas descendre en dessous.' }]);
    const raise = await n.call(n.staff.rhone, 'PATCH', url, { capacity: 3 }, { 'if-match': '"1"' });
    expect(raise.statusCode, raise.body).toBe(200);
    expect(raise.json()).toMatchObject({ capacity: 3, registeredCount: 3, waitingCount: 2 });
    let list = await registrations(event.id);
    expect(statusOf(list, regs[2]!.id).status).toBe('registered');
    expect([statusOf(list, regs[3]!.id).waitingPosition, statusOf(list, regs[4]!.id).waitingPosition]).toEqual([1, 2]);
    const unlimited = await n.call(n.staff.rhone, 'PATCH', url, { capacity: null }, { 'if-match': '"2"' });
    expect(unlimited.json()).toMatchObject({ capacity: null, registeredCount: 5, waitingCount: 0 });
    list = await registrations(event.id);
    expect(list.every((item) => item.status === 'registered')).toBe(true);
  });

  it('checks attendees in (idempotent), refuses waiting ones, and writes registrations and attendances to the CRM timelines', async () => {
    const event = await createEvent({ capacity: 1, title: 'Assemblée générale du Rhône' });
    const attendee = await person('69', [company]);
    const waiter = await person();
    const seated = await register(event.id, attendee, n.staff.rhone, { organizationId: company });
    const waiting = await register(event.id, waiter);
    const checkInUrl = (id: string) => `/api/v1/events/${event.id}/registrations/${id}/check-in`;
    expect((await n.call(n.staff.rhoneViewer, 'POST', checkInUrl(seated.id))).statusCode).toBe(403);
    const refused = await n.call(n.staff.rhone, 'POST', checkInUrl(waiting.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('registration_state');
    const checked = await n.call(n.staff.rhone, 'POST', checkInUrl(seated.id));
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ status: 'attended', organizationId: company });
    expect(checked.json().checkedInAt).not.toBeNull();
    expect((await n.call(n.staff.rhone, 'POST', checkInUrl(seated.id))).json().status).toBe('attended');
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations/${seated.id}/cancel`)).statusCode).toBe(409);

    const timeline = await withOwnerClient(n.database, async (client) =>
      (await client.query<{ kind: string; subject: string; person_id: string; organization_id: string | null; entity_id: string }>(
        `SELECT kind, subject, person_id, organization_id, entity_id FROM interactions WHERE person_id = $1 ORDER BY occurred_at, id`,
        [attendee],
      )).rows,
    );
    expect(timeline).toHaveLength(2);
    expect(timeline.map((row) => row.kind)).toEqual(['event_attendance', 'event_attendance']);
    expect(timeline[0]!.subject).toMatch(/^Inscription à « Assemblée générale du Rhône » du /);
    expect(timeline[1]!.subject).toMatch(/^Participation à « Assemblée générale du Rhône » du /);
    expect(timeline.every((row) => row.organization_id === company && row.entity_id === n.ids['69'])).toBe(true);
    const waiterTimeline = await withOwnerClient(n.database, async (client) => (await client.query<{ subject: string }>('SELECT subject FROM interactions WHERE person_id = $1', [waiter])).rows);
    expect(waiterTimeline[0]!.subject).toContain("(liste d'attente, position 1)");
  });

  it('refuses registrations to a draft or cancelled event, after the deadline, and for a contact the caller cannot see', async () => {
    const draft = await createEvent({ status: 'draft' });
    const closed = await createEvent({ registrationClosesAt: at(-1) });
    const open = await createEvent();
    const local = await person();
    for (const eventId of [draft.id, closed.id]) {
      const response = await n.call(n.staff.rhone, 'POST', `/api/v1/events/${eventId}/registrations`, { personId: local });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('registration_closed');
    }
    const parisContact = await person('75');
    const hidden = await n.call(n.staff.rhone, 'POST', `/api/v1/events/${open.id}/registrations`, { personId: parisContact });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors).toEqual([{ pointer: '/personId', message: 'Contact introuvable.' }]);
    expect(await registrations(open.id)).toEqual([]);
  });

  it('exports the attendee list as CSV, audited', async () => {
    const event = await createEvent({ capacity: 1 });
    const seated = await register(event.id, await person());
    const waiting = await register(event.id, await person());
    const response = await n.call(n.staff.rhone, 'GET', `/api/v1/events/${event.id}/registrations`, undefined, { accept: 'text/csv' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="participants-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,personId,lastName,firstName,email,organizationId,status,waitingPosition,registeredAt,confirmedAt,checkedInAt,cancelledAt');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${seated.id},${seated.personId},${seated.person!.lastName},Claire,${seated.person!.email},,registered,,`);
    expect(lines[2]).toContain(`${waiting.id},${waiting.personId},${waiting.person!.lastName},Claire,${waiting.person!.email},,waiting,1,`);
    const audit = await withOwnerClient(n.database, async (client) =>
      (await client.query(`SELECT 1 FROM audit_events WHERE action = 'events.registration.exported' AND resource_id = $1`, [event.id])).rowCount,
    );
    expect(audit).toBe(1);
  });

  it('keeps branches apart on every registration endpoint', async () => {
    const event = await createEvent({ capacity: 5 });
    const registration = await register(event.id, await person());
    const base = `/api/v1/events/${event.id}/registrations`;
    const parisContact = await person('75');
    const attempts: Array<[string, string, unknown?, Record<string, string>?]> = [
      ['GET', base],
      ['GET', `${base}/${registration.id}`],
      ['POST', base, { personId: parisContact }],
      ['POST', `${base}/${registration.id}/cancel`],
      ['POST', `${base}/${registration.id}/check-in`],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await n.call(n.staff.paris, method as 'GET' | 'POST', url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const csv = await n.call(n.staff.paris, 'GET', base, undefined, { accept: 'text/csv' });
    expect(csv.statusCode).toBe(404);
    expect((await n.call(n.staff.region, 'GET', `${base}/${registration.id}`)).statusCode).toBe(200);
    // The national office sees and may register its own contacts anywhere below it.
    expect((await n.call(n.staff.national, 'GET', base)).statusCode).toBe(200);
  });

  it('moves registrations to the survivor when duplicate contacts are merged, keeping one per event', async () => {
    const shared = await createEvent({ capacity: 1, title: 'Événement partagé' });
    const only = await createEvent({ title: 'Événement du doublon' });
    const survivor = await person();
    const duplicate = await person();
    const other = await person();
    const seated = await register(shared.id, duplicate);
    const otherWaiting = await register(shared.id, other);
    const survivorWaiting = await register(shared.id, survivor);
    const moved = await register(only.id, duplicate);
    const merge = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/persons/${survivor}/merge`, { duplicateIds: [duplicate] });
    expect(merge.statusCode, merge.body).toBe(200);
    const list = await registrations(shared.id);
    expect(statusOf(list, seated.id)).toMatchObject({ personId: survivor, status: 'registered' });
    expect(statusOf(list, survivorWaiting.id)).toMatchObject({ status: 'cancelled', waitingPosition: null });
    expect(statusOf(list, otherWaiting.id)).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(statusOf(await registrations(only.id), moved.id)).toMatchObject({ personId: survivor, status: 'registered' });
  });

  it('tells registered and waiting contacts when the event is cancelled', async () => {
    const event = await createEvent({ capacity: 1, title: 'Conférence annulée' });
    const seated = await register(event.id, await person());
    const waiting = await register(event.id, await person());
    const left = await register(event.id, await person());
    await cancel(event.id, left.id);
    const version = (await eventOf(event.id)).version;
    const response = await n.call(n.staff.rhone, 'PATCH', `/api/v1/events/${event.id}`, { status: 'cancelled' }, { 'if-match': `"${version}"` });
    expect(response.statusCode, response.body).toBe(200);
    const notified = await withOwnerClient(n.database, async (client) =>
      (await client.query<{ to_address: string }>(`SELECT to_address FROM mail_outbox WHERE template = 'events.event-cancelled' AND subject LIKE '%Conférence annulée%' ORDER BY to_address`)).rows.map((row) => row.to_address),
    );
    expect(notified).toEqual([seated.person!.email, waiting.person!.email].sort());
    const refused = await n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations`, { personId: await person() });
    expect(refused.json().code).toBe('registration_closed');
  });

  it('never overbooks under concurrent registrations and cancellations (capacity C, N parallel requests)', async () => {
    const capacity = 3;
    const event = await createEvent({ capacity, title: 'Webinaire facturation électronique' });
    const people = await Promise.all(Array.from({ length: 12 }, () => person()));
    const responses = await Promise.all(people.map((personId) => n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations`, { personId })));
    expect(responses.map((response) => response.statusCode)).toEqual(people.map(() => 201));
    const created = responses.map((response) => response.json<Registration>());
    const seated = created.filter((item) => item.status === 'registered');
    const waiting = created.filter((item) => item.status === 'waiting');
    expect(seated).toHaveLength(capacity);
    expect(waiting.map((item) => item.waitingPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 12 - capacity }, (_, index) => index + 1));
    // Waiting order follows registration order (commit order under the event lock).
    const byPosition = [...waiting].sort((a, b) => a.waitingPosition! - b.waitingPosition!);
    expect(byPosition.map((item) => item.registeredAt)).toEqual([...byPosition.map((item) => item.registeredAt)].sort());

    // All seated contacts cancel at once: exactly the first three waiters get the seats.
    const cancels = await Promise.all(seated.map((item) => n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations/${item.id}/cancel`)));
    expect(cancels.map((response) => response.statusCode)).toEqual(seated.map(() => 200));
    const list = await registrations(event.id);
    const nowSeated = list.filter((item) => item.status === 'registered').map((item) => item.id).sort();
    expect(nowSeated).toEqual(byPosition.slice(0, capacity).map((item) => item.id).sort());
    const stillWaiting = list.filter((item) => item.status === 'waiting').sort((a, b) => a.waitingPosition! - b.waitingPosition!);
    expect(stillWaiting.map((item) => item.id)).toEqual(byPosition.slice(capacity).map((item) => item.id));
    expect(stillWaiting.map((item) => item.waitingPosition)).toEqual(Array.from({ length: stillWaiting.length }, (_, index) => index + 1));

    // Cancellations and registrations mixed: still never more than C seats.
    const mixed = await Promise.all([
      ...list.filter((item) => item.status === 'registered').map((item) => n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations/${item.id}/cancel`)),
      ...(await Promise.all(Array.from({ length: 4 }, () => person()))).map((personId) => n.call(n.staff.rhone, 'POST', `/api/v1/events/${event.id}/registrations`, { personId })),
    ]);
    expect(mixed.every((response) => response.statusCode === 200 || response.statusCode === 201)).toBe(true);
    const final = await eventOf(event.id);
    expect(final.registeredCount).toBe(capacity);
    // 16 registrations, 6 cancelled, 3 seated: the other 7 wait, numbered 1 to 7 without gaps.
    expect(final.waitingCount).toBe(7);
    const positions = (await registrations(event.id)).filter((item) => item.status === 'waiting').map((item) => item.waitingPosition).sort((a, b) => a! - b!);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
