import type { Database } from '../../../platform/db/index.js';
import type { EntityKind } from '../../../platform/tenancy/entity-tree.tables.js';
export declare const NATIONAL_CODE = "FR";
interface SeedEntity {
    code: string;
    kind: EntityKind;
    name: string;
    parentCode: string | null;
    inseeCode?: string;
    siren?: string;
    legalName?: string;
    addressLine?: string;
    postalCode?: string;
    city?: string;
    email?: string;
    phone?: string;
}
export interface NetworkSeedResult {
    /** Entities inserted by this run (0 when the network was already complete). */
    created: number;
    /** Entities the network is expected to hold, whether created now or before. */
    expected: number;
}
export declare function regionEntityCode(inseeCode: string): string;
/**
 * The whole network in insertion order (parents first): the national office, one union per région
 * and per département (current INSEE list, never a hand-made table), then the federations.
 */
export declare function networkBlueprint(): SeedEntity[][];
/**
 * Creates whatever part of the network is missing, matched by code. Idempotent and safe on a live
 * database: existing entities are never overwritten, so later edits and moves survive a re-seed.
 * Runs as the owner (seeds are maintenance), in one transaction.
 */
export declare function seedNetwork(database: Database): Promise<NetworkSeedResult>;
/** True once the national office exists: the database has been seeded (or set up by hand). */
export declare function networkExists(database: Database): Promise<boolean>;
export {};
