import type { RichTextNodeType } from './rich-text.schema.js';

/** Which children each node may hold (the content expressions of the allowlist). */
const INLINE: readonly RichTextNodeType[] = ['text', 'hardBreak'];
const FLOW_BLOCKS: readonly RichTextNodeType[] = ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'codeBlock', 'horizontalRule', 'image'];
const TOP_BLOCKS: readonly RichTextNodeType[] = [...FLOW_BLOCKS, 'table', 'embed'];

export const DOC_CHILDREN = TOP_BLOCKS;

export const CHILDREN: Record<RichTextNodeType, readonly RichTextNodeType[]> = {
  paragraph: INLINE,
  heading: INLINE,
  bulletList: ['listItem'],
  orderedList: ['listItem'],
  listItem: FLOW_BLOCKS,
  blockquote: FLOW_BLOCKS,
  codeBlock: ['text'],
  horizontalRule: [],
  hardBreak: [],
  image: [],
  table: ['tableRow'],
  tableRow: ['tableHeader', 'tableCell'],
  tableHeader: FLOW_BLOCKS,
  tableCell: FLOW_BLOCKS,
  embed: [],
  text: [],
};

export const MAX_DEPTH = 24;
export const MAX_NODES = 20_000;
