import { Type, type Static, type TSchema } from 'typebox';
import { ENTITY_EXPORT_STATUSES } from './entity-exports.tables.js';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const EntityExportRequestSchema = Type.Object(
  { entityId: Type.String({ format: 'uuid', description: 'The entity whose data (with its whole subtree) is exported' }) },
  { additionalProperties: false },
);

export const EntityExportIdParamsSchema = Type.Object({ id: Uuid });

const SummarySchema = Type.Object(
  {
    entityCode: Type.String(),
    entityName: Type.String(),
    tables: Type.Integer({ minimum: 0 }),
    rows: Type.Integer({ minimum: 0 }),
    mediaFiles: Type.Integer({ minimum: 0 }),
    decryptedColumns: Type.Array(Type.String(), { description: '`table.column` values written in clear in the archive' }),
  },
  { description: "Counts from the archive's manifest.json, which lists every file with its sha256" },
);

export const EntityExportSchema = Type.Object({
  id: Uuid,
  entityId: Uuid,
  status: Type.Union(
    [
      Type.Literal(ENTITY_EXPORT_STATUSES[0]),
      Type.Literal(ENTITY_EXPORT_STATUSES[1]),
      Type.Literal(ENTITY_EXPORT_STATUSES[2]),
      Type.Literal(ENTITY_EXPORT_STATUSES[3]),
    ],
    { description: 'queued → running → completed, or failed (see `error`; the bus retries it before giving up)' },
  ),
  bytes: Nullable(Type.Integer({ minimum: 0, description: 'Size of the archive' })),
  sha256: Nullable(Type.String({ description: 'SHA-256 of the archive file, hex' })),
  summary: Nullable(SummarySchema),
  attempts: Type.Integer({ minimum: 0 }),
  error: Nullable(Type.String()),
  requestedBy: Nullable(Uuid),
  archiveUrl: Nullable(Type.String({ description: 'Where to download the archive once completed' })),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
});
export type EntityExport = Static<typeof EntityExportSchema>;
