import { diffWordsWithSpace } from 'diff';

/** One run of text: unchanged, added in the newer revision, or removed from the older one. */
export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RevisionComparable {
  title: string;
  summary: string | null;
  fields: Record<string, unknown>;
  plainText: string;
}

export interface RevisionDiff {
  /** Changed fields, title and summary included (the body is compared as text in `body`). */
  fields: FieldChange[];
  /** Word diff of the body's plain text (whitespace and line breaks kept). */
  body: TextChange[];
  bodyChanged: boolean;
}

const FIELD_KEYS = ['coverMediaId', 'categoryIds', 'tags', 'author', 'documentMediaId'] as const;

/** A readable comparison of two revisions: what changed in the fields, and a word diff of the text. */
export function diffRevisions(from: RevisionComparable, to: RevisionComparable): RevisionDiff {
  const fields: FieldChange[] = [];
  if (from.title !== to.title) fields.push({ field: 'title', before: from.title, after: to.title });
  if (from.summary !== to.summary) fields.push({ field: 'summary', before: from.summary, after: to.summary });
  for (const key of FIELD_KEYS) {
    const before = from.fields[key] ?? null;
    const after = to.fields[key] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) fields.push({ field: `fields.${key}`, before, after });
  }
  const body: TextChange[] = diffWordsWithSpace(from.plainText, to.plainText).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
  return { fields, body, bodyChanged: body.some((part) => part.op !== 'equal') };
}
