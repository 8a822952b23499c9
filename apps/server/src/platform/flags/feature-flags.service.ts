import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { auditActorFrom, recordAudit } from '../audit/index.js';
import { dbScopeFor, PLATFORM_PERMISSIONS, requirePrincipal } from '../auth/index.js';
import { withTransaction, type Database, type Tx } from '../db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../http/errors.js';
import { applyMergePatch } from '../http/merge-patch.js';
import type { DbFlagProvider } from './db-flag-provider.js';
import { findFlag, insertFlag, listFlags, roleCodesAt, unknownEntityIds, updateFlag, type FlagFields } from './feature-flags.repository.js';
import type { CreateFeatureFlagSchema, FeatureFlagPatchSchema } from './feature-flags.schema.js';
import { BOOLEAN_VARIANTS, type FeatureFlag, type FlagEvaluation } from './flag-evaluation.js';
import type { FlagValue } from './flag-rules.js';
import { flagProblems } from './flag-validation.js';

const PERMISSION = PLATFORM_PERMISSIONS.flagsManage;

/** Flag administration (national staff) and the current user's evaluated flags. */
export class FeatureFlagsService {
  constructor(
    private readonly database: Database,
    private readonly provider: DbFlagProvider,
  ) {}

  list(request: FastifyRequest): Promise<FeatureFlag[]> {
    return withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => listFlags(tx), { readOnly: true });
  }

  async get(request: FastifyRequest, key: string): Promise<FeatureFlag> {
    const flag = await withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => findFlag(tx, key), { readOnly: true });
    if (!flag) throw new NotFoundError('Feature flag');
    return flag;
  }

  async create(request: FastifyRequest, input: Static<typeof CreateFeatureFlagSchema>): Promise<FeatureFlag> {
    const fields: FlagFields = {
      key: input.key,
      description: input.description,
      kind: input.kind,
      variants: (input.variants ?? (input.kind === 'boolean' ? BOOLEAN_VARIANTS : {})) as Record<string, FlagValue>,
      defaultVariant: input.defaultVariant,
      rules: input.rules,
      enabled: input.enabled,
    };
    const created = await this.write(request, async (tx, userId) => {
      await validate(tx, fields);
      const flag = await insertFlag(tx, fields, userId);
      if (!flag) throw new ConflictError(`A feature flag with the key "${fields.key}" already exists.`, 'feature_flag_exists');
      await audit(tx, request, 'platform.feature_flag.created', null, flag);
      return flag;
    });
    return created;
  }

  /** `expectedVersion` from If-Match; null (`*`) accepts any current version. */
  async update(request: FastifyRequest, key: string, expectedVersion: number | null, patch: Static<typeof FeatureFlagPatchSchema>): Promise<FeatureFlag> {
    return this.write(request, async (tx, userId) => {
      const current = await findFlag(tx, key);
      if (!current) throw new NotFoundError('Feature flag');
      if (expectedVersion !== null && expectedVersion !== current.version) throw new PreconditionFailedError();
      const merged = applyMergePatch(editable(current), patch);
      await validate(tx, merged);
      const updated = await updateFlag(tx, merged, current.version, userId);
      if (!updated) throw new PreconditionFailedError();
      await audit(tx, request, 'platform.feature_flag.updated', current, updated);
      return updated;
    });
  }

  /** Every flag evaluated for the caller acting for `entityId` (with the roles they hold there; an unknown entity matches no rule). */
  async evaluateForCaller(request: FastifyRequest, entityId: string | undefined): Promise<FlagEvaluation[]> {
    const principal = requirePrincipal(request);
    let roles: string[] = [];
    if (entityId) {
      roles = await withTransaction(this.database, { kind: 'system' }, (tx) => roleCodesAt(tx.client, principal.userId, entityId), { readOnly: true });
    }
    return this.provider.evaluateAll({ targetingKey: principal.userId, ...(entityId ? { entityId } : {}), roles });
  }

  /** Writes, then reloads this process's flags before answering, so the caller reads its own change. */
  private async write(request: FastifyRequest, work: (tx: Tx, userId: string) => Promise<FeatureFlag>): Promise<FeatureFlag> {
    const userId = requirePrincipal(request).userId;
    const flag = await withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => work(tx, userId));
    // The change is committed either way; a failed reload is retried by the periodic refresh.
    await this.provider.refresh().catch((error: unknown) => request.log.warn({ err: error }, 'feature flags reload after a change failed'));
    return flag;
  }
}

async function validate(tx: Tx, fields: FlagFields): Promise<void> {
  const named = [...new Set(fields.rules.flatMap((rule) => rule.entityIds ?? []))];
  const problems = flagProblems(fields, new Set(await unknownEntityIds(tx, named)));
  if (problems.length > 0) throw new ValidationError(problems);
}

function editable(flag: FeatureFlag): FlagFields {
  const { key, description, kind, variants, defaultVariant, rules, enabled } = flag;
  return { key, description, kind, variants, defaultVariant, rules, enabled };
}

function audit(tx: Tx, request: FastifyRequest, action: string, before: FeatureFlag | null, after: FeatureFlag): Promise<void> {
  const snapshot = (flag: FeatureFlag) => ({ ...editable(flag), version: flag.version });
  return recordAudit(tx, {
    action,
    resourceType: 'feature_flag',
    resourceId: after.key,
    entityId: null,
    before: before ? snapshot(before) : null,
    after: snapshot(after),
    actor: auditActorFrom(request),
  });
}
