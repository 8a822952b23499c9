import { withOwnerClient, type Database } from '../../../platform/db/index.js';
import { AI_ASSISTANT_FLAG } from '../answers/asker.js';
import { guidesAsDocuments } from './run-evaluation.js';
import { loadCollection } from './load-collection.js';

/**
 * Demo data of the AI Hub (never in production): the « Guides pratiques » collection of the
 * national office, readable by members network-wide, and the assistant enabled everywhere
 * (flag `ai.assistant`, created on unless it exists). Idempotent.
 */
export async function seedAiDemo(database: Database): Promise<{ summary: string }> {
  const national = await withOwnerClient(database, async (client) => (await client.query<{ id: string }>(`SELECT id FROM entities WHERE kind = 'national'`)).rows[0]?.id);
  if (!national) return { summary: 'skipped (no national office)' };
  const documents = guidesAsDocuments();
  await loadCollection(database, {
    entityId: national,
    name: 'Guides pratiques',
    description: 'Fiches pratiques pour les petites entreprises : embauche, contrats, congés, cotisations, RGPD, facturation électronique…',
    visibility: 'members',
    fileName: 'guides-pratiques.jsonl',
    documents,
  });
  const created = await withOwnerClient(database, async (client) =>
    (
      await client.query(
        `INSERT INTO feature_flags (key, description, kind, variants, default_variant) VALUES ($1, $2, 'boolean', '{"on": true, "off": false}', 'on') ON CONFLICT (key) DO NOTHING`,
        [AI_ASSISTANT_FLAG, "Assistant IA (réponses sourcées) — issue 7"],
      )
    ).rowCount,
  );
  return { summary: `« Guides pratiques »: ${documents.length} documents indexed; flag ${AI_ASSISTANT_FLAG} ${created ? 'created (on)' : 'kept as is'}` };
}
