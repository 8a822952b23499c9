// `npm run deploy:check`: static checks of what we ship, with no container engine, no helm and no
// download — the Dockerfile's rules, the Compose file against the Compose schema, and the Helm chart
// rendered (default values and variants) then checked against the Kubernetes schemas.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCompose } from './deploy-check/compose.mjs';
import { lintDockerfile } from './deploy-check/dockerfile.mjs';
import { renderChart } from './deploy-check/helm-template.mjs';
import { checkManifests, EXPECTED_KINDS, parseManifests } from './deploy-check/kubernetes.mjs';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// What the server reads from its own tree at run time (platform/db/migrate.ts, platform/spa/backoffice.ts).
const RUNTIME_PATHS = ['migrations', 'apps/server/dist', 'apps/backoffice/dist/browser', 'packages/contracts/dist'];

// Value sets the chart must render correctly besides its defaults.
const CHART_VARIANTS = [
  { name: 'defaults', values: {}, expectedKinds: EXPECTED_KINDS },
  {
    name: 'no autoscaling, no ingress, no metrics token',
    values: { web: { autoscaling: { enabled: false } }, ingress: { enabled: false }, metricsTokenInSecret: false, image: { tag: '1.2.3' } },
    expectedKinds: EXPECTED_KINDS.filter((kind) => kind !== 'HorizontalPodAutoscaler' && kind !== 'Ingress'),
  },
];

/** Every check; returns { section: problems[] } (all empty when everything passes). */
export async function runDeployChecks(root = REPO_ROOT) {
  const results = {};
  results.dockerfile = lintDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'), { repoRoot: root, requiredRuntimePaths: RUNTIME_PATHS });
  results.compose = checkCompose(readFileSync(join(root, 'deploy/compose.yaml'), 'utf8'), join(root, 'deploy/schemas/compose-spec.json'));
  for (const variant of CHART_VARIANTS) {
    let problems;
    try {
      const manifests = parseManifests(renderChart(join(root, 'deploy/helm/maillage'), { values: variant.values }));
      problems = await checkManifests(manifests, { expectedKinds: variant.expectedKinds });
    } catch (error) {
      problems = [`render: ${error.message}`];
    }
    results[`helm (${variant.name})`] = problems;
  }
  return results;
}

/** Checks manifests rendered elsewhere (the forge runs the real `helm template` and passes its output here). */
export async function checkRenderedFile(path) {
  const manifests = parseManifests([{ template: path, text: readFileSync(path, 'utf8') }]);
  return { [`manifests in ${path}`]: await checkManifests(manifests) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifestsFile = process.argv.find((arg) => arg.startsWith('--manifests='))?.slice('--manifests='.length);
  const results = manifestsFile ? await checkRenderedFile(manifestsFile) : await runDeployChecks();
  let failed = 0;
  for (const [section, problems] of Object.entries(results)) {
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${section}`);
    for (const problem of problems) console.log(`     ${problem}`);
    failed += problems.length;
  }
  process.exit(failed === 0 ? 0 : 1);
}
