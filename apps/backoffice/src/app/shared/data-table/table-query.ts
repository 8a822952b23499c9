/**
 * The state of a server-paginated table, kept in the URL query string with the API's own names
 * (`sort=-createdAt`, `filter[status]=active`, `cursor=…`) so a bookmarked view is a valid API query.
 */
export interface TableQuery {
  sort: string | null;
  cursor: string | null;
  filters: Record<string, string>;
}

export interface SortState {
  active: string;
  direction: 'asc' | 'desc' | '';
}

const FILTER_KEY = /^filter\[([^\]]+)\](\[[a-z]+\])?$/;

/**
 * Reads the table state from URL query params: `filter[…]` keys plus the plain filter names a
 * route declares (e.g. `search`, `status`); other params (other widgets') are ignored.
 */
export function readTableQuery(params: Readonly<Record<string, string | undefined>>, plainFilters: readonly string[] = []): TableQuery {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && (FILTER_KEY.test(key) || plainFilters.includes(key))) filters[key] = value;
  }
  return { sort: params['sort'] || null, cursor: params['cursor'] || null, filters };
}

/** The API query for one page. `extra` carries scope parameters set by the feature (branch switcher). */
export function toApiQuery(query: TableQuery, limit: number, extra: Record<string, string> = {}): Record<string, string> {
  const api: Record<string, string> = { limit: String(limit), ...extra, ...query.filters };
  if (query.sort) api['sort'] = query.sort;
  if (query.cursor) api['cursor'] = query.cursor;
  return api;
}

/** `-createdAt,name` → the first key drives the header arrow. */
export function sortState(sort: string | null): SortState {
  const first = sort?.split(',')[0]?.trim();
  if (!first) return { active: '', direction: '' };
  return first.startsWith('-') ? { active: first.slice(1), direction: 'desc' } : { active: first, direction: 'asc' };
}

export function sortParam(state: SortState): string | null {
  if (!state.active || !state.direction) return null;
  return state.direction === 'desc' ? `-${state.active}` : state.active;
}

export function filterKey(field: string, operator?: string): string {
  return operator ? `filter[${field}][${operator}]` : `filter[${field}]`;
}

/**
 * Date filters give `YYYY-MM-DD`; date-time API fields want RFC 3339 instants: `gte` from the start
 * and `lte` to the end of that local day.
 */
export function dayBoundsToInstants(query: Record<string, string>, field: string): Record<string, string> {
  const result = { ...query };
  const from = result[filterKey(field, 'gte')];
  const to = result[filterKey(field, 'lte')];
  if (from && /^\d{4}-\d{2}-\d{2}$/.test(from)) result[filterKey(field, 'gte')] = new Date(`${from}T00:00:00`).toISOString();
  if (to && /^\d{4}-\d{2}-\d{2}$/.test(to)) result[filterKey(field, 'lte')] = new Date(`${to}T23:59:59.999`).toISOString();
  return result;
}
