import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from '../app.js';
import { loadConfig } from '../platform/config/index.js';
import { openPglite } from '../platform/db/index.js';
import { serializeOpenApi } from '../platform/http/openapi-check.js';
export const OPENAPI_FILE = fileURLToPath(new URL('../../../../openapi/v1.json', import.meta.url));
/**
 * Builds the app without listening, on a throwaway in-memory database and a fixed configuration
 * (the document must not depend on who runs the command), and returns its OpenAPI document.
 */
export async function generateOpenApiDocument() {
    const database = await openPglite('memory://');
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/maillage-openapi-unused' }, []);
    const app = await buildApp(config, { database });
    try {
        await app.ready();
        return JSON.parse(JSON.stringify(app.swagger()));
    }
    finally {
        await app.close();
        await database.close();
    }
}
async function main() {
    const document = await generateOpenApiDocument();
    writeFileSync(OPENAPI_FILE, serializeOpenApi(document));
    console.log(`Wrote ${OPENAPI_FILE}`);
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    // Exit explicitly: timers of the app's background parts must not keep a one-shot command alive.
    main().then(() => process.exit(0), (error) => {
        console.error(error);
        process.exit(1);
    });
}
//# sourceMappingURL=openapi-export.js.map