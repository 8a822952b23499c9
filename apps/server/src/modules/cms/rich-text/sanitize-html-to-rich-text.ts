import sanitizeHtml from 'sanitize-html';
import type { RichTextDocument, RichTextMark, RichTextNode } from './rich-text.schema.js';
import { DEFAULT_PEERTUBE_HOSTS, embedFromIframeSource, safeLinkHref, type EmbedOptions } from './rich-text-urls.js';

/**
 * HTML that enters (paste, import of an old site) becomes a rich text document in two steps:
 * sanitize-html keeps only the tags and attributes we can map (scripts and styles go with their
 * content, event handlers and unknown schemes are dropped), then the clean, regular markup it
 * produces is read into nodes. Images are dropped: a document image must come from the media
 * library with an alt text, so editors re-insert them.
 */
const EMBED_HOSTS = ['www.youtube.com', 'youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com', 'www.dailymotion.com'];

function sanitizeOptions(options: EmbedOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr',
      'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del',
      'a', 'iframe', 'div',
    ],
    allowedAttributes: { a: ['href'], ol: ['start'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], iframe: ['src', 'title'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { iframe: ['https'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...EMBED_HOSTS, ...(options.peertubeHosts ?? DEFAULT_PEERTUBE_HOSTS)],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
  };
}

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: (Element | string)[];
}

const VOID = new Set(['br', 'hr']);
const TOKEN = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)|(<)/g;
const ATTRIBUTE = /([a-z-]+)(?:="([^"]*)")?/g;

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Reads sanitize-html's output (only allowlisted tags, quoted and escaped attributes) into a tree. */
function parse(clean: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  for (const match of clean.matchAll(TOKEN)) {
    const current = stack[stack.length - 1]!;
    const [, closing, tag, attributeText, text, stray] = match;
    if (text !== undefined || stray !== undefined) {
      current.children.push(decode(text ?? stray!));
      continue;
    }
    if (closing) {
      const index = stack.map((element) => element.tag).lastIndexOf(tag!);
      if (index > 0) stack.length = index;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attribute of (attributeText ?? '').matchAll(ATTRIBUTE)) attrs[attribute[1]!] = decode(attribute[2] ?? '');
    const element: Element = { tag: tag!, attrs, children: [] };
    current.children.push(element);
    if (!VOID.has(tag!)) stack.push(element);
  }
  return root;
}

const HEADING_LEVEL: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
const MARK_OF: Record<string, RichTextMark['type']> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', strike: 'strike', del: 'strike', code: 'code' };
const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'iframe']);

class Converter {
  constructor(private readonly options: EmbedOptions) {}

  /** Block content: inline runs between blocks become paragraphs. */
  blocks(children: (Element | string)[], flow = false): RichTextNode[] {
    const result: RichTextNode[] = [];
    let run: (Element | string)[] = [];
    const flush = () => {
      const paragraph = this.paragraph('paragraph', run);
      if (paragraph) result.push(paragraph);
      run = [];
    };
    for (const child of children) {
      if (typeof child === 'string' || !BLOCK_TAGS.has(child.tag)) {
        run.push(child);
        continue;
      }
      flush();
      result.push(...this.block(child, flow));
    }
    flush();
    return result;
  }

  private block(element: Element, flow: boolean): RichTextNode[] {
    switch (element.tag) {
      case 'p':
        return optional(this.paragraph('paragraph', element.children));
      case 'div':
      case 'thead':
      case 'tbody':
      case 'tfoot':
      case 'tr':
      case 'th':
      case 'td':
        return this.blocks(element.children, flow);
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return optional(this.paragraph('heading', element.children, HEADING_LEVEL[element.tag]));
      case 'ul':
      case 'ol':
        return optional(this.list(element));
      case 'li':
        return this.blocks(element.children, flow);
      case 'blockquote': {
        const content = this.blocks(element.children, true);
        return content.length > 0 ? [{ type: 'blockquote', content }] : [];
      }
      case 'pre': {
        const text = textOf(element);
        return [{ type: 'codeBlock', ...(text !== '' ? { content: [{ type: 'text', text }] } : {}) }];
      }
      case 'hr':
        return [{ type: 'horizontalRule' }];
      case 'table':
        return flow ? this.blocks(element.children, flow) : optional(this.table(element));
      case 'iframe': {
        const player = flow ? null : embedFromIframeSource(element.attrs.src ?? '', this.options);
        if (!player) return [];
        const title = element.attrs.title?.trim();
        return [{ type: 'embed', attrs: { provider: player.provider, url: player.src, ...(title ? { title: title.slice(0, 200) } : {}) } }];
      }
      default:
        return [];
    }
  }

