import { describe, expect, it } from 'vitest';
import { widgetCollection } from '../../test/widgets-fixture.js';
import { parseCollectionQuery } from './collection-query.js';

describe('parseCollectionQuery', () => {
  it('binds cursors to the filters as requested, also in a copy whose repository writes some filters itself', () => {
    const filtered = parseCollectionQuery(widgetCollection, { 'filter[status]': 'draft', sort: 'name' });
    const unfiltered = parseCollectionQuery(widgetCollection, { sort: 'name' });
    expect(filtered.filters).toEqual([{ field: 'status', operator: 'eq', value: 'draft' }]);
    // A repository that writes the status condition itself hands the rest on, as organizations and persons do.
    const copy = { ...filtered, filters: [], limit: 10 };
    expect(copy.fingerprint()).toBe(filtered.fingerprint());
    expect(copy.fingerprint()).not.toBe(unfiltered.fingerprint());
  });
});
