import type { TableFilter } from './data-table';
import { filterKey } from './table-query';

/**
 * « Depuis le » / « Jusqu'au » filters on a date-time field of a journal (audit events, assistant
 * interactions). Pass the fetched query through `dayBoundsToInstants(query, field)` before the call.
 */
export function dateRangeFilters(field: string): TableFilter[] {
  return [
    { key: filterKey(field, 'gte'), label: $localize`:@@table.from:Depuis le`, type: 'date' },
    { key: filterKey(field, 'lte'), label: $localize`:@@table.to:Jusqu'au`, type: 'date' },
  ];
}
