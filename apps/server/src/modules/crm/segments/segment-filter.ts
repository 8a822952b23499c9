import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { BadRequestError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import type { SegmentTargetSpec } from './segment-targets.js';

/** A saved filter: the list endpoint's own `filter[…]` querystring parameters and their values. */
export type SegmentFilter = Record<string, string | number | boolean>;

const FILTER_KEY = /^filter\[([A-Za-z][A-Za-z0-9]*)\](?:\[([a-z]+)\])?$/;

/** RFC 6901: `~` and `/` are escaped inside a pointer's segment. */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Checks a filter against the target list's querystring schema (the same one Fastify applies to
 * the list URL) and returns it with values converted as the querystring would be (`"5"` → 5).
 * Every problem is reported with a pointer into the request body: 422.
 */
export function validateSegmentFilter(spec: SegmentTargetSpec, filter: Record<string, unknown>, base = '/filter'): SegmentFilter {
  const properties = spec.collection.querystring.properties as Record<string, TSchema>;
  const errors: FieldError[] = [];
  const normalised: SegmentFilter = {};
  for (const [key, value] of Object.entries(filter)) {
    const pointer = `${base}/${pointerSegment(key)}`;
    const problem = unknownParameterProblem(spec, key);
    if (problem) {
      errors.push({ pointer, message: problem });
      continue;
    }
    const schema = properties[key]!;
    const converted = Value.Convert(schema, value);
    if (!Value.Check(schema, converted)) {
      errors.push({ pointer, message: `Valeur invalide pour ce filtre (${(schema as { description?: string }).description ?? key}).` });
      continue;
    }
    normalised[key] = converted as string | number | boolean;
  }
  if (errors.length === 0) errors.push(...listElementProblems(spec, normalised, base));
  if (errors.length > 0) throw new ValidationError(errors, "Le filtre du segment n'est pas valide.");
  return normalised;
}

function unknownParameterProblem(spec: SegmentTargetSpec, key: string): string | null {
  const match = FILTER_KEY.exec(key);
  const fields = spec.collection.fields;
  if (!match) return `« ${key} » n'est pas un filtre : les clés ont la forme filter[champ] ou filter[champ][opérateur].`;
  const [, name, operator = 'eq'] = match;
  const field = fields[name!];
  if (!field?.filter?.length) {
    const filterable = Object.entries(fields)
      .filter(([, candidate]) => candidate.filter?.length)
      .map(([candidate]) => candidate);
    return `Champ inconnu « ${name} » pour ${spec.label}. Champs filtrables : ${filterable.join(', ')}.`;
  }
  if (!field.filter.includes(operator as never)) {
    return `L'opérateur « ${operator} » n'est pas disponible pour « ${name} » (possibles : ${field.filter.join(', ')}).`;
  }
  return null;
}

/** The collection's second stage checks each element of `[in]` lists; its pointers name the querystring. */
function listElementProblems(spec: SegmentTargetSpec, filter: SegmentFilter, base: string): FieldError[] {
  try {
    spec.collection.parse(filter);
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestError)) throw error;
    return error.errors.map((problem) => ({
      pointer: `${base}/${pointerSegment(problem.pointer.replace(/^\/querystring\//, ''))}`,
      message: `Valeur invalide dans la liste : ${problem.message}`,
    }));
  }
}
