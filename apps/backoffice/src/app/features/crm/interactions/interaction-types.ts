import type { ItemOf } from '../../../core/api/api-types';

export type Interaction = ItemOf<'/api/v1/organizations/{id}/timeline'>;

/** Whose timeline: a company's or a contact's. */
export interface TimelineSubject {
  kind: 'organization' | 'person';
  id: string;
}

/** Plain text typed by staff → the minimal safe HTML the API stores (paragraphs and line breaks). */
export function textToHtml(text: string): string | null {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escape(paragraph).replace(/\n/g, '<br>')}</p>`);
  return paragraphs.length > 0 ? paragraphs.join('') : null;
}

/** `2026-11-29T10:15` for a datetime-local input, in the browser's time zone. */
export function localDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
