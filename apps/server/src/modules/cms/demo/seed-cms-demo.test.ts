import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageBus } from '../../../platform/bus/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { ContentPublished, ContentUnpublished } from '../core/cms.messages.js';
import { readPublishedContent } from '../published/read-published-content.js';
import { seedCmsDemo } from './seed-cms-demo.js';

describe('CMS demo content', () => {
  let t: TestApp;
  let bus: MessageBus;

  beforeAll(async () => {
    t = await createTestApp();
    await createSmallNetwork(t.testDatabase.database);
    bus = new MessageBus({ database: t.testDatabase.database, role: 'web', logger: pino({ level: 'silent' }) });
    bus.register(ContentPublished);
    bus.register(ContentUnpublished);
    await bus.start();
  });
  afterAll(async () => {
    await bus?.stop();
    await t?.close();
  });

  it('creates the national, Rhône and Paris sites once, with a syndicated national article', async () => {
    const database = t.testDatabase.database;
    const first = await seedCmsDemo({ database, bus });
    expect(first).toMatchObject({ sites: 3, alreadyPresent: false });
    expect(first.contents).toBeGreaterThan(15);
    expect((await seedCmsDemo({ database, bus })).alreadyPresent).toBe(true);
    await withTransaction(database, { kind: 'system' }, async (tx) => {
      const { rows } = await tx.client.query<{ slug: string; status: string; content_id: string }>(
        `SELECT t.slug, s.status, s.content_id FROM cms_syndications s JOIN cms_sites t ON t.id = s.target_site_id ORDER BY t.slug`,
      );
      expect(rows.map((row) => [row.slug, row.status])).toEqual([
        ['paris', 'accepted'],
        ['rhone', 'accepted'],
      ]);
      const article = await readPublishedContent(tx, rows[0]!.content_id);
      expect(article).toMatchObject({ kind: 'article', visibility: 'public', url: expect.stringMatching(/^\/sites\/national\/actualites\//) });
      expect(article!.plainText).toContain('apprentis');
      const { rows: drafts } = await tx.client.query(`SELECT 1 FROM cms_contents WHERE published_revision_id IS NULL`);
      expect(drafts).toHaveLength(1);
    });
  });
});