  private list(element: Element): RichTextNode | null {
    const items: RichTextNode[] = [];
    for (const child of element.children) {
      if (typeof child === 'string') {
        if (child.trim() === '') continue;
        items.push({ type: 'listItem', content: optional(this.paragraph('paragraph', [child])) });
        continue;
      }
      const content = child.tag === 'li' ? this.blocks(child.children, true) : this.blocks([child], true);
      if (content.length > 0) items.push({ type: 'listItem', content: withoutTables(content) });
    }
    if (items.length === 0) return null;
    if (element.tag === 'ul') return { type: 'bulletList', content: items };
    const start = Number.parseInt(element.attrs.start ?? '', 10);
    return { type: 'orderedList', ...(Number.isInteger(start) && start > 1 && start <= 100_000 ? { attrs: { start } } : {}), content: items };
  }

  private table(element: Element): RichTextNode | null {
    const rows: RichTextNode[] = [];
    const visitRows = (children: (Element | string)[]) => {
      for (const child of children) {
        if (typeof child === 'string') continue;
        if (child.tag === 'tr') {
          const cells: RichTextNode[] = [];
          for (const cell of child.children) {
            if (typeof cell === 'string' || (cell.tag !== 'th' && cell.tag !== 'td')) continue;
            const content = withoutTables(this.blocks(cell.children, true));
            const attrs: Record<string, number> = {};
            for (const name of ['colspan', 'rowspan'] as const) {
              const value = Number.parseInt(cell.attrs[name] ?? '', 10);
              if (Number.isInteger(value) && value > 1 && value <= (name === 'colspan' ? 50 : 200)) attrs[name] = value;
            }
            cells.push({ type: cell.tag === 'th' ? 'tableHeader' : 'tableCell', ...(Object.keys(attrs).length > 0 ? { attrs } : {}), content: content.length > 0 ? content : [{ type: 'paragraph' }] });
          }
          if (cells.length > 0) rows.push({ type: 'tableRow', content: cells });
        } else if (['thead', 'tbody', 'tfoot'].includes(child.tag)) visitRows(child.children);
      }
    };
    visitRows(element.children);
    return rows.length > 0 ? { type: 'table', content: rows } : null;
  }

  private paragraph(type: 'paragraph' | 'heading', children: (Element | string)[], level?: number): RichTextNode | null {
    const content = trimInline(this.inline(children, []));
    if (content.length === 0) return null;
    return { type, ...(type === 'heading' ? { attrs: { level: level ?? 2 } } : {}), content };
  }

  private inline(children: (Element | string)[], marks: RichTextMark[]): RichTextNode[] {
    const result: RichTextNode[] = [];
    for (const child of children) {
      if (typeof child === 'string') {
        const text = child.replace(/\s+/g, ' ');
        if (text !== '') result.push({ type: 'text', text, ...(marks.length > 0 ? { marks } : {}) });
        continue;
      }
      if (child.tag === 'br') {
        result.push({ type: 'hardBreak' });
        continue;
      }
      let nextMarks = marks;
      const markType = MARK_OF[child.tag];
      if (markType && !marks.some((mark) => mark.type === markType)) nextMarks = [...marks, { type: markType }];
      if (child.tag === 'a') {
        const href = safeLinkHref(child.attrs.href);
        if (href && !marks.some((mark) => mark.type === 'link')) nextMarks = [...marks, { type: 'link', attrs: { href } }];
      }
      result.push(...this.inline(child.children, nextMarks));
    }
    return result;
  }
}

function optional(node: RichTextNode | null): RichTextNode[] {
  return node ? [node] : [];
}

function withoutTables(nodes: RichTextNode[]): RichTextNode[] {
  return nodes.filter((node) => node.type !== 'table' && node.type !== 'embed');
}

function textOf(element: Element): string {
  return element.children.map((child) => (typeof child === 'string' ? child : child.tag === 'br' ? '\n' : textOf(child))).join('');
}

/** Collapses the spaces HTML would collapse and drops leading/trailing spaces and breaks. */
function trimInline(nodes: RichTextNode[]): RichTextNode[] {
  const merged: RichTextNode[] = [];
  for (const node of nodes) {
    const previous = merged[merged.length - 1];
    if (node.type === 'text' && previous?.type === 'text' && previous.text!.endsWith(' ') && node.text!.startsWith(' ')) {
      const text = node.text!.slice(1);
      if (text !== '') merged.push({ ...node, text });
      continue;
    }
    merged.push(node);
  }
  while (merged.length > 0 && (merged[0]!.type === 'hardBreak' || (merged[0]!.type === 'text' && merged[0]!.text!.trim() === ''))) merged.shift();
  while (merged.length > 0 && (merged[merged.length - 1]!.type === 'hardBreak' || (merged[merged.length - 1]!.type === 'text' && merged[merged.length - 1]!.text!.trim() === ''))) merged.pop();
  const first = merged[0];
  if (first?.type === 'text') merged[0] = { ...first, text: first.text!.trimStart() };
  const last = merged[merged.length - 1];
  if (last?.type === 'text') merged[merged.length - 1] = { ...last, text: last.text!.trimEnd() };
  return merged;
}

/** A rich text document from untrusted HTML; it always passes `validateRichText`. */
export function sanitizeHtmlToRichText(html: string, options: EmbedOptions = {}): RichTextDocument {
  const clean = sanitizeHtml(html, sanitizeOptions(options));
  const content = new Converter(options).blocks(parse(clean).children);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
