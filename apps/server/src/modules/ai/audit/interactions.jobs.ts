import { Type } from 'typebox';
import { defineMessage } from '../../../platform/bus/index.js';

/** Daily: deletes journal rows older than AI_AUDIT_RETENTION_DAYS. */
export const PURGE_AI_INTERACTIONS = defineMessage({ name: 'ai.purge-interactions', schema: Type.Object({}), retryLimit: 2 });
