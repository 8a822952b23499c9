import { OpenFeature, ProviderEvents } from '@openfeature/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallNetwork, type NetworkFixture } from '../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { withOwnerClient } from '../db/index.js';
import { DbFlagProvider } from './db-flag-provider.js';
import { FeatureFlags } from './feature-flags.js';

describe('database feature flag provider', () => {
  let t: TestDatabase;
  let network: NetworkFixture;
  let provider: DbFlagProvider;
  const flags = new FeatureFlags();

  // Another process changing flags: straight into the table, without this provider knowing.
  const writeFlag = (key: string, rules: object[], defaultVariant = 'off') =>
    withOwnerClient(t.database, (client) =>
      client.query(
        `INSERT INTO feature_flags (key, kind, variants, default_variant, rules) VALUES ($1, 'boolean', '{"on": true, "off": false}', $2, $3)
         ON CONFLICT (key) DO UPDATE SET default_variant = excluded.default_variant, rules = excluded.rules, version = feature_flags.version + 1`,
        [key, defaultVariant, JSON.stringify(rules)],
      ),
    );

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
    network = await createSmallNetwork(t.database);
    await writeFlag('events.registration', [{ entityIds: [network.ids.R84], variant: 'on' }]);
    provider = new DbFlagProvider({ database: t.database, refreshIntervalMs: 200 });
    await flags.attach(provider);
  });
  afterAll(async () => {
    await flags.detach();
    await OpenFeature.clearProviders();
    await t?.drop();
  });

  it('evaluates entity rules through the closure table: a region rule covers its départements', async () => {
    expect(await flags.isEnabled('events.registration', { entityId: network.ids['69']! })).toBe(true);
    expect(await flags.isEnabled('events.registration', { entityId: network.ids.R84! })).toBe(true);
    expect(await flags.isEnabled('events.registration', { entityId: network.ids['75']! })).toBe(false);
    expect(await flags.isEnabled('events.registration', { entityId: network.ids.FR! })).toBe(false);
  });

  it('answers the caller default for an unknown flag or a type mismatch', async () => {
    const missing = await flags.client.getBooleanDetails('nothing.here', true, {});
    expect(missing).toMatchObject({ value: true, errorCode: 'FLAG_NOT_FOUND' });
    const mismatch = await flags.client.getStringDetails('events.registration', 'fallback', {});
    expect(mismatch).toMatchObject({ value: 'fallback', errorCode: 'TYPE_MISMATCH' });
  });

  it("picks up another process's change at the next periodic refresh, and says so", async () => {
    const changed = new Promise<string[]>((resolve) => {
      flags.client.addHandler(ProviderEvents.ConfigurationChanged, (details) => resolve(details?.flagsChanged ?? []));
    });
    await writeFlag('events.registration', [], 'on');
    expect(await changed).toEqual(['events.registration']);
    expect(await flags.isEnabled('events.registration', { entityId: network.ids['75']! })).toBe(true);
  });

  it('includes a moved entity in its new region after a refresh', async () => {
    await writeFlag('events.registration', [{ entityIds: [network.ids.R11], variant: 'on' }]);
    await provider.refresh();
    expect(await flags.isEnabled('events.registration', { entityId: network.ids['69']! })).toBe(false);
    await withOwnerClient(t.database, (client) => client.query('UPDATE entities SET parent_id = $1 WHERE id = $2', [network.ids.R11, network.ids['69']]));
    await provider.refresh();
    expect(await flags.isEnabled('events.registration', { entityId: network.ids['69']! })).toBe(true);
  });
});
