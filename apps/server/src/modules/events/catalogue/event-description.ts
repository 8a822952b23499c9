import type { FieldError } from '../../../platform/http/errors.js';
// Every rich-text use of this module goes through here.
import { collectMediaIds, richTextToPlainText, RichTextDocumentSchema, validateRichText, type RichTextDocument } from '../../cms/index.js';

export { RichTextDocumentSchema as EventDescriptionSchema };
export type EventDescription = RichTextDocument;

/** Rich-text problems of a description (French, pointers under `/description`). */
export function descriptionErrors(doc: EventDescription | null): FieldError[] {
  if (!doc) return [];
  const errors: FieldError[] = validateRichText(doc, { pointerPrefix: '/description' });
  // Images would need media usages (kept while an event shows them): not supported yet.
  if (errors.length === 0 && collectMediaIds(doc).length > 0) {
    errors.push({ pointer: '/description', message: "Les images ne sont pas encore acceptées dans la description d'un événement." });
  }
  return errors;
}

/** The readable text of a description (iCalendar feed, e-mails); null when empty. */
export function descriptionText(doc: EventDescription | null): string | null {
  const text = richTextToPlainText(doc);
  return text.length > 0 ? text : null;
}

/** A description from plain paragraphs separated by blank lines (demo data). */
export function descriptionFromParagraphs(text: string): EventDescription {
  return {
    type: 'doc',
    content: text.split(/\n{2,}/).map((paragraph) => ({
      type: 'paragraph' as const,
      content: paragraph.split('\n').flatMap((line, index) => [
        ...(index > 0 ? [{ type: 'hardBreak' as const }] : []),
        ...(line.length > 0 ? [{ type: 'text' as const, text: line }] : []),
      ]),
    })),
  };
}
