import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { type Database } from '../db/index.js';
import type { DbFlagProvider } from './db-flag-provider.js';
import type { CreateFeatureFlagSchema, FeatureFlagPatchSchema } from './feature-flags.schema.js';
import { type FeatureFlag, type FlagEvaluation } from './flag-evaluation.js';
/** Flag administration (national staff) and the current user's evaluated flags. */
export declare class FeatureFlagsService {
    private readonly database;
    private readonly provider;
    constructor(database: Database, provider: DbFlagProvider);
    list(request: FastifyRequest): Promise<FeatureFlag[]>;
    get(request: FastifyRequest, key: string): Promise<FeatureFlag>;
    create(request: FastifyRequest, input: Static<typeof CreateFeatureFlagSchema>): Promise<FeatureFlag>;
    /** `expectedVersion` from If-Match; null (`*`) accepts any current version. */
    update(request: FastifyRequest, key: string, expectedVersion: number | null, patch: Static<typeof FeatureFlagPatchSchema>): Promise<FeatureFlag>;
    /** Every flag evaluated for the caller acting for `entityId` (with the roles they hold there; an unknown entity matches no rule). */
    evaluateForCaller(request: FastifyRequest, entityId: string | undefined): Promise<FlagEvaluation[]>;
    /** Writes, then reloads this process's flags before answering, so the caller reads its own change. */
    private write;
}
