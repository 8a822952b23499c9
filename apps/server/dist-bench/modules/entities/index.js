import { registerPermissions } from '../../platform/auth/index.js';
import { entityRoutes } from './entities/entities.routes.js';
import { ENTITY_PERMISSION_DEFINITIONS } from './entities/permissions.js';
/** The network tree module: national office, régions, départements, federations. */
export function registerEntitiesModule(app, context) {
    registerPermissions(ENTITY_PERMISSION_DEFINITIONS);
    const deps = { database: context.database, entityTree: context.entityTree };
    void app.register(entityRoutes, deps);
}
export { ENTITY_PERMISSIONS } from './entities/permissions.js';
export { seedNetwork, networkExists, NATIONAL_CODE } from './network-seed/network-seed.js';
//# sourceMappingURL=index.js.map