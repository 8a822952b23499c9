// A focused Dockerfile linter (Debian ships no hadolint): the rules our image must keep, each with
// a stable code so a failure says what to fix.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Instructions with their line numbers; continuation lines joined, comments and parser directives dropped. */
export function parseDockerfile(text) {
  const instructions = [];
  let pending = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === null && (line === '' || line.startsWith('#'))) return;
    if (pending !== null && line.startsWith('#')) return;
    const body = line.endsWith('\\') ? line.slice(0, -1).trim() : line;
    pending = pending === null ? { line: index + 1, text: body } : { ...pending, text: `${pending.text} ${body}` };
    if (!line.endsWith('\\')) {
      const [keyword, ...rest] = pending.text.split(/\s+/);
      instructions.push({ line: pending.line, keyword: keyword.toUpperCase(), args: rest.join(' ') });
      pending = null;
    }
  });
  return instructions;
}

/** Splits instructions into build stages (one per FROM). */
function stagesOf(instructions) {
  const stages = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.replace(/--platform=\S+\s+/, '').split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, line: instruction.line, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/**
 * Returns the problems found as `DFnnn line N: message`; an empty list means the Dockerfile passes.
 * `repoRoot` lets COPY sources from the build context be checked for existence.
 */
export function lintDockerfile(text, { repoRoot, requiredRuntimePaths = [] } = {}) {
  const problems = [];
  const report = (code, line, message) => problems.push(`${code} line ${line}: ${message}`);
  const instructions = parseDockerfile(text);
  const stages = stagesOf(instructions);
  if (stages.length === 0) return ['DF000 line 1: no FROM instruction'];
  const stageNames = new Set(stages.map((stage) => stage.name).filter(Boolean));
  const runtime = stages[stages.length - 1];

  if (stages.length < 2) report('DF001', stages[0].line, 'build and runtime must be separate stages (multi-stage build)');
  for (const stage of stages) {
    if (stageNames.has(stage.image)) continue;
    const [, tag] = stage.image.split('@')[0].split(/:(?=[^/]*$)/);
    if (!tag) report('DF002', stage.line, `base image "${stage.image}" has no tag: pin one`);
    else if (tag === 'latest') report('DF002', stage.line, `base image "${stage.image}" uses "latest": pin a version tag`);
  }

  const users = runtime.instructions.filter((instruction) => instruction.keyword === 'USER');
  const user = users.at(-1)?.args.split(':')[0];
  if (!user) report('DF003', runtime.line, 'the runtime stage never sets USER: the container would run as root');
  else if (user === 'root' || user === '0') report('DF003', users.at(-1).line, 'the runtime stage runs as root');

  const healthcheck = runtime.instructions.find((instruction) => instruction.keyword === 'HEALTHCHECK');
  if (!healthcheck || /^NONE\b/i.test(healthcheck.args)) report('DF004', runtime.line, 'the runtime stage has no HEALTHCHECK');
  else if (!healthcheck.args.includes('/livez')) report('DF004', healthcheck.line, 'HEALTHCHECK must probe /livez');
  else if (/\b(curl|wget)\b/.test(healthcheck.args)) report('DF004', healthcheck.line, 'HEALTHCHECK uses curl/wget, absent from slim images: use node -e "fetch(…)"');

  for (const instruction of instructions.filter((i) => i.keyword === 'RUN')) {
    if (/\bnpm (install|i)\b/.test(instruction.args)) report('DF005', instruction.line, 'use `npm ci` (lockfile-exact), not `npm install`');
    if (/\bapt-get install\b/.test(instruction.args) && !instruction.args.includes('--no-install-recommends')) {
      report('DF006', instruction.line, 'apt-get install without --no-install-recommends');
    }
    if (/\bsudo\b/.test(instruction.args)) report('DF007', instruction.line, 'sudo in a build step');
  }
  const runtimeInstall = runtime.instructions.find((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
  if (!runtimeInstall) report('DF008', runtime.line, 'the runtime stage must install its dependencies with npm ci');
  else if (!/--omit[= ]dev\b/.test(runtimeInstall.args)) report('DF008', runtimeInstall.line, 'the runtime stage must install production dependencies only (--omit=dev)');

  for (const instruction of instructions.filter((i) => i.keyword === 'ADD')) {
    report('DF009', instruction.line, 'use COPY (ADD fetches URLs and unpacks archives implicitly)');
  }

  const entrypoint = runtime.instructions.find((i) => i.keyword === 'ENTRYPOINT');
  if (!entrypoint) report('DF010', runtime.line, 'the runtime stage has no ENTRYPOINT');
  else if (!entrypoint.args.startsWith('[')) report('DF010', entrypoint.line, 'ENTRYPOINT must use the exec form (signals reach node, which drains on SIGTERM)');
  if (!runtime.instructions.some((i) => i.keyword === 'EXPOSE')) report('DF011', runtime.line, 'the runtime stage does not EXPOSE its port');

  if (repoRoot) {
    for (const instruction of instructions.filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))) {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      for (const source of words.slice(0, -1)) {
        if (!existsSync(join(repoRoot, source))) report('DF012', instruction.line, `COPY source "${source}" does not exist in the repository`);
      }
    }
  }
  const copiedToRuntime = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args.split(/\s+/).at(-1));
  for (const path of requiredRuntimePaths) {
    if (!copiedToRuntime.some((destination) => destination.replace(/\/$/, '') === path)) {
      report('DF013', runtime.line, `the runtime stage does not copy ${path}, which the server reads at run time`);
    }
  }
  return problems;
}
