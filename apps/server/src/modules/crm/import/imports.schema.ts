import { Type, type Static } from 'typebox';
import { IMPORT_FIELDS } from './column-mapping.js';
import { IMPORT_FILE_FORMATS, IMPORT_JOB_STATUSES } from './import-jobs.tables.js';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Count = Type.Integer({ minimum: 0 });

/** Field → file header to use, or null to ignore a column the defaults would pick. */
export const ColumnOverridesSchema = Type.Object(
  Object.fromEntries(IMPORT_FIELDS.map((field) => [field, Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]))])),
  { additionalProperties: false, description: `Column choices by field (${IMPORT_FIELDS.join(', ')}): the file header, or null to ignore the column` },
);

export const ImportJobSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    fileName: Type.String(),
    fileFormat: Type.Union([Type.Literal(IMPORT_FILE_FORMATS[0]), Type.Literal(IMPORT_FILE_FORMATS[1])]),
    fileSize: Count,
    status: Type.Union(
      [
        Type.Literal(IMPORT_JOB_STATUSES[0]),
        Type.Literal(IMPORT_JOB_STATUSES[1]),
        Type.Literal(IMPORT_JOB_STATUSES[2]),
        Type.Literal(IMPORT_JOB_STATUSES[3]),
        Type.Literal(IMPORT_JOB_STATUSES[4]),
      ],
      {
        description: 'dry_run_done (analysed, nothing written), queued, running, completed, failed (resumable with POST …/run)',
      },
    ),
    columns: Type.Record(Type.String(), Type.String(), { description: 'Field → file header used by this import' }),
    columnOverrides: ColumnOverridesSchema,
    rows: Type.Object({
      total: Count,
      valid: Count,
      rejected: Count,
      done: Count,
      created: Count,
      updated: Count,
      unchanged: Count,
    }),
    percent: Type.Integer({ minimum: 0, maximum: 100, description: 'Share of the file processed by the run' }),
    attempts: Count,
    lastError: Type.Union([Type.String(), Type.Null()], { description: 'Why the last attempt stopped (French)' }),
    errorsUrl: Type.String({ description: 'The row-by-row error report (CSV)' }),
    createdAt: DateTime,
    updatedAt: DateTime,
    startedAt: Type.Union([DateTime, Type.Null()]),
    finishedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ImportJob = Static<typeof ImportJobSchema>;

export const ReportRowSchema = Type.Object(
  {
    row: Type.Integer({ description: 'Row number as Excel shows it (header = 1)' }),
    status: Type.Union([Type.Literal('rejected'), Type.Literal('accepted')]),
    problems: Type.Array(Type.Object({ column: Type.String(), code: Type.String(), message: Type.String() }, { additionalProperties: false })),
    warnings: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type ReportRow = Static<typeof ReportRowSchema>;

export const DryRunSchema = Type.Object(
  {
    job: ImportJobSchema,
    encoding: Type.Union([Type.String(), Type.Null()], { description: 'CSV only: utf-8 or windows-1252' }),
    separator: Type.Union([Type.String(), Type.Null()], { description: 'CSV only: ; , or tab' }),
    headers: Type.Array(Type.String()),
    ignoredHeaders: Type.Array(Type.String(), { description: 'Columns that feed no field' }),
    report: Type.Array(ReportRowSchema, { description: 'Rejected rows and accepted rows with warnings, in file order (the first 1,000; all of them in errorsUrl)' }),
    reportTruncated: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type DryRun = Static<typeof DryRunSchema>;

export const ImportIdParamsSchema = Type.Object({ id: Uuid });

export const SavedMappingSchema = Type.Object(
  { entityId: Uuid, columnOverrides: ColumnOverridesSchema, updatedBy: Type.Union([Uuid, Type.Null()]), updatedAt: DateTime },
  { additionalProperties: false },
);
export type SavedMapping = Static<typeof SavedMappingSchema>;

export const SaveMappingSchema = Type.Object({ columnOverrides: ColumnOverridesSchema }, { additionalProperties: false });
export const MappingParamsSchema = Type.Object({ entityId: Uuid });
