import type { App } from '../../app.js';
import type { SignedIn } from '../auth.js';
import { generateSiren } from '../../modules/crm/index.js';
import type { DryRun, ImportJob } from '../../modules/crm/import/imports.schema.js';

/** A multipart/form-data body as a browser sends it: text fields, then the file. */
export function multipartForm(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----maillage${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(app: App, who: SignedIn, file: { name: string; content: Buffer }, fields: Record<string, string> = {}) {
  const form = multipartForm(fields, file);
  return app.inject({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: { ...who.headers('POST'), ...form.headers } });
}

export async function uploadOk(app: App, who: SignedIn, file: { name: string; content: Buffer }, fields: Record<string, string> = {}): Promise<DryRun> {
  const response = await upload(app, who, file, fields);
  if (response.statusCode !== 201) throw new Error(`Upload refused: ${response.statusCode} ${response.body}`);
  return response.json<DryRun>();
}

/** Polls the progress endpoint until the job leaves queued/running (the bus worker runs it). */
export async function waitForImport(app: App, who: SignedIn, id: string, timeoutMs = 90_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: who.headers() })).json<ImportJob>();
    if (job.status === 'completed' || (job.status === 'failed' && job.attempts > 3)) return job;
    if (Date.now() > deadline) throw new Error(`Import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A UTF-8, `,`-separated file of `count` Lyon companies with one contact each, SIRENs from `seed`. */
export function lyonCompaniesCsv(seed: number, count: number): { csv: Buffer; sirens: string[] } {
  const sirens = Array.from({ length: count }, (_, index) => generateSiren(seed + index));
  const lines = ['Raison sociale,SIREN,Code postal,Ville,Nom,Prénom,Email,Téléphone'];
  sirens.forEach((siren, index) => lines.push(`Entreprise ${seed + index},${siren},69001,Lyon,Durand,Alix,alix.${seed + index}@exemple.fr,04 78 00 00 ${String(index % 100).padStart(2, '0')}`));
  return { csv: Buffer.from(lines.join('\n') + '\n'), sirens };
}
