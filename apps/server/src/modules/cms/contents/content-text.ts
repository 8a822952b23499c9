import type { FieldError } from '../../../platform/http/errors.js';
import { richTextToPlainText, validateRichText, type RichTextDocument } from '../rich-text/index.js';

// C0 and C1 control characters (tab and line feed excepted nowhere: titles are one line).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Titles are stored as typed (escaping is the renderer's job) but must be one line of printable text. */
export function titleProblems(title: string | undefined, pointer = '/title'): FieldError[] {
  if (title === undefined) return [];
  if (CONTROL.test(title)) return [{ pointer, message: 'Le titre ne peut pas contenir de caractères de contrôle (retours à la ligne, tabulations…).' }];
  if (title.trim() === '') return [{ pointer, message: 'Ce champ ne peut pas être vide.' }];
  return [];
}

/** Same rule for the summary (line breaks allowed there). */
export function summaryProblems(summary: string | null | undefined, pointer = '/summary'): FieldError[] {
  if (summary === undefined || summary === null) return [];
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(summary)
    ? [{ pointer, message: 'Le résumé ne peut pas contenir de caractères de contrôle.' }]
    : [];
}

export function bodyProblems(body: RichTextDocument | undefined, pointer = '/body'): FieldError[] {
  if (body === undefined) return [];
  return validateRichText(body, { pointerPrefix: pointer });
}

export const EMPTY_BODY: RichTextDocument = { type: 'doc', content: [{ type: 'paragraph' }] };

export function plainTextOf(body: RichTextDocument): string {
  return richTextToPlainText(body);
}

/** A slug from a French title: "Loi de finances 2027 : ce qui change" → "loi-de-finances-2027-ce-qui-change". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'contenu';
}
