import { it } from 'vitest';
import { createTestApp } from '/work/main/apps/server/src/test/test-app.js';
it('dump', async () => {
  const t = await createTestApp();
  const doc = (await t.app.inject('/api/v1/openapi.json')).json();
  const p = doc.paths['/api/v1/entities'];
  console.log(JSON.stringify(p.get.responses['200'], null, 1).slice(0, 1500));
  console.log(Object.keys(doc.components.schemas).filter((k) => /Entit/.test(k)));
  console.log(JSON.stringify(doc.components.schemas.EntityTreeNode ?? null).slice(0, 600));
  console.log(JSON.stringify(doc.paths['/api/v1/entities/{id}'].patch.requestBody).slice(0, 300));
  await t.close();
}, 120000);
