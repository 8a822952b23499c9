import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM scripts without type declarations
import { REPO_ROOT, runDeployChecks } from './deploy-check.mjs';
// @ts-expect-error -- idem
import { checkCompose } from './deploy-check/compose.mjs';
// @ts-expect-error -- idem
import { lintDockerfile } from './deploy-check/dockerfile.mjs';
// @ts-expect-error -- idem
import { parse, renderChart } from './deploy-check/helm-template.mjs';
// @ts-expect-error -- idem
import { checkManifests, parseManifests } from './deploy-check/kubernetes.mjs';

interface RenderedManifest {
  manifest: { kind: string; metadata: { name: string }; spec: { replicas: number; template: { spec: { containers: { image: string; args: string[] }[] } } } };
}

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const compose = readFileSync(join(REPO_ROOT, 'deploy/compose.yaml'), 'utf8');
const composeSchema = join(REPO_ROOT, 'deploy/schemas/compose-spec.json');
const chart = join(REPO_ROOT, 'deploy/helm/maillage');

describe('deploy:check on what we ship', () => {
  it('finds no problem in the Dockerfile, the Compose file or the Helm chart', async () => {
    const results: Record<string, string[]> = await runDeployChecks();
    expect(Object.keys(results)).toEqual(expect.arrayContaining(['dockerfile', 'compose', 'helm (defaults)']));
    for (const problems of Object.values(results)) expect(problems).toEqual([]);
  });
});

describe('Dockerfile rules', () => {
  const lint = (text: string): string[] => lintDockerfile(text, { repoRoot: REPO_ROOT, requiredRuntimePaths: ['migrations'] });

  it('catches an image that runs as root', () => {
    expect(lint(dockerfile.replace('USER node', 'USER root'))).toEqual([expect.stringMatching(/^DF003 .*runs as root/)]);
    expect(lint(dockerfile.replace(/^USER node\n/m, ''))).toEqual([expect.stringMatching(/^DF003 .*never sets USER/)]);
  });

  it('catches an unpinned base, a missing health check, npm install and a single stage', () => {
    expect(lint(dockerfile.replace('FROM node:22-slim AS runtime', 'FROM node:latest AS runtime'))).toEqual([expect.stringMatching(/^DF002/)]);
    expect(lint(dockerfile.replace('FROM node:22-slim AS build', 'FROM node AS build'))).toEqual([expect.stringMatching(/^DF002 .*no tag/)]);
    expect(lint(dockerfile.replace(/^HEALTHCHECK[^\n]*\n[^\n]*\n/m, ''))).toEqual([expect.stringMatching(/^DF004/)]);
    expect(lint(dockerfile.replace('RUN npm ci --no-audit', 'RUN npm install --no-audit'))).toEqual([expect.stringMatching(/^DF005/)]);
    expect(lint(dockerfile.replace('--omit=dev ', ''))).toEqual([expect.stringMatching(/^DF008 .*--omit=dev/)]);
    const singleStage = dockerfile.slice(dockerfile.indexOf('FROM node:22-slim AS runtime')).replace(/COPY --from=build \S+ /g, 'COPY ');
    expect(lint(singleStage)).toEqual(expect.arrayContaining([expect.stringMatching(/^DF001/)]));
  });

  it('catches a COPY of a path that does not exist and a runtime without the migrations', () => {
    expect(lint(dockerfile.replace('COPY migrations migrations', 'COPY migration migrations'))).toEqual([expect.stringMatching(/^DF012 .*"migration" does not exist/)]);
    expect(lint(dockerfile.replace(/^COPY migrations migrations\n/m, ''))).toEqual([expect.stringMatching(/^DF013 .*migrations/)]);
  });
});

describe('Compose rules', () => {
  it('rejects what the Compose schema rejects', () => {
    const problems = checkCompose(compose.replace('restart: unless-stopped', 'restart: [always]'), composeSchema);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^compose schema: \/services\/\w+\/restart must be string/)]));
  });

  it('refuses a secret in plain text and a web process that does not wait for the migration', () => {
    const plain = compose.replace('SESSION_SECRET_FILE: /run/secrets/session_secret', 'SESSION_SECRET: not-a-file-secret-0123456789abcdef');
    expect(checkCompose(plain, composeSchema)).toEqual(expect.arrayContaining([expect.stringMatching(/web sets SESSION_SECRET in plain text/)]));
    const eager = compose.replace('condition: service_completed_successfully', 'condition: service_started');
    expect(checkCompose(eager, composeSchema)).toEqual([expect.stringMatching(/web must wait for the migration/)]);
  });
});

describe('Helm chart rendering and Kubernetes rules', () => {
  it('renders the templates with the given values', () => {
    const manifests = parseManifests(renderChart(chart, { values: { image: { tag: '9.9.9' }, web: { replicas: 4, autoscaling: { enabled: false } } }, releaseName: 'acme' }));
    const web = (manifests as RenderedManifest[]).map((entry) => entry.manifest).find((m) => m.kind === 'Deployment' && m.metadata.name === 'acme-web')!;
    expect(web.spec.replicas).toBe(4);
    expect(web.spec.template.spec.containers[0].image).toMatch(/:9\.9\.9$/);
    expect(web.spec.template.spec.containers[0].args).toEqual(['--role=web']);
  });

  it('refuses template constructs outside the subset it renders', () => {
    expect(() => parse('{{ range .Values.x }}{{ end }}', 't.yaml')).toThrow(/outside the template subset/);
    expect(() => parse('{{ if .Values.x }}', 't.yaml')).toThrow(/not closed/);
  });

  it('catches a manifest that breaks the Kubernetes schema or our security rules', async () => {
    const manifests = parseManifests(renderChart(chart, { values: { web: { replicas: 'two', autoscaling: { enabled: false } }, podSecurityContext: { runAsNonRoot: false } } }));
    const problems: string[] = await checkManifests(manifests, { expectedKinds: [] });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/Deployment\/maillage-web: schema: .*replicas must be integer/), expect.stringMatching(/container web: must run as non-root/)]));
  });
});
