import type { FieldError } from '../../../../platform/http/errors.js';
import { normaliseText } from './extract-text.js';

/** One document of a JSON Lines upload: `{ id, num | title, text, url, version }` (the Code du travail fixture's shape). */
export interface JsonLinesDocument {
  /** The record's id in its own system (a Légifrance article version id). */
  externalRef: string;
  title: string;
  /** Section path the record sits under (its `title` when `num` names it). */
  heading: string | null;
  text: string;
  url: string | null;
  version: string | null;
}

export const MAX_JSON_LINES_DOCUMENTS = 20_000;

function stringField(record: Record<string, unknown>, name: string): string | null {
  const value = record[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Parses every line; returns the documents, or the problems with a pointer `/lines/<n>` (1-based line numbers). */
export function parseJsonLines(content: string): { documents: JsonLinesDocument[]; errors: FieldError[] } {
  const documents: JsonLinesDocument[] = [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const lines = normaliseText(content).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '' || errors.length >= 20) return;
    const pointer = `/lines/${index + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      errors.push({ pointer, message: 'Ligne JSON invalide.' });
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      errors.push({ pointer, message: 'Chaque ligne doit être un objet JSON.' });
      return;
    }
    const fields = record as Record<string, unknown>;
    const text = typeof fields['text'] === 'string' ? normaliseText(fields['text']).trim() : '';
    const num = stringField(fields, 'num');
    const rawTitle = stringField(fields, 'title');
    const externalRef = stringField(fields, 'id') ?? num;
    if (text === '') errors.push({ pointer: `${pointer}/text`, message: 'Le texte est obligatoire.' });
    if (!num && !rawTitle) errors.push({ pointer: `${pointer}/title`, message: 'Un titre (« title ») ou un numéro (« num ») est obligatoire.' });
    if (!externalRef) errors.push({ pointer: `${pointer}/id`, message: 'Un identifiant (« id ») est obligatoire.' });
    if (text === '' || (!num && !rawTitle) || !externalRef) return;
    if (seen.has(externalRef)) {
      errors.push({ pointer: `${pointer}/id`, message: `L'identifiant « ${externalRef} » apparaît deux fois.` });
      return;
    }
    seen.add(externalRef);
    documents.push({
      externalRef,
      title: num ? `Article ${num}` : rawTitle!,
      heading: num ? rawTitle : null,
      text,
      url: stringField(fields, 'url'),
      version: stringField(fields, 'version'),
    });
  });
  if (documents.length > MAX_JSON_LINES_DOCUMENTS) {
    errors.push({ pointer: '/lines', message: `Au plus ${MAX_JSON_LINES_DOCUMENTS} documents par fichier.` });
  }
  if (documents.length === 0 && errors.length === 0) errors.push({ pointer: '/lines', message: 'Le fichier ne contient aucun document.' });
  return { documents, errors };
}
