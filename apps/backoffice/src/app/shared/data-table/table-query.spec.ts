import { describe, expect, it } from 'vitest';
import { dayBoundsToInstants, filterKey, readTableQuery, sortParam, sortState, toApiQuery } from './table-query';

describe('table query', () => {
  it('reads sort, cursor and filters from URL params and ignores other params', () => {
    const query = readTableQuery({ sort: '-createdAt', cursor: 'abc', 'filter[status]': 'active', 'filter[createdAt][gte]': '2026-01-01', q: 'x', 'filter[empty]': '' });
    expect(query).toEqual({ sort: '-createdAt', cursor: 'abc', filters: { 'filter[status]': 'active', 'filter[createdAt][gte]': '2026-01-01' } });
  });

  it('accepts the plain filter names a route declares', () => {
    expect(readTableQuery({ search: 'dupont', status: 'active', other: 'x' }, ['search', 'status']).filters).toEqual({ search: 'dupont', status: 'active' });
  });

  it('builds the API query with limit and scope parameters; URL filters win over extras', () => {
    const api = toApiQuery({ sort: 'name', cursor: null, filters: { 'filter[status]': 'active' } }, 25, { 'filter[entityId]': 'e1' });
    expect(api).toEqual({ limit: '25', sort: 'name', 'filter[entityId]': 'e1', 'filter[status]': 'active' });
  });

  it('maps the first sort key to a header state and back', () => {
    expect(sortState('-createdAt,name')).toEqual({ active: 'createdAt', direction: 'desc' });
    expect(sortState(null)).toEqual({ active: '', direction: '' });
    expect(sortParam({ active: 'name', direction: 'asc' })).toBe('name');
    expect(sortParam({ active: 'name', direction: '' })).toBeNull();
    expect(filterKey('createdAt', 'gte')).toBe('filter[createdAt][gte]');
  });

  it('turns date filters into instants covering whole local days, leaving instants and other keys alone', () => {
    const query = dayBoundsToInstants({ 'filter[createdAt][gte]': '2026-03-01', 'filter[createdAt][lte]': '2026-03-02', limit: '25' }, 'createdAt');
    expect(query['filter[createdAt][gte]']).toBe(new Date('2026-03-01T00:00:00').toISOString());
    expect(query['filter[createdAt][lte]']).toBe(new Date('2026-03-02T23:59:59.999').toISOString());
    expect(query['limit']).toBe('25');
    expect(dayBoundsToInstants({ 'filter[createdAt][gte]': '2026-03-01T10:00:00.000Z' }, 'createdAt')).toEqual({ 'filter[createdAt][gte]': '2026-03-01T10:00:00.000Z' });
  });
});
