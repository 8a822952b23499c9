import { Type } from 'typebox';
import { type MessageBus } from '../bus/index.js';
import type { Database } from '../db/index.js';
/**
 * Links new audit events to the hash chain. Every minute: that is the longest an event stays
 * unprotected by the chain (plus the time its own transaction takes to commit).
 */
export declare const SEAL_AUDIT_CHAIN: import("../bus/message.js").MessageDefinition<Type.TObject<{}>>;
export declare const SEAL_SCHEDULE = "* * * * *";
export declare function registerAuditJobs(bus: MessageBus, database: Database): void;
