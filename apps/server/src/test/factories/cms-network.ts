import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { MessageBus } from '../../platform/bus/index.js';
import type { Database } from '../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../auth.js';
import { createSmallNetwork } from './entities.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { ContentPublished, ContentUnpublished } from '../../modules/cms/core/cms.messages.js';
import type { Content } from '../../modules/cms/contents/contents.schema.js';
import type { Site } from '../../modules/cms/sites/sites.schema.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Who acts in the CMS tests. */
export interface CmsStaff {
  national: SignedIn;
  nationalPublisher: SignedIn;
  rhoneManager: SignedIn;
  rhonePublisher: SignedIn;
  rhoneEditor: SignedIn;
  rhoneViewer: SignedIn;
  parisManager: SignedIn;
  parisPublisher: SignedIn;
  parisEditor: SignedIn;
}

export interface CmsTestNetwork {
  t: TestApp;
  database: Database;
  ids: Record<string, string>;
  staff: CmsStaff;
  sites: { national: Site; rhone: Site; paris: Site };
  call(who: SignedIn, method: Method, url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Creates an item as `who` and returns it (expects 201). */
  create(who: SignedIn, siteId: string, body: Record<string, unknown>): Promise<Content>;
  /** A started bus (web role: sends only) on the test database, for calling job functions directly. */
  bus(): Promise<MessageBus>;
  close(): Promise<void>;
}

export const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** The small network (FR, R84, R11, R94, 69, 75, 2A), CMS staff and three sites (national, Rhône, Paris). */
export async function createCmsTestNetwork(prefix: string): Promise<CmsTestNetwork> {
  const t = await createTestApp();
  const database = t.testDatabase.database;
  const ids = (await createSmallNetwork(database)).ids as Record<string, string>;
  const users: Array<[keyof CmsStaff, string, string]> = [
    ['national', 'national_admin', ids.FR!],
    ['nationalPublisher', 'cms_publisher', ids.FR!],
    ['rhoneManager', 'manager', ids['69']!],
    ['rhonePublisher', 'cms_publisher', ids['69']!],
    ['rhoneEditor', 'cms_editor', ids['69']!],
    ['rhoneViewer', 'viewer', ids['69']!],
    ['parisManager', 'manager', ids['75']!],
    ['parisPublisher', 'cms_publisher', ids['75']!],
    ['parisEditor', 'cms_editor', ids['75']!],
  ];
  const staff = {} as CmsStaff;
  for (const [key, roleCode, entityId] of users) {
    const email = `${prefix}.${key}@cms.test`.toLowerCase();
    await createUser(t, { email, roleCode, entityId });
    staff[key] = await signIn(t.app, email);
  }
  const call: CmsTestNetwork['call'] = (who, method, url, payload, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...who.headers(method),
        ...(payload !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  const createSite = async (who: SignedIn, body: Record<string, unknown>): Promise<Site> => {
    const response = await call(who, 'POST', '/api/v1/cms/sites', body);
    if (response.statusCode !== 201) throw new Error(`site creation failed: ${response.body}`);
    return response.json<Site>();
  };
  const sites = {
    national: await createSite(staff.national, { entityId: ids.FR, slug: `${prefix}-national`, name: 'Confédération nationale' }),
    rhone: await createSite(staff.rhoneManager, { slug: `${prefix}-rhone`, name: 'Union du Rhône' }),
    paris: await createSite(staff.parisManager, { slug: `${prefix}-paris`, name: 'Union de Paris', hostNames: [`${prefix}.paris.example.org`] }),
  };
  let bus: MessageBus | null = null;
  return {
    t,
    database,
    ids,
    staff,
    sites,
    call,
    create: async (who, siteId, body) => {
      const response = await call(who, 'POST', `/api/v1/cms/sites/${siteId}/contents`, body);
      if (response.statusCode !== 201) throw new Error(`content creation failed (${response.statusCode}): ${response.body}`);
      return response.json<Content>();
    },
    bus: async () => {
      if (!bus) {
        bus = new MessageBus({ database, role: 'web', logger: pino({ level: 'silent' }) });
        bus.register(ContentPublished);
        bus.register(ContentUnpublished);
        await bus.start();
      }
      return bus;
    },
    close: async () => {
      await (bus as MessageBus | null)?.stop();
      await t.close();
    },
  };
}

/** Jobs queued for a message (pg-boss's table), to check what was announced. */
export async function queuedPayloads(database: Database, name: string): Promise<Array<{ contentId: string; siteId: string }>> {
  const { rows } = await database.pool.query<{ data: { contentId: string; siteId: string } }>(`SELECT data FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [name]);
  return rows.map((row) => row.data);
}
