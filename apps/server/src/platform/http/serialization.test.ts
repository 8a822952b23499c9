import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { serializationSchema } from './serialization.js';
import { strictBodySchemaController } from './validation.js';

const Row = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()]),
  postalCode: Type.Union([Type.Null(), Type.String({ pattern: '^[0-9]{5}$' })]),
  kind: Type.Union([Type.Literal('national'), Type.Literal('departement')]),
  address: Type.Union([Type.Object({ city: Type.String({ minLength: 1 }) }), Type.Null()]),
  archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  count: Type.Integer({ minimum: 0 }),
});

describe('response serialization from shapes', () => {
  it('turns a nullable scalar into a type list and drops what only validates, keeping date formats', () => {
    expect(serializationSchema(Type.Union([Type.String({ pattern: '^x$', description: 'd' }), Type.Null()]))).toEqual({ type: ['string', 'null'], description: 'd' });
    expect(serializationSchema(Type.Union([Type.String({ format: 'date-time' }), Type.Null()]))).toEqual({ type: ['string', 'null'], format: 'date-time' });
    expect(serializationSchema(Row.properties.address)).toEqual({ type: ['object', 'null'], properties: { city: { type: 'string' } }, required: ['city'] });
    // Unions of literals keep their branches.
    expect(serializationSchema(Row.properties.kind)).toEqual({ anyOf: [{ type: 'string', const: 'national' }, { type: 'string', const: 'departement' }] });
  });

  it('writes the same JSON as before for every shape a response uses, null or not', async () => {
    const app = Fastify({ schemaController: strictBodySchemaController() });
    const rows = [
      { id: '0193a4f2-1111-7abc-8def-0123456789ab', email: 'a@b.fr', postalCode: '69001', kind: 'departement', address: { city: 'Lyon' }, archivedAt: '2026-11-30T10:00:00.000Z', count: 3 },
      { id: '0193a4f2-1111-7abc-8def-0123456789ac', email: null, postalCode: null, kind: 'national', address: null, archivedAt: null, count: 0 },
    ];
    app.get('/rows', { schema: { response: { 200: Type.Object({ items: Type.Array(Row) }) } } }, async () => ({ items: rows }));
    const response = await app.inject({ method: 'GET', url: '/rows' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(JSON.stringify({ items: rows }));
    await app.close();
  });
});
