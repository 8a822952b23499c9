// `npm run ai:eval`: builds the server (incremental), then runs the AI evaluation CLI
// (apps/server/src/modules/ai/eval/ai-eval.cli.ts). Arguments pass through: `npm run ai:eval -- --set=golden --verbose`.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
execSync('npx tsc -b packages/contracts apps/server', { stdio: 'inherit' });
await import('../apps/server/dist/modules/ai/eval/ai-eval.cli.js');
