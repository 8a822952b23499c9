import { Type } from 'typebox';

/**
 * Rich text is stored as a ProseMirror/Tiptap JSON document. This schema checks the envelope (the
 * node and mark names of the allowlist, sizes); the nesting rules, attributes and URLs are checked by
 * `validateRichText`, which every write must call (its problems carry JSON pointers like Ajv's).
 */
export const RICH_TEXT_NODE_TYPES = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'image',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'embed',
  'text',
] as const;
export type RichTextNodeType = (typeof RICH_TEXT_NODE_TYPES)[number];

export const RICH_TEXT_MARK_TYPES = ['bold', 'italic', 'underline', 'strike', 'code', 'link'] as const;
export type RichTextMarkType = (typeof RICH_TEXT_MARK_TYPES)[number];

export interface RichTextMark {
  type: RichTextMarkType;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: RichTextNodeType;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: RichTextMark[];
  text?: string;
}

export interface RichTextDocument {
  type: 'doc';
  content?: RichTextNode[];
}

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

const RichTextMarkSchema = Type.Object(
  { type: literals(RICH_TEXT_MARK_TYPES), attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())) },
  { additionalProperties: false },
);

const RichTextNodeSchema = Type.Object(
  {
    type: literals(RICH_TEXT_NODE_TYPES),
    attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    content: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 5000, description: 'Child nodes (same shape)' })),
    marks: Type.Optional(Type.Array(RichTextMarkSchema, { maxItems: 10 })),
    text: Type.Optional(Type.String({ maxLength: 100_000 })),
  },
  { additionalProperties: false },
);

const DocumentEnvelope = Type.Object(
  {
    type: Type.Literal('doc'),
    content: Type.Optional(Type.Array(RichTextNodeSchema, { maxItems: 5000 })),
  },
  {
    additionalProperties: false,
    description:
      'ProseMirror/Tiptap JSON document. Nodes: paragraph, heading (level 2–4), bulletList, orderedList, listItem, blockquote, codeBlock, horizontalRule, hardBreak, image {mediaId, alt}, table/tableRow/tableHeader/tableCell, embed {provider: youtube|vimeo|dailymotion|peertube, url}. Marks: bold, italic, underline, strike, code, link {href: http(s), mailto or /path}.',
  },
);

/** TypeBox schema of a stored rich text document (its static type is the recursive interface). */
export const RichTextDocumentSchema = Type.Unsafe<RichTextDocument>(DocumentEnvelope);

export const EMPTY_RICH_TEXT: RichTextDocument = { type: 'doc', content: [{ type: 'paragraph' }] };
