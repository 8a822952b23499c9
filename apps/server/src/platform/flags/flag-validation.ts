import type { FieldError } from '../http/errors.js';
import type { FlagFields } from './feature-flags.repository.js';

const MAX_VARIANTS = 50;

/**
 * Rules the schema cannot express: variants exist, boolean flags keep on/off, named entities exist
 * (`unknownEntities`, looked up by the caller). Empty when valid.
 */
export function flagProblems(flag: FlagFields, unknownEntities: ReadonlySet<string>): FieldError[] {
  const problems: FieldError[] = [];
  const names = Object.keys(flag.variants);
  if (flag.kind === 'boolean') {
    if (names.length !== 2 || flag.variants.on !== true || flag.variants.off !== false) {
      problems.push({ pointer: '/variants', message: 'Une fonctionnalité booléenne a exactement les variantes on (true) et off (false).' });
    }
  } else {
    if (names.length === 0 || names.length > MAX_VARIANTS) problems.push({ pointer: '/variants', message: `Indiquez de 1 à ${MAX_VARIANTS} variantes.` });
    for (const name of names) {
      const value = flag.variants[name];
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) problems.push({ pointer: `/variants/${name}`, message: 'Un nom de variante ne contient que des lettres, des chiffres, « - » et « _ ».' });
      if (value === null || value === undefined || Array.isArray(value)) {
        problems.push({ pointer: `/variants/${name}`, message: 'La valeur d\'une variante est un booléen, un texte, un nombre ou un objet.' });
      }
    }
  }
  if (!names.includes(flag.defaultVariant)) problems.push({ pointer: '/defaultVariant', message: 'Choisissez l\'une des variantes.' });
  flag.rules.forEach((rule, index) => {
    if (!names.includes(rule.variant)) problems.push({ pointer: `/rules/${index}/variant`, message: 'Choisissez l\'une des variantes.' });
    rule.entityIds?.forEach((id, position) => {
      if (unknownEntities.has(id)) problems.push({ pointer: `/rules/${index}/entityIds/${position}`, message: 'Entité inconnue.' });
    });
    if (rule.percentage !== undefined && Math.abs(Math.round(rule.percentage * 100) - rule.percentage * 100) > 1e-9) {
      problems.push({ pointer: `/rules/${index}/percentage`, message: 'Deux décimales au plus.' });
    }
  });
  return problems;
}
