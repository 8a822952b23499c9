// `npm start`: builds what is missing or stale (incremental), then runs the server in this process,
// so that SIGTERM reaches it directly. Arguments pass through: `npm start -- --role=worker`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Relative paths (the build, DATA_DIR's default ./data) are the repository's, wherever we are called from.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const run = (command) => execSync(command, { stdio: 'inherit' });

console.log('Building the server (incremental)…');
run('npx tsc -b packages/contracts apps/server');
if (existsSync('apps/backoffice/angular.json') && !existsSync('apps/backoffice/dist/browser/index.html')) {
  console.log('Building the back-office (first start only)…');
  try {
    run('npm run build -w apps/backoffice');
  } catch {
    // The API is still useful without the back-office; say so rather than refusing to start.
    console.error('The back-office build failed: starting the API alone. Run `npm run build -w apps/backoffice` to see why.');
  }
}
await import('../apps/server/dist/main.js');
