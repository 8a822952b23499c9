import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createFollowUpTask, type FollowUpTaskInput, type Task } from '../index.js';

describe('follow-up tasks', () => {
  let n: CrmTestNetwork;
  let rhoneTask: Task;
  const mandateId = newId();

  const raise = (input: Omit<FollowUpTaskInput, 'entityId'>, entity: string) =>
    withTransaction(n.database, { kind: 'system' }, (tx) => createFollowUpTask(tx, { entityId: n.ids[entity]!, ...input }));

  beforeAll(async () => {
    n = await createCrmTestNetwork('tasks');
    const first = await raise({ title: 'Renouveler le mandat au conseil de prud’hommes', dueOn: '2027-03-01', relatedTo: { kind: 'mandate', id: mandateId }, dedupeKey: `mandate-expiry:${mandateId}` }, '69');
    rhoneTask = first.task;
    await raise({ title: 'Relancer la cotisation', dueOn: '2027-06-30', relatedTo: { kind: 'invoice', id: newId() }, dedupeKey: 'reminder:1' }, '69');
    await raise({ title: 'Relance Paris', dueOn: '2027-01-15', relatedTo: { kind: 'invoice', id: newId() }, dedupeKey: 'reminder:1' }, '75');
  });
  afterAll(() => n.t.close());

  it('raises a task once per entity and dedupe key, even when raised again or concurrently', async () => {
    const input = { title: 'Autre titre', dueOn: '2027-04-01', relatedTo: { kind: 'mandate', id: mandateId }, dedupeKey: `mandate-expiry:${mandateId}` };
    const [again, concurrent] = await Promise.all([raise(input, '69'), raise(input, '69')]);
    expect(again).toEqual({ task: rhoneTask, created: false });
    expect(concurrent.task.id).toBe(rhoneTask.id);
    const list = await n.call(n.staff.national, 'GET', `/api/v1/tasks?filter[relatedId]=${mandateId}&count=exact`);
    expect(list.json()).toMatchObject({ count: 1, items: [{ id: rhoneTask.id, title: 'Renouveler le mandat au conseil de prud’hommes', status: 'open', relatedTo: { kind: 'mandate', id: mandateId } }] });
  });

  it('lists with filters (status, due before, related kind) within the caller’s branches only', async () => {
    const rhone = await n.call(n.staff.rhone, 'GET', '/api/v1/tasks');
    expect(rhone.json().items.map((task: Task) => task.dueOn)).toEqual(['2027-03-01', '2027-06-30']);
    const dueBefore = await n.call(n.staff.rhone, 'GET', '/api/v1/tasks?filter[dueOn][lte]=2027-04-01&filter[status]=open&filter[relatedKind]=mandate');
    expect(dueBefore.json().items.map((task: Task) => task.id)).toEqual([rhoneTask.id]);
    const paris = await n.call(n.staff.paris, 'GET', '/api/v1/tasks');
    expect(paris.json().items.map((task: Task) => task.title)).toEqual(['Relance Paris']);
    expect((await n.call(n.staff.national, 'GET', '/api/v1/tasks?count=exact')).json().count).toBe(3);
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/tasks?filter[owner]=x')).statusCode).toBe(400);
  });

  it('closes and assigns with If-Match; other branches get 404, viewers 403', async () => {
    const url = `/api/v1/tasks/${rhoneTask.id}`;
    const read = await n.call(n.staff.rhoneViewer, 'GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect((await n.call(n.staff.paris, 'GET', url)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'PATCH', url, { status: 'done' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await n.call(n.staff.rhoneViewer, 'PATCH', url, { status: 'done' }, { 'if-match': '"1"' })).statusCode).toBe(403);
    expect((await n.call(n.staff.rhone, 'PATCH', url, { status: 'done' })).statusCode).toBe(428);
    expect((await n.call(n.staff.rhone, 'PATCH', url, { status: 'done' }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const unknownUser = await n.call(n.staff.rhone, 'PATCH', url, { assigneeUserId: newId() }, { 'if-match': '"1"' });
    expect(unknownUser.statusCode).toBe(422);
    expect(unknownUser.json().errors).toEqual([{ pointer: '/assigneeUserId', message: "Cet utilisateur n'existe pas." }]);

    const done = await n.call(n.staff.rhone, 'PATCH', url, { status: 'done', assigneeUserId: n.staff.rhone.userId }, { 'if-match': '"1"' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', assigneeUserId: n.staff.rhone.userId, version: 2, closedAt: expect.any(String) });
    const reopened = await n.call(n.staff.rhone, 'PATCH', url, { status: 'open', assigneeUserId: null }, { 'if-match': '"2"' });
    expect(reopened.json()).toMatchObject({ status: 'open', assigneeUserId: null, closedAt: null, version: 3 });
    const invalid = await n.call(n.staff.rhone, 'PATCH', url, { status: 'archived' }, { 'if-match': '"3"' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].pointer).toBe('/status');
  });
});
