import type { MessageBus } from '../../../platform/bus/index.js';
import type { Database } from '../../../platform/db/index.js';

/** What the CMS services need from the app. */
export interface CmsDeps {
  database: Database;
  bus: MessageBus;
  /** Signs preview links (the app's session secret). */
  previewSecret: string;
}
