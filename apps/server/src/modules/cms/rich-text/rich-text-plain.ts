import type { RichTextDocument, RichTextNode } from './rich-text.schema.js';
import { MAX_DEPTH } from './rich-text-model.js';

const BLOCK_SEPARATOR = '\n\n';

/**
 * The readable text of a document (search, excerpts, AI indexing, meta descriptions): blocks are
 * separated by blank lines, list items and line breaks by new lines, table cells by " | ".
 * Images and embeds carry no text.
 */
export function richTextToPlainText(doc: RichTextDocument | null | undefined): string {
  if (!doc || !Array.isArray(doc.content)) return '';
  return blocks(doc.content, 0).trim();
}

function blocks(nodes: unknown, depth: number): string {
  if (!Array.isArray(nodes) || depth > MAX_DEPTH) return '';
  return (nodes as RichTextNode[])
    .map((node) => block(node, depth + 1))
    .filter((text) => text !== '')
    .join(BLOCK_SEPARATOR);
}

function block(node: RichTextNode, depth: number): string {
  if (typeof node !== 'object' || node === null) return '';
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return inline(node.content).trim();
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).map((item) => blocks(item.content, depth).replace(/\n\n/g, '\n')).filter((text) => text !== '').join('\n');
    case 'blockquote':
    case 'listItem':
    case 'tableHeader':
    case 'tableCell':
      return blocks(node.content, depth);
    case 'table':
      return (node.content ?? [])
        .map((row) => (row.content ?? []).map((cell) => blocks(cell.content, depth).replace(/\s*\n+\s*/g, ' ')).join(' | '))
        .join('\n');
    default:
      return '';
  }
}

function inline(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  return (nodes as RichTextNode[]).map((node) => (node?.type === 'text' && typeof node.text === 'string' ? node.text : node?.type === 'hardBreak' ? '\n' : '')).join('');
}
