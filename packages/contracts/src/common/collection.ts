import { Type, type TSchema } from 'typebox';

export const CountModeSchema = Type.Union([Type.Literal('exact'), Type.Literal('estimated'), Type.Literal('none')], {
  description: 'exact: COUNT(*); estimated: planner estimate (cheap, approximate); none (default): no count.',
});

/**
 * The envelope of every collection response. `nextCursor` is null on the last page; `count` is
 * present only when the request asked for one (`count=exact|estimated`).
 */
export const CollectionEnvelope = <T extends TSchema>(item: T, options: { $id?: string; description?: string } = {}) =>
  Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` to fetch the next page; null on the last page.' }),
      count: Type.Optional(Type.Integer({ minimum: 0, description: 'Total number of matching items (exact or estimated, as requested).' })),
    },
    options,
  );
