// The import part of the `npm run slo` workload: a member file uploaded and run while the request
// mix is measured, so write-heavy background work counts against the request objectives and job lag.
import { setTimeout as sleep } from 'node:timers/promises';
import { buildImportCsv } from '../bench/lib/crm-import.mjs';

/** Uploads `rows` companies (dry run) and starts the run; returns the job id. */
export async function startImport({ baseUrl, headers, dist, entityId, rows }) {
  const form = new FormData();
  form.append('entityId', entityId);
  form.append('file', new Blob([await buildImportCsv(dist, rows)], { type: 'text/csv' }), 'adherents.csv');
  const upload = await fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers, body: form });
  if (upload.status !== 201) throw new Error(`import upload: ${upload.status} ${(await upload.text()).slice(0, 1000)}`);
  const jobId = (await upload.json()).job.id;
  const run = await fetch(`${baseUrl}/api/v1/imports/${jobId}/run`, { method: 'POST', headers });
  if (run.status !== 202) throw new Error(`import run: ${run.status} ${await run.text()}`);
  return jobId;
}

/** Waits for the import to end; returns its final status and counters. */
export async function awaitImport({ baseUrl, headers, jobId, timeoutSeconds = 120 }) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/v1/imports/${jobId}`, { headers });
    const job = await response.json();
    if (job.status === 'completed' || job.status === 'failed' || Date.now() > deadline) return job;
    await sleep(500);
  }
}
