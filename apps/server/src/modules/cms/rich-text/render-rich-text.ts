import { escapeAttribute, escapeHtml } from './html-escape.js';
import type { RichTextDocument, RichTextMark, RichTextNode, RichTextNodeType } from './rich-text.schema.js';
import { CHILDREN, DOC_CHILDREN, MAX_DEPTH } from './rich-text-model.js';
import { embedPlayer, safeLinkHref, type EmbedOptions } from './rich-text-urls.js';

/** What the renderer needs of a media (a subset of the media module's `readMediaSummary` rows). */
export interface RenderableMedia {
  kind?: 'image' | 'file';
  url: string;
  variants?: readonly { width: number; url: string }[];
}

export interface RenderRichTextOptions extends EmbedOptions {
  /**
   * Looks a media up by id (synchronously: read the ids with `collectMediaIds` and load them in one
   * query first). An image whose media is missing or not an image is left out.
   */
  resolveMedia: (mediaId: string) => RenderableMedia | null | undefined;
  /** The `sizes` attribute of responsive images (the content column width by default). */
  imageSizes?: string;
}

// Media URLs come from our own media module, but they still go into src/srcset: only plain http(s)
// or site paths without characters that would end the attribute or split a srcset candidate.
const SAFE_MEDIA_URL = /^(?:https?:\/\/[^\s"'<>,]+|\/(?!\/)[^\s"'<>,]*)$/;

type Attrs = Record<string, unknown>;

/**
 * Safe HTML for a rich text document. Tags are built here from the allowlist only, every text is
 * escaped, link targets and embed players are re-checked (a stored document is never trusted, even
 * when it was validated on write): anything unknown is dropped rather than passed through.
 */
export function renderRichText(doc: RichTextDocument | null | undefined, options: RenderRichTextOptions): string {
  if (!doc || doc.type !== 'doc' || !Array.isArray(doc.content)) return '';
  return renderChildren(doc.content, DOC_CHILDREN, options, 0, false);
}

function renderChildren(content: unknown, allowed: readonly RichTextNodeType[], options: RenderRichTextOptions, depth: number, inCode: boolean): string {
  if (!Array.isArray(content) || depth > MAX_DEPTH) return '';
  let html = '';
  for (const child of content as RichTextNode[]) {
    if (typeof child !== 'object' || child === null || !allowed.includes(child.type)) continue;
    html += renderNode(child, options, depth + 1, inCode);
  }
  return html;
}

function attrsOf(node: { attrs?: unknown }): Attrs {
  return typeof node.attrs === 'object' && node.attrs !== null ? (node.attrs as Attrs) : {};
}

function renderNode(node: RichTextNode, options: RenderRichTextOptions, depth: number, inCode: boolean): string {
  const attrs = attrsOf(node);
  const inner = () => renderChildren(node.content, CHILDREN[node.type], options, depth, inCode || node.type === 'codeBlock');
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? wrapMarks(escapeHtml(node.text), inCode ? [] : node.marks) : '';
    case 'hardBreak':
      return '<br>';
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = attrs.level === 3 || attrs.level === 4 ? attrs.level : 2;
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number.isInteger(attrs.start) && (attrs.start as number) > 1 && (attrs.start as number) <= 100_000 ? ` start="${attrs.start as number}"` : '';
      return `<ol${start}>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock': {
      const language = typeof attrs.language === 'string' && /^[A-Za-z0-9#+-]{1,30}$/.test(attrs.language) ? ` class="language-${escapeAttribute(attrs.language)}"` : '';
      return `<pre><code${language}>${inner()}</code></pre>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'image':
      return renderImage(attrs, options);
    case 'table':
      return `<div class="rt-table" role="region" aria-label="Tableau" tabindex="0"><table>${inner()}</table></div>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' ? 'th' : 'td';
      return `<${tag}${span('colspan', attrs.colspan, 50)}${span('rowspan', attrs.rowspan, 200)}>${inner()}</${tag}>`;
    }
    case 'embed':
      return renderEmbed(attrs, options);
    default:
      return '';
  }
}

function span(name: string, value: unknown, max: number): string {
  return Number.isInteger(value) && (value as number) > 1 && (value as number) <= max ? ` ${name}="${value as number}"` : '';
}

const MARK_ORDER: readonly RichTextMark['type'][] = ['link', 'bold', 'italic', 'underline', 'strike', 'code'];
const MARK_TAGS: Record<Exclude<RichTextMark['type'], 'link'>, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' };

function wrapMarks(html: string, marks: RichTextMark[] | undefined): string {
  if (!Array.isArray(marks) || marks.length === 0) return html;
  let result = html;
  // Innermost first, so that the link ends up outermost.
  for (const type of [...MARK_ORDER].reverse()) {
    const mark = marks.find((candidate) => typeof candidate === 'object' && candidate !== null && candidate.type === type);
    if (!mark) continue;
    if (type === 'link') {
      const href = safeLinkHref(attrsOf(mark).href);
      if (href) result = `<a href="${escapeAttribute(href)}">${result}</a>`;
    } else {
      const tag = MARK_TAGS[type];
      result = `<${tag}>${result}</${tag}>`;
    }
  }
  return result;
}

function renderImage(attrs: Attrs, options: RenderRichTextOptions): string {
  if (typeof attrs.mediaId !== 'string' || typeof attrs.alt !== 'string' || attrs.alt.trim() === '') return '';
  const media = options.resolveMedia(attrs.mediaId);
  if (!media || (media.kind !== undefined && media.kind !== 'image') || !SAFE_MEDIA_URL.test(media.url)) return '';
  const variants = (media.variants ?? []).filter((variant) => Number.isInteger(variant.width) && variant.width > 0 && SAFE_MEDIA_URL.test(variant.url));
  const srcset = variants.length > 0 ? ` srcset="${escapeAttribute(variants.map((variant) => `${variant.url} ${variant.width}w`).join(', '))}" sizes="${escapeAttribute(options.imageSizes ?? '(max-width: 48rem) 100vw, 48rem')}"` : '';
  const img = `<img src="${escapeAttribute(media.url)}"${srcset} alt="${escapeAttribute(attrs.alt.trim())}" loading="lazy" decoding="async">`;
  const caption = typeof attrs.caption === 'string' && attrs.caption.trim() !== '' ? `<figcaption>${escapeHtml(attrs.caption.trim())}</figcaption>` : '';
  return `<figure class="rt-image">${img}${caption}</figure>`;
}

function renderEmbed(attrs: Attrs, options: RenderRichTextOptions): string {
  const player = embedPlayer(attrs.provider, attrs.url, options);
  if (!player) return '';
  const title = typeof attrs.title === 'string' && attrs.title.trim() !== '' ? attrs.title.trim().slice(0, 200) : player.defaultTitle;
  return (
    `<figure class="rt-embed"><iframe src="${escapeAttribute(player.src)}" title="${escapeAttribute(title)}" loading="lazy" ` +
    `sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" referrerpolicy="strict-origin-when-cross-origin" ` +
    `allow="fullscreen; picture-in-picture; encrypted-media" allowfullscreen></iframe></figure>`
  );
}

/** The media ids a document's images use (load them before rendering). */
export function collectMediaIds(doc: RichTextDocument | null | undefined): string[] {
  const ids = new Set<string>();
  const visit = (nodes: unknown, depth: number) => {
    if (!Array.isArray(nodes) || depth > MAX_DEPTH) return;
    for (const node of nodes as RichTextNode[]) {
      if (typeof node !== 'object' || node === null) continue;
      if (node.type === 'image' && typeof attrsOf(node).mediaId === 'string') ids.add(attrsOf(node).mediaId as string);
      visit(node.content, depth + 1);
    }
  };
  visit(doc?.content, 0);
  return [...ids];
}
