import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { serializerFactory } from './serialization.js';

/**
 * Type coercion is right for the querystring, params and headers (everything arrives as text) but
 * wrong for JSON bodies: with `coerceTypes`, Ajv turns `null` into `""` in `Union([String, Null])`,
 * which breaks JSON Merge Patch (null clears a field) and accepts `"5"` for an integer. Bodies are
 * therefore validated by a second Ajv instance with the same options minus coercion.
 */
/** Also serializes responses from their shapes only (serialization.ts). */
export function strictBodySchemaController(): NonNullable<FastifyServerOptions['schemaController']> {
  const factory = AjvCompiler();
  return {
    compilersFactory: {
      buildValidator(externalSchemas, options) {
        const coercing = factory(externalSchemas, options);
        const ajvOptions = options as { customOptions?: Record<string, unknown> } | undefined;
        const strictOptions = { ...ajvOptions, customOptions: { ...ajvOptions?.customOptions, coerceTypes: false } };
        const strict = factory(externalSchemas, strictOptions as typeof options);
        return (route) => (route.httpPart === 'body' ? strict(route) : coercing(route));
      },
      buildSerializer: serializerFactory(),
    },
  };
}
