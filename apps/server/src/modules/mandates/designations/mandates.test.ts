import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { addDays, todayUtc } from './mandate-actor.js';
import { raiseMandateExpiryTasks } from './mandate-expiry.jobs.js';
import { seedMandatesDemo } from './mandates-demo.js';
import type { Body, Mandate, Seat } from './mandates.schema.js';

describe('mandates: bodies, seats, designations, expiry tasks and reports', () => {
  let n: CrmTestNetwork;
  let camille: string;
  let dominique: string;
  let parisPerson: string;
  let body: Body;
  let titular: Seat;
  let substitute: Seat;
  let parisSeat: Seat;
  let mandate: Mandate;
  const today = todayUtc();
  const endsSoon = addDays(today, 60);

  beforeAll(async () => {
    n = await createCrmTestNetwork('mandates');
    camille = await insertPerson(n.database, { entityId: n.ids['69']!, firstName: 'Camille', lastName: 'Martin' });
    dominique = await insertPerson(n.database, { entityId: n.ids['69']!, firstName: 'Dominique', lastName: 'Bernard' });
    parisPerson = await insertPerson(n.database, { entityId: n.ids['75']!, firstName: 'Louise', lastName: 'Petit' });
  });
  afterAll(() => n.t.close());

  it('declares bodies shared by the whole network', async () => {
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-bodies', { name: "Conseil de prud'hommes de Lyon", kind: 'prudhommes', departementCode: '69', commune: 'Lyon' });
    expect(created.statusCode, created.body).toBe(201);
    body = created.json<Body>();
    const duplicate = await n.call(n.staff.paris, 'POST', '/api/v1/mandate-bodies', { name: "Conseil de prud'hommes de Lyon", kind: 'prudhommes' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([{ pointer: '/name', message: 'Une instance porte déjà ce nom.' }]);
    expect((await n.call(n.staff.rhoneViewer, 'POST', '/api/v1/mandate-bodies', { name: 'CPAM du Rhône', kind: 'cpam' })).statusCode).toBe(403);
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/mandate-bodies/${body.id}`)).json()).toMatchObject({ name: "Conseil de prud'hommes de Lyon" });
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/mandate-bodies?filter[kind]=prudhommes')).json().items).toHaveLength(1);
    const invalid = await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-bodies', { name: 'X', kind: 'senat', departementCode: '999' });
    expect(invalid.statusCode).toBe(422);
    expect([...new Set(invalid.json().errors.map((error: { pointer: string }) => error.pointer))].sort()).toEqual(['/departementCode', '/kind']);
  });

  it('declares seats per designating entity, invisible to other branches', async () => {
    const seat = (entity: string, role: string, who = n.staff.rhone) => n.call(who, 'POST', '/api/v1/mandate-seats', { entityId: n.ids[entity], bodyId: body.id, label: 'Collège employeurs — section commerce', role });
    titular = (await seat('69', 'titular')).json<Seat>();
    substitute = (await seat('69', 'substitute')).json<Seat>();
    expect(titular).toMatchObject({ entityId: n.ids['69'], bodyName: "Conseil de prud'hommes de Lyon", role: 'titular' });
    expect((await seat('69', 'titular')).statusCode).toBe(409);
    const elsewhere = await seat('75', 'titular');
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors[0].pointer).toBe('/entityId');
    parisSeat = (await seat('75', 'titular', n.staff.paris)).json<Seat>();

    expect((await n.call(n.staff.paris, 'GET', `/api/v1/mandate-seats/${titular.id}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/mandate-seats/${titular.id}`)).statusCode).toBe(200);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/mandate-seats')).json().items.map((s: Seat) => s.id)).toEqual([parisSeat.id]);
    expect((await n.call(n.staff.national, 'GET', '/api/v1/mandate-seats?count=exact')).json().count).toBe(3);
  });

  it('designates a person and refuses overlaps, reversed dates and out-of-scope seats or persons with pointers', async () => {
    const post = (payload: Record<string, unknown>, who = n.staff.rhone) => n.call(who, 'POST', '/api/v1/mandates', { seatId: titular.id, personId: camille, startOn: '2023-01-01', endOn: endsSoon, ...payload });
    const created = await post({});
    expect(created.statusCode, created.body).toBe(201);
    mandate = created.json<Mandate>();
    expect(mandate).toMatchObject({ entityId: n.ids['69'], personName: 'Camille Martin', seatRole: 'titular', bodyName: "Conseil de prud'hommes de Lyon", status: 'active', version: 1 });

    const overlap = await post({ personId: dominique, startOn: endsSoon, endOn: addDays(endsSoon, 1460) });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().errors).toEqual([{ pointer: '/startOn', message: expect.stringContaining('Ce siège est déjà occupé du 01/01/2023') }]);
    const reversed = await post({ personId: dominique, startOn: '2031-01-01', endOn: '2030-01-01' });
    expect(reversed.json().errors).toEqual([{ pointer: '/endOn', message: 'La date de fin doit être postérieure ou égale à la date de début.' }]);
    const otherBranchPerson = await post({ seatId: substitute.id, personId: parisPerson });
    expect(otherBranchPerson.statusCode).toBe(422);
    expect(otherBranchPerson.json().errors[0].pointer).toBe('/personId');
    const otherBranchSeat = await post({ personId: parisPerson }, n.staff.paris);
    expect(otherBranchSeat.json().errors[0].pointer).toBe('/seatId');

    // The successor starts the day after: no overlap.
    const successor = await post({ personId: dominique, startOn: addDays(endsSoon, 1), endOn: addDays(endsSoon, 1461) });
    expect(successor.statusCode, successor.body).toBe(201);
  });

  it('changes dates or cancels with If-Match; other branches get 404', async () => {
    const url = `/api/v1/mandates/${mandate.id}`;
    expect((await n.call(n.staff.paris, 'GET', url)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'PATCH', url, { endOn: today }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await n.call(n.staff.rhone, 'PATCH', url, { endOn: today })).statusCode).toBe(428);
    const overlapping = await n.call(n.staff.rhone, 'PATCH', url, { endOn: addDays(endsSoon, 10) }, { 'if-match': '"1"' });
    expect(overlapping.statusCode).toBe(422);
    expect(overlapping.json().errors[0].pointer).toBe('/startOn');
    const same = await n.call(n.staff.rhone, 'PATCH', url, { endOn: endsSoon }, { 'if-match': '"1"' });
    expect(same.json()).toMatchObject({ version: 2, endOn: endsSoon });
    expect((await n.call(n.staff.rhone, 'GET', url)).headers.etag).toBe('"2"');
  });

  it('raises one follow-up task 90 days before a mandate ends, however often the job runs', async () => {
    expect(await raiseMandateExpiryTasks(n.database, addDays(today, -40))).toEqual({ raised: 0 });
    expect(await raiseMandateExpiryTasks(n.database, today)).toEqual({ raised: 1 });
    expect(await raiseMandateExpiryTasks(n.database, today)).toEqual({ raised: 0 });
    expect(await raiseMandateExpiryTasks(n.database, addDays(today, 5))).toEqual({ raised: 0 });
    const tasks = await n.call(n.staff.rhone, 'GET', `/api/v1/tasks?filter[relatedId]=${mandate.id}`);
    expect(tasks.json().items).toEqual([
      expect.objectContaining({ entityId: n.ids['69'], dueOn: endsSoon, status: 'open', relatedTo: { kind: 'mandate', id: mandate.id }, title: expect.stringContaining('Mandat de Camille Martin') }),
    ]);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/tasks')).json().items).toEqual([]);
  });

  it('reports vacant seats, expiring mandates and totals by entity and body, per branch, in JSON and CSV', async () => {
    const vacant = await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/vacant-seats');
    expect(vacant.json().items.map((seat: Seat) => seat.id)).toEqual([substitute.id]);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/mandate-reports/vacant-seats')).json().items.map((seat: Seat) => seat.id)).toEqual([parisSeat.id]);
    const csv = await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/vacant-seats', undefined, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFid,entityId,bodyName,label,role');
    expect(csv.body).toContain(substitute.id);
    expect(csv.body).not.toContain(parisSeat.id);

    const expiring = await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/expiring?withinDays=90');
    expect(expiring.json().items.map((m: Mandate) => m.id)).toEqual([mandate.id]);
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/expiring?withinDays=30')).json().items).toEqual([]);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/mandate-reports/expiring')).json().items).toEqual([]);
    const expiringCsv = await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/expiring', undefined, { accept: 'text/csv' });
    expect(expiringCsv.body).toContain('Camille Martin');

    const byEntity = await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/summary?groupBy=entity');
    expect(byEntity.json().items).toEqual([expect.objectContaining({ id: n.ids['69'], seats: 2, currentMandates: 1, vacantSeats: 1 })]);
    const byBody = await n.call(n.staff.national, 'GET', '/api/v1/mandate-reports/summary?groupBy=body');
    expect(byBody.json().items).toEqual([{ id: body.id, name: "Conseil de prud'hommes de Lyon", seats: 3, currentMandates: 1, vacantSeats: 2 }]);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/mandate-reports/summary?groupBy=body')).json().items).toEqual([
      { id: body.id, name: "Conseil de prud'hommes de Lyon", seats: 1, currentMandates: 0, vacantSeats: 1 },
    ]);
    // The branch switcher: one entity and its sub-entities, within the caller's scope (404 outside it).
    const ofRegion = await n.call(n.staff.national, 'GET', `/api/v1/mandate-reports/summary?groupBy=body&entityId=${n.ids.R84}`);
    expect(ofRegion.json().items).toEqual([{ id: body.id, name: "Conseil de prud'hommes de Lyon", seats: 2, currentMandates: 1, vacantSeats: 1 }]);
    const ofParis = await n.call(n.staff.national, 'GET', `/api/v1/mandate-reports/summary?groupBy=entity&entityId=${n.ids['75']}`);
    expect(ofParis.json().items).toEqual([expect.objectContaining({ id: n.ids['75'], seats: 1, currentMandates: 0, vacantSeats: 1 })]);
    for (const [who, entityId] of [[n.staff.paris, n.ids['69']], [n.staff.rhone, n.ids.R84], [n.staff.rhone, n.ids['75']]] as const) {
      const outside = await n.call(who, 'GET', `/api/v1/mandate-reports/summary?groupBy=entity&entityId=${entityId}`);
      expect(outside.statusCode).toBe(404);
      expect(outside.headers['content-type']).toContain('application/problem+json');
    }
    const summaryCsv = await n.call(n.staff.rhone, 'GET', '/api/v1/mandate-reports/summary?groupBy=entity', undefined, { accept: 'text/csv' });
    expect(summaryCsv.body.split('\r\n')[0]).toBe('\uFEFFid,name,seats,currentMandates,vacantSeats');

    const byBodyList = await n.call(n.staff.rhone, 'GET', `/api/v1/mandates?filter[bodyId]=${body.id}&sort=startOn`);
    expect(byBodyList.json().items.map((m: Mandate) => m.personName)).toEqual(['Camille Martin', 'Dominique Bernard']);
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/mandates?filter[entityId]=${n.ids['69']}`)).json().items).toEqual([]);
    const mandatesCsv = await n.call(n.staff.rhone, 'GET', '/api/v1/mandates', undefined, { accept: 'text/csv' });
    expect(mandatesCsv.body).toContain('Dominique Bernard');
  });

  it('cancelling a mandate frees its period', async () => {
    const cancelled = await n.call(n.staff.rhone, 'PATCH', `/api/v1/mandates/${mandate.id}`, { status: 'cancelled' }, { 'if-match': '*' });
    expect(cancelled.json().status).toBe('cancelled');
    const replacement = await n.call(n.staff.rhone, 'POST', '/api/v1/mandates', { seatId: titular.id, personId: dominique, startOn: '2024-01-01', endOn: endsSoon });
    expect(replacement.statusCode, replacement.body).toBe(201);
  });

  it('moves the mandates of merged duplicate contacts to the surviving person', async () => {
    const merged = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/persons/${camille}/merge`, { duplicateIds: [dominique] });
    expect(merged.statusCode, merged.body).toBe(200);
    const list = await n.call(n.staff.rhone, 'GET', `/api/v1/mandates?filter[seatId]=${titular.id}&filter[status]=active`);
    expect(list.json().items.map((m: Mandate) => m.personId)).toEqual([camille, camille]);
  });

  it('corrects bodies and seats with If-Match; names stay unique, other branches get 404, viewers 403', async () => {
    const created = (await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-bodies', { name: 'CAF de Lyon', kind: 'caf', entityId: n.ids['69'] })).json<Body>();
    expect(created).toMatchObject({ version: 1, entityId: n.ids['69'] });
    const bodyUrl = `/api/v1/mandate-bodies/${created.id}`;
    expect((await n.call(n.staff.rhone, 'GET', bodyUrl)).headers.etag).toBe('"1"');
    expect((await n.call(n.staff.rhone, 'PATCH', bodyUrl, { name: 'CAF du Rhône (test)' })).statusCode).toBe(428);
    expect((await n.call(n.staff.rhoneViewer, 'PATCH', bodyUrl, { name: 'CAF du Rhône (test)' }, { 'if-match': '"1"' })).statusCode).toBe(403);
    const taken = await n.call(n.staff.rhone, 'PATCH', bodyUrl, { name: "Conseil de prud'hommes de Lyon" }, { 'if-match': '"1"' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ pointer: '/name', message: 'Une instance porte déjà ce nom.' }]);
    const renamed = await n.call(n.staff.rhone, 'PATCH', bodyUrl, { name: 'CAF du Rhône (test)', departementCode: '69', commune: null }, { 'if-match': '"1"' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'CAF du Rhône (test)', kind: 'caf', departementCode: '69', commune: null, version: 2 });
    expect(renamed.headers.etag).toBe('"2"');
    expect((await n.call(n.staff.rhone, 'PATCH', bodyUrl, { kind: 'cpam' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await n.call(n.staff.rhone, 'PATCH', bodyUrl, { departementCode: '999' }, { 'if-match': '"2"' })).json().errors[0].pointer).toBe('/departementCode');

    const seat = (await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-seats', { entityId: n.ids['69'], bodyId: created.id, label: 'Bureau', role: 'titular' })).json<Seat>();
    await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-seats', { entityId: n.ids['69'], bodyId: created.id, label: 'Bureau', role: 'substitute' });
    const seatUrl = `/api/v1/mandate-seats/${seat.id}`;
    expect((await n.call(n.staff.rhone, 'GET', seatUrl)).headers.etag).toBe('"1"');
    expect((await n.call(n.staff.paris, 'PATCH', seatUrl, { label: 'Autre' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    const duplicate = await n.call(n.staff.rhone, 'PATCH', seatUrl, { role: 'substitute' }, { 'if-match': '"1"' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].pointer).toBe('/label');
    const relabelled = await n.call(n.staff.rhone, 'PATCH', seatUrl, { label: 'Commission de recours amiable' }, { 'if-match': '"1"' });
    expect(relabelled.statusCode, relabelled.body).toBe(200);
    expect(relabelled.json()).toMatchObject({ label: 'Commission de recours amiable', role: 'titular', bodyName: 'CAF du Rhône (test)', version: 2 });
    expect((await n.call(n.staff.rhone, 'PATCH', seatUrl, { entityId: n.ids['75'] }, { 'if-match': '"2"' })).statusCode).toBe(422);
  });

  it('lets only the owning entity (or its ancestors) correct a body, and only national staff a shared one', async () => {
    const rename = (who: typeof n.staff.rhone, id: string, name: string) => n.call(who, 'PATCH', `/api/v1/mandate-bodies/${id}`, { name }, { 'if-match': '*' });
    const expectRefused = (response: Awaited<ReturnType<typeof rename>>, code: string) => {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
    };
    // `body` was declared by the Rhône without an owner: shared by the network.
    expect(body.entityId).toBeNull();
    expectRefused(await rename(n.staff.rhone, body.id, 'Prud’hommes (renommé par le Rhône)'), 'mandate_body_national_only');
    expectRefused(await rename(n.staff.region, body.id, 'Prud’hommes (renommé par la région)'), 'mandate_body_national_only');
    expect((await rename(n.staff.national, body.id, "Conseil de prud'hommes de Lyon")).statusCode).toBe(200);

    const owned = await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-bodies', { name: 'CPAM du Rhône', kind: 'cpam', entityId: n.ids['69'] });
    expect(owned.statusCode, owned.body).toBe(201);
    const { id } = owned.json<Body>();
    expectRefused(await rename(n.staff.paris, id, 'CPAM de Paris'), 'mandate_body_not_owner');
    expectRefused(await rename(n.staff.parisAdmin, id, 'CPAM de Paris'), 'mandate_body_not_owner');
    expect((await rename(n.staff.region, id, 'CPAM du Rhône (région)')).json()).toMatchObject({ name: 'CPAM du Rhône (région)', entityId: n.ids['69'] });
    expect((await rename(n.staff.national, id, 'CPAM du Rhône')).statusCode).toBe(200);
    expect((await rename(n.staff.rhone, id, 'CPAM du Rhône (Lyon)')).json()).toMatchObject({ name: 'CPAM du Rhône (Lyon)', version: 4 });

    const elsewhere = await n.call(n.staff.rhone, 'POST', '/api/v1/mandate-bodies', { name: 'CPAM de Paris', kind: 'cpam', entityId: n.ids['75'] });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors[0].pointer).toBe('/entityId');
    const missing = await rename(n.staff.national, '01900000-0000-7000-8000-000000000000', 'Introuvable');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('seeds French demo bodies, seats and mandates once', async () => {
    const first = await seedMandatesDemo(n.database);
    expect(first.created).toBeGreaterThan(0);
    expect(await seedMandatesDemo(n.database)).toEqual({ created: 0 });
    const bodies = await n.call(n.staff.paris, 'GET', '/api/v1/mandate-bodies?filter[departementCode]=75&sort=name');
    expect(bodies.json().items.map((b: Body) => b.name)).toEqual(["Conseil de prud'hommes de Paris", 'Tribunal de commerce de Paris', 'URSSAF Île-de-France']);
  });
});
