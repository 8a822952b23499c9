import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { registerMediaDelivery } from '../delivery/media-delivery.routes.js';
import { mediaRoutes } from './media.routes.js';
import { MEDIA_PERMISSION_DEFINITIONS } from './permissions.js';
import { mediaStorageFor } from '../storage/storage-for-config.js';

/** The media library: permissions, the authenticated API and the public delivery of files. */
export function registerMedia(app: FastifyInstance, context: Pick<AppContext, 'config' | 'database'>): void {
  registerPermissions(MEDIA_PERMISSION_DEFINITIONS);
  const storage = mediaStorageFor(context.config);
  void app.register(mediaRoutes, { database: context.database, storage, maxBytes: context.config.media.maxBytes });
  registerMediaDelivery(app, { database: context.database, storage });
}
