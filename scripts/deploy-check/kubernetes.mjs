// Checks rendered Kubernetes manifests: each against the Kubernetes OpenAPI schema of its kind
// (bundled in the kubernetes-models package, nothing downloaded), then the rules our chart promises.
import YAML from 'yaml';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export const EXPECTED_KINDS = ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Job', 'PodDisruptionBudget', 'Service'];

/** Parses rendered templates into manifests ({ template, manifest }), dropping empty documents. */
export function parseManifests(rendered) {
  const manifests = [];
  for (const { template, text } of rendered) {
    for (const document of YAML.parseAllDocuments(text)) {
      if (document.errors.length > 0) throw new Error(`${template}: ${document.errors[0].message}`);
      const manifest = document.toJS();
      if (manifest !== null && manifest !== undefined) manifests.push({ template, manifest });
    }
  }
  return manifests;
}

export async function checkManifests(manifests, { expectedKinds = EXPECTED_KINDS } = {}) {
  const problems = [];
  for (const { template, manifest } of manifests) {
    const where = `${template} ${manifest.kind ?? '?'}/${manifest.metadata?.name ?? '?'}`;
    if (!manifest.apiVersion || !manifest.kind) {
      problems.push(`${where}: apiVersion and kind are required`);
      continue;
    }
    if (!NAME.test(manifest.metadata?.name ?? '') || manifest.metadata.name.length > 63) {
      problems.push(`${where}: metadata.name must be a DNS label of at most 63 characters`);
    }
    problems.push(...(await schemaProblems(manifest)).map((problem) => `${where}: ${problem}`));
    for (const [container, podSpec] of workloadContainers(manifest)) {
      problems.push(...containerProblems(manifest, podSpec, container).map((problem) => `${where} container ${container.name}: ${problem}`));
    }
  }
  const kinds = new Set(manifests.map(({ manifest }) => manifest.kind));
  for (const kind of expectedKinds) if (!kinds.has(kind)) problems.push(`chart: no ${kind} rendered`);
  problems.push(...crossReferenceProblems(manifests.map(({ manifest }) => manifest)));
  return problems;
}

/** `apps/v1` → kubernetes-models/apps/v1, `v1` → kubernetes-models/v1; the class is named after the kind. */
async function schemaProblems(manifest) {
  let models;
  try {
    models = await import(`kubernetes-models/${manifest.apiVersion}`);
  } catch {
    return [`unknown apiVersion ${manifest.apiVersion}`];
  }
  const Model = models[manifest.kind];
  if (!Model) return [`unknown kind ${manifest.kind} in ${manifest.apiVersion}`];
  try {
    new Model(manifest).validate();
    return [];
  } catch (error) {
    return [`schema: ${error.message}`];
  }
}

function podSpecOf(manifest) {
  if (manifest.kind === 'Deployment' || manifest.kind === 'Job') return manifest.spec?.template?.spec;
  return undefined;
}

function workloadContainers(manifest) {
  const podSpec = podSpecOf(manifest);
  return (podSpec?.containers ?? []).map((container) => [container, podSpec]);
}

function containerProblems(manifest, podSpec, container) {
  const problems = [];
  const pod = podSpec.securityContext ?? {};
  const own = container.securityContext ?? {};
  if (!(own.runAsNonRoot ?? pod.runAsNonRoot)) problems.push('must run as non-root (runAsNonRoot)');
  if ((own.runAsUser ?? pod.runAsUser) === 0) problems.push('runAsUser 0 is root');
  if (own.readOnlyRootFilesystem !== true) problems.push('root filesystem must be read-only');
  if (own.allowPrivilegeEscalation !== false) problems.push('allowPrivilegeEscalation must be false');
  const tmp = (container.volumeMounts ?? []).find((mount) => mount.mountPath === '/tmp');
  const tmpVolume = tmp && (podSpec.volumes ?? []).find((volume) => volume.name === tmp.name);
  if (!tmpVolume?.emptyDir) problems.push('/tmp must be an emptyDir (the root filesystem is read-only)');
  for (const part of ['requests', 'limits']) {
    if (!container.resources?.[part]?.cpu || !container.resources?.[part]?.memory) problems.push(`resources.${part} must set cpu and memory`);
  }
  if (/:latest$|^[^:]+$/.test(container.image ?? '')) problems.push(`image "${container.image}" must carry a version tag`);
  const args = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  if (manifest.kind === 'Job') {
    if (!args.includes('apps/server/dist/cli/migrate.js')) problems.push('the migration job must run apps/server/dist/cli/migrate.js');
    const hook = manifest.metadata.annotations?.['helm.sh/hook'] ?? '';
    if (!hook.includes('pre-install') || !hook.includes('pre-upgrade')) problems.push('the migration job must be a pre-install,pre-upgrade hook');
  } else if (!/--role=(web|worker)\b/.test(args)) {
    problems.push('a Deployment must choose its role (--role=web or --role=worker)');
  }
  if (args.includes('--role=web')) {
    if (container.readinessProbe?.httpGet?.path !== '/readyz') problems.push('readiness probe must GET /readyz');
    if (container.livenessProbe?.httpGet?.path !== '/livez') problems.push('liveness probe must GET /livez');
  }
  const env = Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry]));
  for (const secret of ['DATABASE_URL', 'SESSION_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY']) {
    if (env[secret]) problems.push(`${secret} must come from a mounted secret file (${secret}_FILE), not a plain variable`);
    if (!env[`${secret}_FILE`]) problems.push(`${secret}_FILE is not set`);
  }
  return problems;
}

/** Services, HPAs and PDBs must point at something the chart actually renders. */
function crossReferenceProblems(manifests) {
  const problems = [];
  const deployments = manifests.filter((manifest) => manifest.kind === 'Deployment');
  const selects = (selector) => deployments.some((deployment) => Object.entries(selector ?? {}).every(([key, value]) => deployment.spec.template.metadata?.labels?.[key] === value));
  for (const manifest of manifests) {
    const name = `${manifest.kind}/${manifest.metadata?.name}`;
    if (manifest.kind === 'Deployment') {
      const labels = manifest.spec?.template?.metadata?.labels ?? {};
      const matches = Object.entries(manifest.spec?.selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
      if (!matches) problems.push(`${name}: selector does not match the pod template's labels`);
    }
    if (manifest.kind === 'Service' && !selects(manifest.spec?.selector)) problems.push(`${name}: selects no Deployment's pods`);
    if (manifest.kind === 'PodDisruptionBudget' && !selects(manifest.spec?.selector?.matchLabels)) problems.push(`${name}: selects no Deployment's pods`);
    if (manifest.kind === 'HorizontalPodAutoscaler') {
      const target = manifest.spec?.scaleTargetRef;
      if (!deployments.some((deployment) => deployment.metadata.name === target?.name)) problems.push(`${name}: scales unknown ${target?.kind}/${target?.name}`);
      if (!(manifest.spec?.metrics ?? []).some((metric) => metric.resource?.name === 'cpu')) problems.push(`${name}: must scale on CPU`);
    }
    if (manifest.kind === 'Ingress') {
      for (const rule of manifest.spec?.rules ?? []) {
        for (const path of rule.http?.paths ?? []) {
          const service = path.backend?.service?.name;
          if (!manifests.some((other) => other.kind === 'Service' && other.metadata?.name === service)) problems.push(`${name}: routes to unknown Service ${service}`);
        }
      }
    }
  }
  return problems;
}
