import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { seedEventsDemo } from '../demo/seed-events-demo.js';
import { listPublicEvents } from '../public/public-events.js';
import { icalProblems } from '../ical/ical-check.js';
import type { Event } from './events.schema.js';

const DAY = 86_400_000;
// Whole minutes: iCalendar times have no milliseconds.
const at = (days: number, hours = 0) => new Date(Math.floor((Date.now() + days * DAY + hours * 3_600_000) / 60_000) * 60_000).toISOString();

describe('events API', () => {
  let n: CrmTestNetwork;

  beforeAll(async () => {
    n = await createCrmTestNetwork('events');
  });
  afterAll(() => n.t.close());

  const create = async (body: Record<string, unknown> = {}, who = n.staff.rhone): Promise<Event> => {
    const response = await n.call(who, 'POST', '/api/v1/events', {
      entityId: n.ids['69'],
      title: 'Petit-déjeuner prévoyance',
      startsAt: at(10),
      endsAt: at(10, 2),
      place: { name: 'Union du Rhône', address: '12 quai Saint-Vincent', postalCode: '69001', commune: 'Lyon' },
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Event>();
  };

  it('creates a draft with defaults, an ETag and a Location', async () => {
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/events', { entityId: n.ids['69'], title: 'Atelier', startsAt: at(5), endsAt: at(5, 3) });
    expect(response.statusCode, response.body).toBe(201);
    const event = response.json<Event>();
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/api/v1/events/${event.id}`);
    expect(event).toMatchObject({
      status: 'draft',
      visibility: 'members',
      timezone: 'Europe/Paris',
      capacity: null,
      priceCents: 0,
      currency: 'EUR',
      place: null,
      registeredCount: 0,
      waitingCount: 0,
    });
  });

  it('refuses an end before the start, an unknown zone and publishing without place, with JSON pointers and French messages', async () => {
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/events', {
      entityId: n.ids['69'],
      title: 'À l’envers',
      startsAt: at(3, 2),
      endsAt: at(3),
      timezone: 'Europe/Lyon',
      status: 'published',
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      { pointer: '/endsAt', message: "La fin de l'événement doit être postérieure à son début." },
      { pointer: '/timezone', message: 'Fuseau horaire inconnu (exemple : Europe/Paris).' },
      { pointer: '/place', message: 'Indiquez un lieu ou un lien de connexion avant de publier.' },
    ]);
    const richText = await n.call(n.staff.rhone, 'POST', '/api/v1/events', {
      entityId: n.ids['69'],
      title: 'Lien douteux',
      startsAt: at(3),
      endsAt: at(3, 1),
      description: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ici', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    });
    expect(richText.statusCode, richText.body).toBe(422);
    expect(richText.json().errors[0].pointer).toMatch(/^\/description\/content\/0\//);
    const foreign = await n.call(n.staff.rhone, 'POST', '/api/v1/events', { entityId: n.ids['75'], title: 'Ailleurs', startsAt: at(3), endsAt: at(3, 1) });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].pointer).toBe('/entityId');
    const schema = await n.call(n.staff.rhone, 'POST', '/api/v1/events', { entityId: n.ids['69'], title: 'X', startsAt: 'demain', endsAt: at(3), priceCents: -1 });
    expect([400, 422]).toContain(schema.statusCode);
  });

  it('changes an event with If-Match only, and follows the allowed status moves', async () => {
    const event = await create();
    const url = `/api/v1/events/${event.id}`;
    expect((await n.call(n.staff.rhone, 'PATCH', url, { title: 'Nouveau titre' })).statusCode).toBe(428);
    expect((await n.call(n.staff.rhone, 'PATCH', url, { title: 'Nouveau titre' }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const published = await n.call(n.staff.rhone, 'PATCH', url, { title: 'Nouveau titre', status: 'published', capacity: 40 }, { 'if-match': '"1"' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.headers.etag).toBe('"2"');
    expect(published.json()).toMatchObject({ title: 'Nouveau titre', status: 'published', capacity: 40, version: 2 });
    const badEnd = await n.call(n.staff.rhone, 'PATCH', url, { endsAt: at(9) }, { 'if-match': '"2"' });
    expect(badEnd.statusCode).toBe(422);
    expect(badEnd.json().errors).toEqual([{ pointer: '/endsAt', message: "La fin de l'événement doit être postérieure à son début." }]);
    const back = await n.call(n.staff.rhone, 'PATCH', url, { status: 'draft' }, { 'if-match': '"2"' });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('invalid_status_transition');
    const read = await n.call(n.staff.rhone, 'GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"2"');
  });

  it('lists with cursor paging and the upcoming / past / status / visibility filters', async () => {
    const past = await create({ title: 'Soirée passée', startsAt: at(-10), endsAt: at(-10, 3), status: 'published', visibility: 'public' });
    const soon = await create({ title: 'Bientôt', startsAt: at(1), endsAt: at(1, 1), status: 'published', visibility: 'public' });
    const list = async (query: string) => {
      const response = await n.call(n.staff.rhone, 'GET', `/api/v1/events?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Event[]; nextCursor: string | null; count?: number }>();
    };
    const upcoming = await list('when=upcoming&filter[visibility]=public&count=exact');
    expect(upcoming.items.map((event) => event.id)).toContain(soon.id);
    expect(upcoming.items.map((event) => event.id)).not.toContain(past.id);
    const pastOnly = await list('when=past&limit=1');
    expect(pastOnly.items.map((event) => event.id)).toEqual([past.id]);
    expect((await list('filter[ended]=true')).items.map((event) => event.id)).toEqual([past.id]);
    // The period is bound into the cursor like any filter.
    const reused = await n.call(n.staff.rhone, 'GET', `/api/v1/events?when=past&limit=1&cursor=${(await list('when=upcoming&limit=1')).nextCursor}`);
    expect(reused.statusCode).toBe(400);
    expect((await list('filter[status]=draft')).items.every((event) => event.status === 'draft')).toBe(true);
    const first = await list('limit=1&sort=startsAt');
    expect(first.items[0]!.id).toBe(past.id);
    const second = await list(`limit=1&sort=startsAt&cursor=${first.nextCursor}`);
    expect(second.items[0]!.id).toBe(soon.id);
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/events?filter[status]=ouvert')).statusCode).toBe(400);
  });

  it('keeps branches apart: Paris neither sees nor changes Rhône events; the région above sees them; viewers only read', async () => {
    const event = await create({ title: 'Réservé au Rhône' });
    const url = `/api/v1/events/${event.id}`;
    expect((await n.call(n.staff.paris, 'GET', url)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'PATCH', url, { title: 'Pris' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    const parisList = await n.call(n.staff.paris, 'GET', '/api/v1/events?limit=200');
    expect(parisList.json<{ items: Event[] }>().items.map((item) => item.entityId)).not.toContain(n.ids['69']);
    expect((await n.call(n.staff.region, 'GET', url)).statusCode).toBe(200);
    expect((await n.call(n.staff.rhoneViewer, 'GET', url)).statusCode).toBe(200);
    expect((await n.call(n.staff.rhoneViewer, 'POST', '/api/v1/events', { entityId: n.ids['69'], title: 'Non', startsAt: at(2), endsAt: at(2, 1) })).statusCode).toBe(403);
    expect((await n.call(n.staff.rhoneViewer, 'PATCH', url, { title: 'Non' }, { 'if-match': '"1"' })).statusCode).toBe(403);
  });

  it('serves the public iCalendar feed of one entity without authentication: public published events only, escaped and folded', async () => {
    const shown = await create({
      title: 'AG 2026 : budget, vote; questions \\ réponses',
      description: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Ordre du jour :' }, { type: 'hardBreak' }, { type: 'text', text: '1. rapport moral, 2. comptes; élections \\ votes', marks: [{ type: 'bold' }] }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Texte long accentué, très détaillé. '.repeat(5).trim() }] },
        ],
      },
      status: 'published',
      visibility: 'public',
    });
    const cancelled = await create({ title: 'Annulé', status: 'published', visibility: 'public' });
    const cancel = await n.call(n.staff.rhone, 'PATCH', `/api/v1/events/${cancelled.id}`, { status: 'cancelled' }, { 'if-match': '"1"' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const membersOnly = await create({ title: 'Adhérents seulement', status: 'published', visibility: 'members' });
    const draft = await create({ title: 'Brouillon public', visibility: 'public' });
    const parisEvent = await create({ entityId: n.ids['75'], title: 'Paris public', status: 'published', visibility: 'public' }, n.staff.paris);

    const response = await n.t.app.inject({ method: 'GET', url: '/api/v1/entities/69/events.ics' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(icalProblems(response.body)).toEqual([]);
    const parsed = ical.sync.parseICS(response.body);
    const vevents = Object.values(parsed).filter((item): item is ical.VEvent => item?.type === 'VEVENT');
    const ids = vevents.map((item) => item.uid.split('@')[0]);
    expect(ids).toContain(shown.id);
    expect(ids).toContain(cancelled.id);
    expect(ids).not.toContain(membersOnly.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(parisEvent.id);
    const ag = vevents.find((item) => item.uid.startsWith(shown.id))!;
    expect(ag.summary).toBe(shown.title);
    expect(shown.descriptionText).toBe(`Ordre du jour :\n1. rapport moral, 2. comptes; élections \\ votes\n\n${'Texte long accentué, très détaillé. '.repeat(5).trim()}`);
    expect(ag.description).toBe(shown.descriptionText);
    expect(ag.location).toBe('Union du Rhône, 12 quai Saint-Vincent, 69001 Lyon');
    expect(ag.start.toISOString()).toBe(shown.startsAt);
    expect(vevents.find((item) => item.uid.startsWith(cancelled.id))!.status).toBe('CANCELLED');

    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await n.t.app.inject({ method: 'GET', url: '/api/v1/entities/69/events.ics', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await n.t.app.inject({ method: 'GET', url: '/api/v1/entities/ZZ/events.ics' })).statusCode).toBe(404);
    const paris = await n.t.app.inject({ method: 'GET', url: '/api/v1/entities/75/events.ics' });
    expect(paris.body).toContain(parisEvent.id);
    expect(paris.body).not.toContain(shown.id);
  });

  // Last: the demo adds past and upcoming events to the Rhône that the list tests above do not expect.
  it('seeds French demo events once, and lists an entity\'s public events for the CMS', async () => {
    for (let index = 0; index < 8; index++) await insertPerson(n.database, { entityId: n.ids['69']!, lastName: `Démo ${index}` });
    expect(await seedEventsDemo(n.database)).toEqual({ created: 6 });
    expect(await seedEventsDemo(n.database)).toEqual({ created: 0 });
    const rhone = await withTransaction(n.database, { kind: 'system' }, (tx) => listPublicEvents(tx, n.ids['69']!, { limit: 10 }), { readOnly: true });
    const breakfast = rhone.find((event) => event.title === 'Petit-déjeuner prévoyance' && event.place?.commune === 'Lyon');
    expect(breakfast).toMatchObject({ status: 'published', seatsLeft: 0, place: { postalCode: '69001' } });
    expect(rhone.map((event) => event.title)).not.toContain('Soirée des adhérents du Rhône'); // members only, and past
    const waiting = await n.call(n.staff.rhone, 'GET', `/api/v1/events/${breakfast!.id}`);
    expect(waiting.json()).toMatchObject({ registeredCount: 5, waitingCount: 2 });
    const national = await withTransaction(n.database, { kind: 'system' }, (tx) => listPublicEvents(tx, n.ids.FR!), { readOnly: true });
    expect(national.map((event) => event.title)).toEqual(['Webinaire : facturation électronique, êtes-vous prêts ?']);
  });
});
