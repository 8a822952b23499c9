import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createWidgetsTable, insertWidgets, registerWidgetRoutes } from '../../test/widgets-fixture.js';

interface Widget {
  id: string;
  name: string;
  status: string;
  amount: number;
  createdAt: string;
}

describe('collections: filters, sort, keyset pagination, count, CSV', () => {
  let t: TestApp;
  const STAMPS = ['2026-01-01T10:00:00.123456Z', '2026-01-02T10:00:00.000001Z', '2026-01-03T10:00:00Z'];

  beforeAll(async () => {
    t = await createTestApp({}, {
      registerRoutes: async (app, testDatabase) => {
        await createWidgetsTable(testDatabase.database);
        registerWidgetRoutes(app, testDatabase.database, { csvBatchSize: 7 });
      },
    });
    // 45 rows, heavy ties: 3 timestamps (with microseconds) × 3 names × 5 amounts.
    const rows = [];
    for (let i = 0; i < 45; i++) {
      rows.push({
        name: ['Alpha', 'Béta', 'Gamma'][i % 3]!,
        status: ['draft', 'active', 'archived'][i % 3]!,
        amount: i % 5,
        createdAt: STAMPS[i % 3],
      });
    }
    rows.push({ name: 'Ligne "spéciale", avec virgule\net retour', status: 'active', amount: 7, createdAt: '2026-02-01T00:00:00Z' });
    rows.push({ name: '=HYPERLINK("x")', status: 'active', amount: 8, createdAt: '2026-02-02T00:00:00Z' });
    await insertWidgets(t.testDatabase.database, rows);
  });
  afterAll(() => t.close());

  async function list(query: string) {
    const response = await t.app.inject(`/api/v1/test-widgets?${query}`);
    return response;
  }

  async function walk(query: string): Promise<Widget[]> {
    const seen: Widget[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const response = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as { items: Widget[]; nextCursor: string | null };
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error('pagination does not end');
  }

  it('walks every page without duplicates or gaps under ties, in the requested order', async () => {
    // One direction (row comparison) and mixed directions (expanded conditions).
    for (const sort of ['-createdAt', 'name,amount', 'name,-amount', '-status,createdAt,amount']) {
      const all = await walk(`sort=${sort}&limit=4`);
      expect(all).toHaveLength(47);
      expect(new Set(all.map((w) => w.id)).size).toBe(47);
      const keys = sort.split(',').map((k) => ({ field: k.replace('-', '') as keyof Widget, sign: k.startsWith('-') ? -1 : 1 }));
      const expected = [...all].sort((a, b) => {
        for (const key of keys) {
          const x = key.field === 'createdAt' ? Date.parse(a.createdAt) : a[key.field];
          const y = key.field === 'createdAt' ? Date.parse(b.createdAt) : b[key.field];
          if (x !== y) return (x < y ? -1 : 1) * key.sign;
        }
        // Ties by id, in the direction of the last sort key.
        return (a.id < b.id ? -1 : 1) * keys[keys.length - 1]!.sign;
      });
      expect(all.map((w) => w.id)).toEqual(expected.map((w) => w.id));
    }
  });

  it('uses the default sort and limit, and counts on demand', async () => {
    const first = (await list('')).json();
    expect(first.items).toHaveLength(25);
    expect(first.count).toBeUndefined();
    expect(Date.parse(first.items[0].createdAt)).toBe(Date.parse('2026-02-02T00:00:00Z'));
    expect((await list('count=exact&limit=1')).json().count).toBe(47);
    const estimated = (await list('count=estimated&limit=1')).json().count;
    expect(typeof estimated).toBe('number');
    expect(estimated).toBeGreaterThanOrEqual(0);
  });

  it('filters by equality, list, text, range and combines filters', async () => {
    expect((await list('filter[status]=draft&count=exact')).json().count).toBe(15);
    expect((await list('filter%5Bstatus%5D%5Bin%5D=draft,archived&count=exact')).json().count).toBe(30);
    expect((await list('filter[name][contains]=bé&count=exact')).json().count).toBe(15);
    expect((await list('filter[name][contains]=%25&count=exact')).json().count).toBe(0);
    expect((await list('filter[amount][gte]=3&filter[amount][lte]=4&count=exact')).json().count).toBe(18);
    const range = await list(`filter[createdAt][gte]=2026-01-02T00:00:00Z&filter[createdAt][lte]=2026-01-02T23:59:59Z&filter[name]=Béta&count=exact`);
    expect(range.json().count).toBe(15);
    const paged = await walk('filter[status]=active&limit=4&sort=amount');
    expect(paged).toHaveLength(17);
    expect(paged.every((w) => w.status === 'active')).toBe(true);
  });

  it('answers each request with its own values when requests share a rendered statement', async () => {
    const items = async (query: string) => (await list(`${query}&limit=50`)).json().items as Widget[];
    for (const status of ['draft', 'active', 'archived', 'draft']) {
      const page = await items(`filter[status]=${status}`);
      expect(page).toHaveLength(status === 'active' ? 17 : 15);
      expect(page.every((w) => w.status === status)).toBe(true);
    }
    for (const [statuses, expected] of [['draft,archived', 30], ['active,draft', 32], ['active', 17]] as const) {
      const page = await items(`filter%5Bstatus%5D%5Bin%5D=${statuses}`);
      expect(page).toHaveLength(expected);
      expect(page.every((w) => statuses.split(',').includes(w.status))).toBe(true);
    }
    for (const [text, name] of [['alp', 'Alpha'], ['GAM', 'Gamma']]) {
      const page = await items(`filter[name][contains]=${text}`);
      expect(new Set(page.map((w) => w.name))).toEqual(new Set([name]));
    }
  });

  it('refuses unknown parameters, unknown filters and bad values with pointers', async () => {
    const unknown = await list('foo=1&filter[secret]=x');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toEqual(
      expect.arrayContaining([
        { pointer: '/querystring/foo', message: "Ce champ n'est pas accepté ici." },
        { pointer: '/querystring/filter[secret]', message: "Ce champ n'est pas accepté ici." },
      ]),
    );
    const operator = await list('filter[status][contains]=dr');
    expect(operator.json().errors[0].pointer).toBe('/querystring/filter[status][contains]');
    const badEnum = await list('filter[status][in]=draft,deleted');
    expect(badEnum.statusCode).toBe(400);
    expect(badEnum.json().errors[0]).toMatchObject({ pointer: '/querystring/filter[status][in]' });
    expect((await list('filter[amount][gte]=lots')).json().errors[0].pointer).toBe('/querystring/filter[amount][gte]');
    expect((await list('sort=secret')).json().errors[0].pointer).toBe('/querystring/sort');
    expect((await list('sort=name,-name')).statusCode).toBe(400);
    expect((await list('limit=201')).json().errors[0].pointer).toBe('/querystring/limit');
    expect((await list('limit=0')).statusCode).toBe(400);
  });

  it('refuses a tampered cursor or one issued for another query', async () => {
    const cursor = (await list('limit=2&sort=name')).json().nextCursor as string;
    expect((await list(`limit=2&sort=name&cursor=${cursor}`)).statusCode).toBe(200);
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    payload.v[0] = 'Zzz';
    const tampered = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const refused = await list(`limit=2&sort=name&cursor=${tampered}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'invalid_cursor', errors: [{ pointer: '/querystring/cursor' }] });
    expect((await list(`limit=2&sort=-name&cursor=${cursor}`)).json().code).toBe('invalid_cursor');
    expect((await list(`limit=2&sort=name&filter[status]=draft&cursor=${cursor}`)).json().code).toBe('invalid_cursor');
    expect((await list('cursor=bm90LWpzb24')).json().code).toBe('invalid_cursor');
    expect((await list('cursor=not*base64')).statusCode).toBe(400);
  });

  it('streams the same filtered, sorted collection as CSV in batches, and audits the export', async () => {
    const response = await t.app.inject({ url: '/api/v1/test-widgets?sort=amount,name&filter[status]=active', headers: { accept: 'text/csv' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="test-widgets-\d{4}-\d{2}-\d{2}\.csv"$/);
    const raw = response.rawPayload.toString('utf8');
    expect(raw.startsWith('\uFEFFid,name,status,amount,note,createdAt\r\n')).toBe(true);
    expect(raw).toContain('"Ligne ""spéciale"", avec virgule\net retour"');
    expect(raw).toContain(`,"'=HYPERLINK(""x"")",`);
    // 17 active rows + header, each CRLF-terminated (the multi-line cell holds a bare LF only).
    expect(raw.split('\r\n').length - 1).toBe(18);
    const json = await walk('sort=amount,name&filter[status]=active&limit=200');
    const csvIds = raw.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(csvIds).toEqual(json.map((w) => w.id));
    const { rows } = await t.testDatabase.database.pool.query(`SELECT action, changes FROM audit_events WHERE action = 'test.widget.exported'`);
    expect(rows).toHaveLength(1);
  });

  it('prefers JSON unless CSV is preferred', async () => {
    const json = await t.app.inject({ url: '/api/v1/test-widgets?limit=1', headers: { accept: 'application/json, text/csv;q=0.5' } });
    expect(json.headers['content-type']).toContain('application/json');
    const csv = await t.app.inject({ url: '/api/v1/test-widgets?limit=1', headers: { accept: 'text/csv, application/json;q=0.9' } });
    expect(csv.headers['content-type']).toContain('text/csv');
  });
});
