import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { createUser, signIn, type SignedIn } from '../auth.js';
import { createSmallNetwork } from './entities.js';
import { multipartForm } from './imports.js';
import { createTestApp, type TestApp } from '../test-app.js';

export interface MediaStaff {
  national: SignedIn;
  /** Manager of the Rhône union (69): media.read and media.write there. */
  rhone: SignedIn;
  /** Manager of Paris (75). */
  paris: SignedIn;
  /** Viewer of the Rhône: media.read only. */
  rhoneViewer: SignedIn;
  /** CMS editor (`cms_editor`) of the Rhône: no business permission beyond writing pages and the media library. */
  rhoneEditor: SignedIn;
}

export interface MediaTestNetwork {
  t: TestApp;
  dataDir: string;
  ids: Record<string, string>;
  staff: MediaStaff;
  upload(who: SignedIn, file: { name: string; content: Buffer; type?: string }, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
  call(who: SignedIn, method: 'GET' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The app on the small network with a throwaway DATA_DIR (media land under DATA_DIR/media). */
export async function createMediaTestNetwork(prefix: string, env: Record<string, string> = {}, dataDir?: string): Promise<MediaTestNetwork> {
  const directory = dataDir ?? (await mkdtemp(join(tmpdir(), 'maillage-media-')));
  const t = await createTestApp({ DATA_DIR: directory, ...env });
  const ids = (await createSmallNetwork(t.testDatabase.database)).ids;
  const users: Array<[keyof MediaStaff, string, string]> = [
    ['national', 'national_admin', ids.FR!],
    ['rhone', 'manager', ids['69']!],
    ['paris', 'manager', ids['75']!],
    ['rhoneViewer', 'viewer', ids['69']!],
    ['rhoneEditor', 'cms_editor', ids['69']!],
  ];
  const staff = {} as MediaStaff;
  for (const [key, roleCode, entityId] of users) {
    const email = `${prefix}.${key}@media.test`.toLowerCase();
    await createUser(t, { email, roleCode, entityId });
    staff[key] = await signIn(t.app, email);
  }
  return {
    t,
    dataDir: directory,
    ids,
    staff,
    upload: (who, file, fields = {}) => {
      const form = multipartForm(fields, { name: file.name, content: file.content, type: file.type ?? 'application/octet-stream' });
      return t.app.inject({ method: 'POST', url: '/api/v1/media', payload: form.payload, headers: { ...who.headers('POST'), ...form.headers } });
    },
    call: (who, method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url,
        headers: { ...who.headers(method), ...(payload !== undefined ? { 'content-type': 'application/merge-patch+json' } : {}), ...headers },
        ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
      }),
    close: async () => {
      await t.close();
      if (!dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
}
