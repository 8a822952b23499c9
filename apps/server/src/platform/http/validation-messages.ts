import type { FastifyError } from 'fastify';
import type { FieldError } from './errors.js';

export type AjvIssue = NonNullable<FastifyError['validation']>[number];

const FORMATS: Record<string, string> = {
  email: 'Adresse e-mail invalide.',
  uuid: 'Identifiant invalide.',
  'date-time': 'Date et heure invalides (format attendu : 2026-01-31T09:00:00Z).',
  date: 'Date invalide (format attendu : 2026-01-31).',
  uri: 'Adresse web invalide.',
};

const TYPES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'vrai ou faux',
  array: 'une liste',
  object: 'un objet',
  null: 'vide',
};

/**
 * Field errors of a schema validation in French, one per field: the staff who read them are French
 * speakers, and clients (the back-office among them) show `message` as it is. Alternatives of a
 * union of literals are folded into one "possible values" message instead of one line each.
 */
export function validationFieldErrors(issues: readonly AjvIssue[], context: string | undefined): FieldError[] {
  const prefix = context && context !== 'body' ? `/${context}` : '';
  const allowed = new Map<string, unknown[]>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const pointer = pointerOf(issue, prefix);
    const params = issue.params as Record<string, unknown>;
    if (issue.keyword === 'const' || issue.keyword === 'enum') {
      const values = issue.keyword === 'const' ? [params.allowedValue] : ((params.allowedValues as unknown[]) ?? []);
      allowed.set(pointer, [...(allowed.get(pointer) ?? []), ...values]);
      continue;
    }
    errors.push({ pointer, message: frenchMessage(issue) });
  }
  for (const [pointer, values] of allowed) {
    errors.push({ pointer, message: `Valeur non autorisée. Valeurs possibles : ${values.map((value) => JSON.stringify(value)).join(', ')}.` });
  }
  // A failed union says "anyOf" besides its alternatives' own errors: keep the more precise ones.
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.pointer}\u0000${error.message}`;
    const redundantUnion = error.message === UNION_MESSAGE && errors.some((other) => other.pointer === error.pointer && other.message !== UNION_MESSAGE);
    if (seen.has(key) || redundantUnion) return false;
    seen.add(key);
    return true;
  });
}

const UNION_MESSAGE = 'Valeur invalide.';

function pointerOf(issue: AjvIssue, prefix: string): string {
  const params = issue.params as Record<string, unknown>;
  const base = issue.instancePath ?? '';
  if (issue.keyword === 'required') return `${prefix}${base}/${escapePointer(String(params.missingProperty))}`;
  if (issue.keyword === 'additionalProperties') return `${prefix}${base}/${escapePointer(String(params.additionalProperty))}`;
  return `${prefix}${base}` || '/';
}

function frenchMessage(issue: AjvIssue): string {
  const params = issue.params as Record<string, unknown>;
  switch (issue.keyword) {
    case 'required':
      return 'Ce champ est obligatoire.';
    case 'additionalProperties':
      return "Ce champ n'est pas accepté ici.";
    case 'type':
      return `Valeur invalide : ${TYPES[String(params.type)] ?? String(params.type)} est attendu.`;
    case 'minLength':
      return Number(params.limit) === 1 ? 'Ce champ ne peut pas être vide.' : `Au moins ${String(params.limit)} caractères.`;
    case 'maxLength':
      return `Au plus ${String(params.limit)} caractères.`;
    case 'minimum':
      return `La valeur doit être supérieure ou égale à ${String(params.limit)}.`;
    case 'maximum':
      return `La valeur doit être inférieure ou égale à ${String(params.limit)}.`;
    case 'exclusiveMinimum':
      return `La valeur doit être supérieure à ${String(params.limit)}.`;
    case 'exclusiveMaximum':
      return `La valeur doit être inférieure à ${String(params.limit)}.`;
    case 'multipleOf':
      return `La valeur doit être un multiple de ${String(params.multipleOf)}.`;
    case 'pattern':
      return 'Format invalide.';
    case 'format':
      return FORMATS[String(params.format)] ?? 'Format invalide.';
    case 'minItems':
      return `Au moins ${String(params.limit)} élément(s).`;
    case 'maxItems':
      return `Au plus ${String(params.limit)} élément(s).`;
    case 'uniqueItems':
      return 'Chaque élément ne doit figurer qu’une fois.';
    case 'minProperties':
      return 'Indiquez au moins un champ à modifier.';
    default:
      return UNION_MESSAGE;
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
