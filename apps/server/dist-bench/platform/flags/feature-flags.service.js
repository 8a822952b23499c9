import { auditActorFrom, recordAudit } from '../audit/index.js';
import { dbScopeFor, PLATFORM_PERMISSIONS, requirePrincipal } from '../auth/index.js';
import { withTransaction } from '../db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../http/errors.js';
import { applyMergePatch } from '../http/merge-patch.js';
import { findFlag, insertFlag, listFlags, roleCodesAt, updateFlag } from './feature-flags.repository.js';
import { BOOLEAN_VARIANTS } from './flag-evaluation.js';
import { flagProblems } from './flag-validation.js';
const PERMISSION = PLATFORM_PERMISSIONS.flagsManage;
/** Flag administration (national staff) and the current user's evaluated flags. */
export class FeatureFlagsService {
    database;
    entityTree;
    provider;
    constructor(database, entityTree, provider) {
        this.database = database;
        this.entityTree = entityTree;
        this.provider = provider;
    }
    list(request) {
        return withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => listFlags(tx), { readOnly: true });
    }
    async get(request, key) {
        const flag = await withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => findFlag(tx, key), { readOnly: true });
        if (!flag)
            throw new NotFoundError('Feature flag');
        return flag;
    }
    async create(request, input) {
        const fields = {
            key: input.key,
            description: input.description,
            kind: input.kind,
            variants: input.kind === 'boolean' ? (input.variants ?? BOOLEAN_VARIANTS) : (input.variants ?? {}),
            defaultVariant: input.defaultVariant,
            rules: input.rules,
            enabled: input.enabled,
        };
        await this.validate(fields);
        const created = await this.write(request, async (tx, userId) => {
            const flag = await insertFlag(tx, fields, userId);
            if (!flag)
                throw new ConflictError(`A feature flag with the key "${fields.key}" already exists.`, 'feature_flag_exists');
            await audit(tx, request, 'platform.feature-flag.created', null, flag);
            return flag;
        });
        return created;
    }
    /** `expectedVersion` from If-Match; null (`*`) accepts any current version. */
    async update(request, key, expectedVersion, patch) {
        // The entity tree is read before the transaction: on PGlite a pool query inside it would wait forever.
        const tree = await this.entityTree.current();
        return this.write(request, async (tx, userId) => {
            const current = await findFlag(tx, key);
            if (!current)
                throw new NotFoundError('Feature flag');
            if (expectedVersion !== null && expectedVersion !== current.version)
                throw new PreconditionFailedError();
            const merged = applyMergePatch(editable(current), patch);
            const problems = flagProblems(merged, tree);
            if (problems.length > 0)
                throw new ValidationError(problems);
            const updated = await updateFlag(tx, merged, current.version, userId);
            if (!updated)
                throw new PreconditionFailedError();
            await audit(tx, request, 'platform.feature-flag.updated', current, updated);
            return updated;
        });
    }
    /** Every flag evaluated for the caller acting for `entityId` (with the roles they hold there). */
    async evaluateForCaller(request, entityId) {
        const principal = requirePrincipal(request);
        let roles = [];
        if (entityId) {
            if (!(await this.entityTree.current()).get(entityId))
                throw new NotFoundError('Entity');
            roles = await withTransaction(this.database, { kind: 'system' }, (tx) => roleCodesAt(tx.client, principal.userId, entityId), { readOnly: true });
        }
        return this.provider.evaluateAll({ targetingKey: principal.userId, ...(entityId ? { entityId } : {}), roles });
    }
    async validate(fields) {
        const problems = flagProblems(fields, await this.entityTree.current());
        if (problems.length > 0)
            throw new ValidationError(problems);
    }
    /** Writes, then reloads this process's flags before answering, so the caller reads its own change. */
    async write(request, work) {
        const userId = requirePrincipal(request).userId;
        const flag = await withTransaction(this.database, dbScopeFor(request, PERMISSION), (tx) => work(tx, userId));
        await this.provider.refresh();
        return flag;
    }
}
function editable(flag) {
    const { key, description, kind, variants, defaultVariant, rules, enabled } = flag;
    return { key, description, kind, variants, defaultVariant, rules, enabled };
}
function audit(tx, request, action, before, after) {
    const snapshot = (flag) => ({ ...editable(flag), version: flag.version });
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
//# sourceMappingURL=feature-flags.service.js.map