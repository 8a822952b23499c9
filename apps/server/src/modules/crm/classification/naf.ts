import { createRequire } from 'node:module';
import { ok, violation, type RuleResult } from '../rule-result.js';

/**
 * Classification versions a stored activity code can belong to. INSEE's NAF 2025 replaces NAF rév. 2
 * for SIRENE in 2027 with different codes, so a code is never stored without its version; add
 * `'NAF_2025'` here together with its table.
 */
export type NafVersion = 'NAF_REV2';

export const CURRENT_NAF_VERSION: NafVersion = 'NAF_REV2';

export interface NafActivity {
  /** Sous-classe in INSEE's display form: `62.01Z`. */
  readonly code: string;
  readonly version: NafVersion;
  readonly label: string;
}

interface RawNafEntry {
  id: string;
  label: string;
}

const require = createRequire(import.meta.url);

const VERSION_LABELS: Record<NafVersion, string> = { NAF_REV2: 'NAF rév. 2' };

let tables: Map<NafVersion, Map<string, string>> | undefined;

/**
 * @socialgouv/codes-naf ships NAF rév. 2 as one list mixing sections' levels (`62`, `62.0`, `62.01`,
 * `62.01Z`); only the 732 sous-classes (with their letter) are codes an APE can take.
 */
function nafTable(version: NafVersion): Map<string, string> {
  tables ??= new Map([
    [
      'NAF_REV2',
      new Map(
        (require('@socialgouv/codes-naf/index.json') as RawNafEntry[])
          .filter((entry) => /^\d{2}\.\d{2}[A-Z]$/.test(entry.id))
          .map((entry) => [entry.id, entry.label]),
      ),
    ],
  ]);
  const table = tables.get(version);
  if (!table) throw new Error(`No NAF table loaded for ${version}.`);
  return table;
}

/** Accepts `6201Z`, `62.01Z`, `62 01 z`; returns the sous-classe in display form with its label. */
export function parseNafCode(input: string, version: NafVersion = CURRENT_NAF_VERSION): RuleResult<NafActivity> {
  const shown = input.trim();
  if (shown === '') return violation('naf_required', 'Le code NAF (APE) est obligatoire.');
  const match = /^(\d{2})[.\s\u00a0]?(\d{2})\s?([A-Za-z])$/.exec(shown);
  if (!match) {
    return violation('naf_format', `Le code NAF « ${shown} » n'a pas la forme attendue : 4 chiffres et une lettre, par exemple 62.01Z.`);
  }
  const code = `${match[1]}.${match[2]}${match[3]!.toUpperCase()}`;
  const label = nafTable(version).get(code);
  if (label === undefined) {
    return violation('naf_unknown', `Le code NAF « ${shown} » n'existe pas dans la nomenclature ${VERSION_LABELS[version]}.`);
  }
  return ok({ code, version, label });
}
