import { Type } from 'typebox';
import { type Database } from '../db/index.js';
export declare const PURGE_PROCESSED_MESSAGES: import("./message.js").MessageDefinition<Type.TObject<{}>>;
/** Idempotency markers only matter while their job may still be redelivered. */
export declare function purgeProcessedMessages(database: Database): Promise<void>;
