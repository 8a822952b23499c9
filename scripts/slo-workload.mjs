// The mixed workload `npm run slo` drives: one request of each kind per cycle and connection, with
// ids and search words picked at random among the seeded rows. See docs/slo.md, "The gate".
import autocannon from 'autocannon';

/** Signs in as the national administrator: the back-office's own way in (session cookie + CSRF token). */
export async function signIn(baseUrl, email, password) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = await response.json();
  const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Ids and words the workload picks from, read through the API itself. */
export async function sampleRows(baseUrl, headers) {
  const get = async (path) => {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const organizations = (await get('/api/v1/organizations?limit=100')).items;
  const persons = (await get('/api/v1/persons?limit=100')).items;
  const entity = (await get('/api/v1/entities?limit=100')).items.find((e) => e.code === '69');
  if (organizations.length === 0 || persons.length === 0 || !entity) throw new Error('The seeded database has no organisations, persons or entity 69');
  const words = [...new Set(organizations.flatMap((o) => o.name.split(/\s+/)).filter((w) => /^\p{L}{4,}$/u.test(w)))];
  return { organizationIds: organizations.map((o) => o.id), personIds: persons.map((p) => p.id), entityId: entity.id, words };
}

const pick = (values) => values[Math.floor(Math.random() * values.length)];

// Asked of the demo knowledge collection (« Guides pratiques », seeded with the demo data).
const QUESTIONS = [
  'Comment embaucher un apprenti ?',
  'Quelle est la durée des congés payés ?',
  'Comment se déroule une rupture conventionnelle ?',
  'Quand la facturation électronique devient-elle obligatoire ?',
];

export function runWorkload({ baseUrl, headers, rows, connections, durationSeconds }) {
  let written = 0;
  const get = (path) => ({ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) });
  const requests = [
    get(() => `/api/v1/organizations/${pick(rows.organizationIds)}`),
    get(() => '/api/v1/organizations?limit=50'),
    get(() => `/api/v1/search/organizations?q=${encodeURIComponent(pick(rows.words))}&limit=20`),
    get(() => `/api/v1/persons/${pick(rows.personIds)}`),
    get(() => '/api/v1/persons?limit=50'),
    get(() => `/api/v1/entities/${rows.entityId}`),
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: '/api/v1/persons',
        headers: { ...request.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ entityId: rows.entityId, lastName: `Charge ${(written += 1)}`, firstName: 'Test' }),
      }),
    },
    {
      method: 'POST',
      setupRequest: (request) => ({
        ...request,
        path: '/api/v1/ai/answers',
        headers: { ...request.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ question: pick(QUESTIONS) }),
      }),
    },
  ];
  return autocannon({ url: baseUrl, headers, connections, duration: durationSeconds, requests });
}
