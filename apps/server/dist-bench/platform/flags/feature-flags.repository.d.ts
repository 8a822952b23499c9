import type pg from 'pg';
import { type Database, type Tx } from '../db/index.js';
import type { FeatureFlag } from './flag-evaluation.js';
export interface FlagsSnapshotRows {
    flags: FeatureFlag[];
    /** For every entity under an entity named by a rule: those named entities covering it (itself included). */
    coveringRoots: Map<string, Set<string>>;
}
/**
 * Every flag, and the subtrees of the entities their rules name (from the closure table), read by
 * the provider in the background, never while a caller holds a transaction.
 */
export declare function loadFlagsSnapshot(database: Database): Promise<FlagsSnapshotRows>;
/** The ids among `ids` that name no entity. */
export declare function unknownEntityIds(tx: Tx, ids: readonly string[]): Promise<string[]>;
export declare function listFlags(tx: Tx): Promise<FeatureFlag[]>;
export declare function findFlag(tx: Tx, key: string): Promise<FeatureFlag | null>;
export type FlagFields = Pick<FeatureFlag, 'key' | 'description' | 'kind' | 'variants' | 'defaultVariant' | 'rules' | 'enabled'>;
/** Null when the key is taken. */
export declare function insertFlag(tx: Tx, flag: FlagFields, userId: string | null): Promise<FeatureFlag | null>;
/** Compare-and-set on the version read by the client: null when another change came first. */
export declare function updateFlag(tx: Tx, flag: FlagFields, expectedVersion: number, userId: string | null): Promise<FeatureFlag | null>;
/** The role codes a user holds on an entity or one of its ancestors (grants are inherited downwards). */
export declare function roleCodesAt(client: pg.ClientBase, userId: string, entityId: string): Promise<string[]>;
