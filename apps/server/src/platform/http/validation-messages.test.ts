import Fastify from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandler } from './problem-handler.js';
import { strictBodySchemaController } from './validation.js';

/** Through Fastify's real schema validation (same Ajv options as the app), not hand-made issues. */
describe('French field messages of schema validation', () => {
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
    schemaController: strictBodySchemaController(),
  });
  beforeAll(async () => {
    registerProblemHandler(app);
    app.post(
      '/probe',
      {
        schema: {
          querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
          body: Type.Object(
            {
              email: Type.String({ format: 'email' }),
              name: Type.String({ minLength: 2, maxLength: 5 }),
              code: Type.String({ pattern: '^[a-z]+$' }),
              status: Type.Union([Type.Literal('active'), Type.Literal('deactivated')]),
              tags: Type.Array(Type.String(), { maxItems: 1 }),
              count: Type.Integer(),
            },
            { additionalProperties: false },
          ),
        },
      },
      async () => ({ ok: true }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('names every field in French, one message per field, with JSON pointers', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe',
      payload: { email: 'pas-une-adresse', name: 'Bien trop long', code: 'A1', status: 'archived', tags: ['a', 'b'], count: 'trois', colour: 'bleu' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { pointer: '/colour', message: "Ce champ n'est pas accepté ici." },
        { pointer: '/email', message: 'Adresse e-mail invalide.' },
        { pointer: '/name', message: 'Au plus 5 caractères.' },
        { pointer: '/code', message: 'Format invalide.' },
        { pointer: '/status', message: 'Valeur non autorisée. Valeurs possibles : "active", "deactivated".' },
        { pointer: '/tags', message: 'Au plus 1 élément(s).' },
        { pointer: '/count', message: 'Valeur invalide : un nombre entier est attendu.' },
      ]),
    );
    expect(response.json().errors).toHaveLength(7);
  });

  it('says which field is missing, and prefixes pointers outside the body with their part', async () => {
    const valid = { email: 'a@example.fr', name: 'Léa', code: 'abc', status: 'active', tags: [], count: 3 };
    const query = await app.inject({ method: 'POST', url: '/probe?limit=0', payload: valid });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors).toEqual([{ pointer: '/querystring/limit', message: 'La valeur doit être supérieure ou égale à 1.' }]);
    const { count: _count, ...withoutCount } = valid;
    const missing = await app.inject({ method: 'POST', url: '/probe', payload: withoutCount });
    expect(missing.json().errors).toEqual([{ pointer: '/count', message: 'Ce champ est obligatoire.' }]);
  });
});
