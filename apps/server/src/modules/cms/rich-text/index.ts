/**
 * Rich text of the CMS (issue 6): ProseMirror/Tiptap JSON with an allowlist of nodes and marks,
 * validated on write, rendered to safe HTML on the server, and converted from incoming HTML.
 * The only door other modules use (see docs/cms-delivery.md, "Rich text").
 */
export { RichTextDocumentSchema, EMPTY_RICH_TEXT, RICH_TEXT_NODE_TYPES, RICH_TEXT_MARK_TYPES } from './rich-text.schema.js';
export type { RichTextDocument, RichTextNode, RichTextMark, RichTextNodeType, RichTextMarkType } from './rich-text.schema.js';
export { validateRichText, type RichTextProblem, type ValidateRichTextOptions } from './validate-rich-text.js';
export { renderRichText, collectMediaIds, type RenderRichTextOptions, type RenderableMedia } from './render-rich-text.js';
export { richTextToPlainText } from './rich-text-plain.js';
export { sanitizeHtmlToRichText } from './sanitize-html-to-rich-text.js';
export { safeLinkHref, embedPlayer, EMBED_PROVIDERS, DEFAULT_PEERTUBE_HOSTS, type EmbedProvider, type EmbedOptions } from './rich-text-urls.js';
export { escapeHtml, escapeAttribute } from './html-escape.js';
