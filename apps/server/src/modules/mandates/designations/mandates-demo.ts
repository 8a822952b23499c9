import { newId, withOwnerClient, type Database } from '../../../platform/db/index.js';
import { addDays, todayUtc } from './mandate-actor.js';
import type { BodyKind } from './mandates.tables.js';

interface DemoBody {
  name: string;
  kind: BodyKind;
  departementCode: string;
  commune: string;
  /** Seat label → how many of its seats (titular, substitute) get a holder. */
  seats: string[];
}

const DEMO_BODIES: Record<'69' | '75', DemoBody[]> = {
  '69': [
    { name: "Conseil de prud'hommes de Lyon", kind: 'prudhommes', departementCode: '69', commune: 'Lyon', seats: ['Collège employeurs — section commerce', 'Collège employeurs — section industrie'] },
    { name: 'CPAM du Rhône', kind: 'cpam', departementCode: '69', commune: 'Lyon', seats: ["Conseil d'administration"] },
    { name: 'Tribunal de commerce de Lyon', kind: 'tribunal_commerce', departementCode: '69', commune: 'Lyon', seats: ['Juge consulaire'] },
    { name: 'CCI Lyon Métropole Saint-Étienne Roanne', kind: 'cci', departementCode: '69', commune: 'Lyon', seats: ['Assemblée générale — commerce'] },
  ],
  '75': [
    { name: "Conseil de prud'hommes de Paris", kind: 'prudhommes', departementCode: '75', commune: 'Paris', seats: ['Collège employeurs — section encadrement'] },
    { name: 'URSSAF Île-de-France', kind: 'urssaf', departementCode: '75', commune: 'Paris', seats: ["Conseil d'administration"] },
    { name: 'Tribunal de commerce de Paris', kind: 'tribunal_commerce', departementCode: '75', commune: 'Paris', seats: ['Juge consulaire'] },
  ],
};

/**
 * Demo bodies, seats and mandates for the Rhône and Paris unions, held by CRM demo contacts of
 * each union (skipped when the CRM demo has none). Some mandates end within 90 days (the expiry
 * tasks and the "expiring" report have something to show) and substitute seats stay vacant.
 * Idempotent: does nothing once the demo ran; reuses bodies and skips seats declared before.
 */
export async function seedMandatesDemo(database: Database): Promise<{ created: number }> {
  return withOwnerClient(database, async (client) => {
    // The marker is a body staff are unlikely to have declared before the first start.
    const exists = await client.query('SELECT 1 FROM mandate_bodies WHERE name = $1', [DEMO_BODIES['69'][1]!.name]);
    if (exists.rows.length > 0) return { created: 0 };
    const today = todayUtc();
    let created = 0;
    for (const code of ['69', '75'] as const) {
      const entity = (await client.query<{ id: string }>('SELECT id FROM entities WHERE code = $1', [code])).rows[0];
      if (!entity) continue;
      const persons = (await client.query<{ id: string }>('SELECT id FROM persons WHERE entity_id = $1 AND anonymized_at IS NULL ORDER BY id LIMIT 20', [entity.id])).rows;
      let next = 0;
      for (const body of DEMO_BODIES[code]) {
        await client.query('INSERT INTO mandate_bodies (id, name, kind, departement_code, commune) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING', [
          newId(),
          body.name,
          body.kind,
          body.departementCode,
          body.commune,
        ]);
        const bodyId = (await client.query<{ id: string }>('SELECT id FROM mandate_bodies WHERE name = $1', [body.name])).rows[0]!.id;
        for (const label of body.seats) {
          for (const role of ['titular', 'substitute'] as const) {
            const seatId = newId();
            const seat = await client.query('INSERT INTO mandate_seats (id, entity_id, body_id, label, role) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [seatId, entity.id, bodyId, label, role]);
            if (seat.rowCount !== 1) continue;
            const person = persons[next];
            // Every other substitute seat stays vacant, to give the vacancy report something to show.
            if (!person || (role === 'substitute' && next % 2 === 1)) continue;
            next += 1;
            // Four-year terms; every third one ends within the coming 90 days.
            const endOn = next % 3 === 0 ? addDays(today, 20 + next * 5) : addDays(today, 400 + next * 30);
            await client.query('INSERT INTO mandates (id, entity_id, seat_id, body_id, person_id, start_on, end_on) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
              newId(),
              entity.id,
              seatId,
              bodyId,
              person.id,
              addDays(endOn, -4 * 365),
              endOn,
            ]);
            created += 1;
          }
        }
      }
    }
    return { created };
  });
}
