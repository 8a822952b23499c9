// `npm start`: builds what is missing or stale, then runs the server (API, back-office, sites, worker).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });

run('npx tsc -b packages/contracts apps/server');
if (existsSync('apps/backoffice/angular.json') && !existsSync('apps/backoffice/dist/browser/index.html')) {
  console.log('Building the back-office (first start only)…');
  run('npm run build -w apps/backoffice');
}
await import('../apps/server/dist/main.js');
