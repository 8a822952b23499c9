import sanitizeHtml from 'sanitize-html';

/**
 * The rich text an interaction may hold: paragraphs, emphasis, lists, quotes, two heading levels and
 * links to web or mail addresses. Everything else is removed on write (scripts with their content,
 * event handlers, styles, `javascript:` links), so that the stored HTML is safe to render as is.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 's', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open outside the back-office without giving the target page a handle on it.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

/** Sanitised HTML, or null when nothing readable is left. */
export function sanitizeBody(html: string | null | undefined): string | null {
  if (html === null || html === undefined) return null;
  const clean = sanitizeHtml(html, OPTIONS).trim();
  return clean === '' ? null : clean;
}
