import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import type { MessageBus } from '../../../platform/bus/index.js';
import type { Database } from '../../../platform/db/index.js';
import { UnsupportedMediaTypeError, ValidationError } from '../../../platform/http/errors.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import type { ColumnOverrides } from './column-mapping.js';
import { dryRunImport, type ImportActor, type UploadedFile } from './import-dry-run.service.js';
import { importJobCollection } from './import-jobs.collection.js';
import { getImportJob, listImportJobs, listImportMappings, openErrorReport, requestImportRun, saveImportMapping } from './imports.service.js';
import {
  ColumnOverridesSchema,
  DryRunSchema,
  type DryRun,
  ImportIdParamsSchema,
  ImportJobSchema,
  MappingParamsSchema,
  SavedMappingSchema,
  SaveMappingSchema,
} from './imports.schema.js';
import type { DryRunBudget } from './dry-run-budget.js';
import { IMPORT_PERMISSIONS } from './permissions.js';
import { spoolUpload, type SpooledFile } from './spooled-upload.js';

const TAGS = ['crm'];
/** Largest accepted upload: a 250,000-row member file is about 40 MB. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;
const checkOverrides = Compile(ColumnOverridesSchema);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ImportRouteDeps {
  database: Database;
  bus: MessageBus;
  /** Shared by this process's dry runs. */
  dryRunBudget: DryRunBudget;
}

/** `/api/v1/imports` (upload + dry run, run, progress, error report) and `/api/v1/import-mappings`. */
export async function importRoutes(instance: FastifyInstance, deps: ImportRouteDeps): Promise<void> {
  await instance.register(multipart, { limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024 } });
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: FastifyRequest): ImportActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.post(
    '/api/v1/imports',
    {
      // A dry run reads and validates the whole file: it costs like an export, not like a write.
      config: { sloClass: 'export' },
      preHandler: requirePermission(IMPORT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Upload a CSV or XLSX file of companies and contacts: dry run, nothing is written to the CRM',
        description:
          'multipart/form-data with `file` (CSV in UTF-8 or Windows-1252, `;` or `,`; or XLSX, first sheet), optional `entityId` ' +
          '(the entity you import for; required when you hold the permission on several) and optional `columnOverrides` ' +
          "(JSON: field → file header, or null to ignore; completes the entity's saved mapping). Returns the job and the row-by-row " +
          'report; run it with POST /api/v1/imports/{id}/run. 422 when the file is unreadable or a required column is missing; ' +
          '503 with Retry-After when the server is already checking as many files as its memory allows.',
        consumes: ['multipart/form-data'],
        response: { 201: DryRunSchema, ...problemResponses(...COMMON_PROBLEMS, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      let result: DryRun;
      try {
        result = await deps.dryRunBudget.within(upload.file.size, () => dryRunImport(database, actorOf(request), upload));
      } finally {
        // Before answering: the temporary file never outlives the request.
        await upload.file.discard();
      }
      return reply.code(201).header('location', `/api/v1/imports/${result.job.id}`).send(result);
    },
  );

  app.post(
    '/api/v1/imports/:id/run',
    {
      preHandler: requirePermission(IMPORT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Run an analysed import in the background, or resume a failed one after its last committed batch',
        params: ImportIdParamsSchema,
        response: { 202: ImportJobSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request, reply) => reply.code(202).send(await requestImportRun(deps, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/imports',
    {
      preHandler: requirePermission(IMPORT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: "Your entities' imports, newest first",
        querystring: importJobCollection.querystring,
        response: { 200: collectionResponse(ImportJobSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listImportJobs(database, dbScopeFor(request, IMPORT_PERMISSIONS.read), importJobCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      preHandler: requirePermission(IMPORT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Progress of an import: status, percentage, rows done, created, updated, unchanged, rejected',
        params: ImportIdParamsSchema,
        response: { 200: ImportJobSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => getImportJob(database, dbScopeFor(request, IMPORT_PERMISSIONS.read), request.params.id),
  );

  app.get(
    '/api/v1/imports/:id/errors.csv',
    {
      preHandler: requirePermission(IMPORT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'The row-by-row report of an import as CSV for French Excel (UTF-8 with BOM, `;`)',
        params: ImportIdParamsSchema,
        response: {
          200: { description: 'Columns Ligne;Statut;Colonne;Code;Message', content: { 'text/csv': { schema: Type.String() } } },
          ...problemResponses(...COMMON_PROBLEMS, 404),
        },
      },
    },
    async (request, reply) => {
      const report = await openErrorReport(database, dbScopeFor(request, IMPORT_PERMISSIONS.read), request.params.id);
      return sendCsvFile(reply, asciiFileName(report.fileName), Readable.from(report.lines));
    },
  );

  app.get(
    '/api/v1/import-mappings',
    {
      preHandler: requirePermission(IMPORT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: "Saved column mappings of your entities (applied to each entity's next uploads)",
        response: { 200: Type.Object({ items: Type.Array(SavedMappingSchema) }), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => ({ items: await listImportMappings(database, dbScopeFor(request, IMPORT_PERMISSIONS.read)) }),
  );

  app.put(
    '/api/v1/import-mappings/:entityId',
    {
      preHandler: requirePermission(IMPORT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: "Save an entity's column mapping (field → file header, or null to ignore the column)",
        params: MappingParamsSchema,
        body: SaveMappingSchema,
        response: { 200: SavedMappingSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request) => saveImportMapping(database, actorOf(request), request.params.entityId, request.body.columnOverrides as ColumnOverrides),
  );
}

/**
 * Reads the multipart form: one `file` (spooled to a temporary file as it arrives), optional
 * `entityId` and `columnOverrides` (JSON). The caller discards the file once done.
 */
async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeError('Envoyez le fichier en multipart/form-data (champ « file »).');
  let file: SpooledFile | undefined;
  try {
    const fields: Record<string, string> = {};
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = await spoolUpload(part.file, part.filename || 'import.csv');
        if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
    return { file: file!, ...uploadFields(file, fields) };
  } catch (error) {
    await file?.discard();
    throw error;
  }
}

/** Checks the form's fields; 422 listing every problem. */
function uploadFields(file: SpooledFile | undefined, fields: Record<string, string>): Omit<UploadedFile, 'file'> {
  const errors: Array<{ pointer: string; message: string }> = [];
  if (!file || file.size === 0) errors.push({ pointer: '/file', message: 'Joignez un fichier CSV ou Excel (.xlsx) non vide.' });
  const entityId = fields.entityId?.trim() || undefined;
  if (entityId !== undefined && !UUID.test(entityId)) errors.push({ pointer: '/entityId', message: "L'identifiant de structure est invalide." });
  let columnOverrides: ColumnOverrides = {};
  if (fields.columnOverrides) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fields.columnOverrides);
    } catch {
      parsed = undefined;
    }
    if (checkOverrides.Check(parsed)) columnOverrides = parsed as ColumnOverrides;
    else errors.push({ pointer: '/columnOverrides', message: 'Le choix des colonnes doit associer un champ connu à un en-tête du fichier (ou null).' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return { columnOverrides, entityId };
}

function sendCsvFile(reply: FastifyReply, fileName: string, body: Readable): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function asciiFileName(name: string): string {
  return name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'rapport.csv';
}
