import { DbFlagProvider } from './db-flag-provider.js';
import { registerFeatureFlagRoutes } from './feature-flags.routes.js';
import { FeatureFlagsService } from './feature-flags.service.js';
/** Loads the flags when the app is ready, refreshes them in the background, serves the admin API. */
export function registerFeatureFlags(app, context) {
    const provider = new DbFlagProvider({
        database: context.database,
        onRefreshError: (error) => app.log.warn({ err: error }, 'feature flags refresh failed; serving the previous snapshot'),
    });
    app.addHook('onReady', () => context.flags.attach(provider));
    app.addHook('preClose', () => context.flags.detach());
    registerFeatureFlagRoutes(app, new FeatureFlagsService(context.database, provider));
}
//# sourceMappingURL=register-flags.js.map