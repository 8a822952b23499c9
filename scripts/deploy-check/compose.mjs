// Validates deploy/compose.yaml against the Compose specification's JSON schema (vendored in
// deploy/schemas, nothing is downloaded) and against the rules our deployment relies on.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';

// Settings that are secrets: they may reach a container only as NAME_FILE pointing to a mounted secret.
const SECRET_SETTINGS = ['DATABASE_URL', 'SESSION_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY', 'METRICS_TOKEN', 'POSTGRES_PASSWORD', 'MINIO_ROOT_PASSWORD'];
const APP_SERVICES = ['migrate', 'web', 'worker'];

export function checkCompose(text, schemaPath) {
  const problems = [];
  let compose;
  try {
    // Merge keys (<<: *anchor) are YAML 1.1, which Compose resolves.
    compose = YAML.parse(text, { merge: true });
  } catch (error) {
    return [`compose: not valid YAML: ${error.message}`];
  }
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!validate(compose)) {
    for (const error of validate.errors) problems.push(`compose schema: ${error.instancePath || '/'} ${error.message}`);
  }
  const services = compose?.services ?? {};
  for (const name of ['postgres', ...APP_SERVICES]) {
    if (!services[name]) problems.push(`compose: service "${name}" is missing`);
  }
  for (const [name, service] of Object.entries(services)) {
    const environment = asMap(service.environment);
    for (const setting of SECRET_SETTINGS) {
      if (environment[setting] !== undefined) problems.push(`compose: ${name} sets ${setting} in plain text; mount it and set ${setting}_FILE`);
    }
    for (const [variable, value] of Object.entries(environment)) {
      if (!variable.endsWith('_FILE')) continue;
      const secret = String(value).match(/^\/run\/secrets\/(.+)$/)?.[1];
      if (!secret) problems.push(`compose: ${name} ${variable} must point to /run/secrets/<name>`);
      else if (!(service.secrets ?? []).some((entry) => (typeof entry === 'string' ? entry : entry.source) === secret)) {
        problems.push(`compose: ${name} ${variable} reads secret "${secret}", which the service does not mount`);
      } else if (!Object.hasOwn(compose.secrets ?? {}, secret)) problems.push(`compose: secret "${secret}" is not declared at the top level`);
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      const named = source && !source.startsWith('.') && !source.startsWith('/') && !source.startsWith('~');
      if (named && !Object.hasOwn(compose.volumes ?? {}, source)) problems.push(`compose: ${name} uses volume "${source}", not declared under volumes`);
    }
    for (const dependency of Object.keys(asMap(service.depends_on))) {
      if (!services[dependency]) problems.push(`compose: ${name} depends on unknown service "${dependency}"`);
    }
  }
  for (const name of APP_SERVICES) {
    const service = services[name];
    if (!service) continue;
    if (asMap(service.environment).NODE_ENV !== 'production') problems.push(`compose: ${name} must run with NODE_ENV=production`);
    if (asMap(service.depends_on).postgres?.condition !== 'service_healthy') problems.push(`compose: ${name} must wait for a healthy postgres`);
  }
  for (const name of ['web', 'worker']) {
    const service = services[name];
    if (!service) continue;
    if (asMap(service.depends_on).migrate?.condition !== 'service_completed_successfully') {
      problems.push(`compose: ${name} must wait for the migration (migrate: service_completed_successfully)`);
    }
    const role = [service.command ?? []].flat().join(' ');
    if (!role.includes(`--role=${name}`)) problems.push(`compose: ${name} must run with --role=${name}`);
  }
  const migrate = [services.migrate?.entrypoint ?? [], services.migrate?.command ?? []].flat().join(' ');
  if (services.migrate && !migrate.includes('apps/server/dist/cli/migrate.js')) problems.push('compose: migrate must run apps/server/dist/cli/migrate.js');
  for (const name of ['postgres', 'web']) {
    const healthcheck = services[name]?.healthcheck;
    if (services[name] && (!healthcheck || healthcheck.disable)) problems.push(`compose: ${name} has no healthcheck`);
  }
  const postgresMajor = Number(String(services.postgres?.image ?? '').match(/^postgres:(\d+)/)?.[1]);
  if (services.postgres && !(postgresMajor >= 15)) problems.push('compose: postgres must use a pinned PostgreSQL ≥ 15 image (postgres:NN)');
  return problems;
}

// Compose accepts both `KEY: value` maps and `KEY=value` / service-name lists.
function asMap(value) {
  if (!value) return {};
  if (!Array.isArray(value)) return value;
  return Object.fromEntries(value.map((entry) => (entry.includes('=') ? [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] : [entry, {}])));
}
