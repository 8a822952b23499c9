/**
 * Escaping for HTML we build as strings. Every piece of text and every attribute value that reaches
 * public HTML goes through one of these (the delivery templates use them too).
 */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => TEXT_ESCAPES[character] ?? character);
}

/** Attribute values are always double-quoted by our builders; the same escaping covers both. */
export const escapeAttribute = escapeHtml;
