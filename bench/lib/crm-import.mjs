import { setTimeout as sleep } from 'node:timers/promises';
import { peakRss } from './crm-targets.mjs';
import { cpuSeconds, databaseCpuDuring } from './servers.mjs';

const HEADER = ['raison sociale', 'siren', 'code naf', 'adresse', 'code postal', 'ville', 'effectif', 'civilite', 'nom', 'prenom', 'email', 'telephone'];

/**
 * A member file as exported by a real tool (`;`, French headers, one contact per company): companies
 * of another demo seed (2), so that importing creates them rather than finding them unchanged.
 */
export async function buildImportCsv(dist, rows) {
  const { generateCompany } = await import(`${dist}/modules/crm/demo/company-generator.js`);
  const { generateContacts } = await import(`${dist}/modules/crm/demo/contact-generator.js`);
  const cell = (value) => (value === null || value === undefined ? '' : /[;"\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const lines = [HEADER.join(';')];
  for (let index = 0; index < rows; index += 1) {
    const company = generateCompany(2, index);
    const contact = generateContacts(company)[0];
    lines.push(
      [
        company.name,
        company.siren,
        company.nafCode,
        company.street,
        company.commune.postalCode,
        company.commune.name,
        // "6 à 9 salariés"-like wording is what exports contain; a plain number is accepted too.
        String(3 + (index % 40)),
        contact?.civility === 'MME' ? 'Mme' : contact ? 'M.' : '',
        contact?.lastName ?? '',
        contact?.firstName ?? '',
        contact?.email.address ?? '',
        contact?.phone ?? '',
      ]
        .map(cell)
        .join(';'),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** CPU seconds `work` costs our process and PostgreSQL: which side an import phase waits on. */
async function withCpu(pid, work) {
  const before = cpuSeconds(pid);
  const { result, seconds } = await databaseCpuDuring(work);
  return { ...result, processCpuSeconds: cpuSeconds(pid) - before, databaseCpuSeconds: seconds };
}

/**
 * Uploads the file (dry run, answered by the web process), runs it (background job on the worker)
 * and polls its progress until it ends. Times both phases, the peak memory and the CPU of each
 * process, and PostgreSQL's CPU.
 */
export async function measureImport({ base, headers, webPid, workerPid, csv, entityId }) {
  const form = new FormData();
  form.append('entityId', entityId);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'adherents.csv');
  let started = performance.now();
  const dry = await withCpu(webPid, () => peakRss(webPid, async () => {
    const response = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers, body: form });
    if (response.status !== 201) throw new Error(`import dry run: ${response.status} ${(await response.text()).slice(0, 2000)}`);
    return response.json();
  }));
  const dryRunSeconds = (performance.now() - started) / 1000;
  const jobId = dry.result.job.id;
  started = performance.now();
  const run = await withCpu(workerPid, () => peakRss(workerPid, async () => {
    const response = await fetch(`${base}/api/v1/imports/${jobId}/run`, { method: 'POST', headers });
    if (response.status !== 202) throw new Error(`import run: ${response.status} ${await response.text()}`);
    for (;;) {
      await sleep(500);
      const job = await (await fetch(`${base}/api/v1/imports/${jobId}`, { headers })).json();
      if (job.status === 'completed' || job.status === 'failed') return job;
    }
  }));
  return {
    rows: dry.result.job.rows.total,
    rejected: dry.result.job.rows.rejected,
    dryRunSeconds,
    dryRunRssPeakMb: dry.rssPeakMb,
    dryRunCpuSeconds: { web: dry.processCpuSeconds, database: dry.databaseCpuSeconds },
    runSeconds: (performance.now() - started) / 1000,
    runRssPeakMb: run.rssPeakMb,
    runCpuSeconds: { worker: run.processCpuSeconds, database: run.databaseCpuSeconds },
    job: run.result,
  };
}
