import { Type } from 'typebox';

export const Uuid = (options: { description?: string } = {}) => Type.String({ format: 'uuid', ...options });
export const Timestamp = (options: { description?: string } = {}) => Type.String({ format: 'date-time', ...options });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
