import { diffOpenApi, type ApiDiff } from './openapi-diff.js';

type Json = Record<string, unknown>;

export interface OpenApiCheck {
  diff: ApiDiff;
  /** True when the committed file differs from the generated document in any way. */
  stale: boolean;
  /** Lines to print. */
  report: string[];
  ok: boolean;
}

/** The committed form: two-space JSON with a final newline, so that diffs in review stay readable. */
export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Compares the generated document with the committed one; any breaking change fails the check. */
export function checkOpenApi(committed: Json, generated: Json): OpenApiCheck {
  const diff = diffOpenApi(committed, generated);
  const stale = serializeOpenApi(committed) !== serializeOpenApi(generated);
  const report: string[] = [];
  for (const change of diff.breaking) report.push(`BREAKING  ${change.location}: ${change.message}`);
  for (const change of diff.additive) report.push(`additive  ${change.location}: ${change.message}`);
  if (diff.breaking.length > 0) {
    report.push(
      `${diff.breaking.length} breaking change(s) against openapi/v1.json. Keep the old behaviour (add, deprecate, then remove in /api/v2), ` +
        'or, if the break is intended and agreed, run `npm run api:export` and commit the new document.',
    );
  } else if (stale) {
    report.push('No breaking change, but openapi/v1.json is out of date: run `npm run api:export` and commit it.');
  } else {
    report.push('openapi/v1.json is up to date.');
  }
  return { diff, stale, report, ok: diff.breaking.length === 0 };
}
