import { Type, type Static, type TSchema } from 'typebox';
import type { MenuItem } from './sites.tables.js';

const Uuid = Type.String({ format: 'uuid' });
const Colour = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'Colour as #rrggbb' });
const Slug = Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Lower case letters, digits and dashes' });
const HostName = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: '^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$',
  description: 'A lower-case DNS host name (no scheme, no port)',
});

export const SiteThemeSchema = Type.Object(
  {
    logoMediaId: Type.Union([Uuid, Type.Null()], { description: 'Logo from the media library' }),
    primaryColour: Colour,
    accentColour: Colour,
    footerText: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);

function menuItemSchema(depth: number): TSchema {
  const base = {
    label: Type.String({ minLength: 1, maxLength: 100 }),
    contentId: Type.Optional(Type.String({ format: 'uuid', description: 'A content item of this site' })),
    url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^(https?://|/)', description: 'An absolute http(s) URL or a site path' })),
  };
  return depth === 0
    ? Type.Object(base, { additionalProperties: false })
    : Type.Object({ ...base, children: Type.Optional(Type.Array(menuItemSchema(depth - 1), { maxItems: 30 })) }, { additionalProperties: false });
}

export const MenuItemSchema = Type.Unsafe<MenuItem>(menuItemSchema(2));

export const SiteMenusSchema = Type.Object(
  {
    main: Type.Array(MenuItemSchema, { maxItems: 30 }),
    footer: Type.Array(MenuItemSchema, { maxItems: 30 }),
  },
  { additionalProperties: false, description: 'Navigation menus (items link a contentId of the site or a url; two levels of children)' },
);

export const SiteSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    slug: Type.String(),
    name: Type.String(),
    theme: SiteThemeSchema,
    hostNames: Type.Array(Type.String()),
    menus: SiteMenusSchema,
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CmsSite' },
);
export type Site = Static<typeof SiteSchema>;

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateSiteSchema = Type.Object(
  {
    entityId: Type.Optional(Type.String({ format: 'uuid', description: 'The entity whose site this is; required when you act on several' })),
    slug: Slug,
    name: Name,
    theme: Type.Optional(Type.Partial(SiteThemeSchema, { additionalProperties: false })),
    hostNames: Type.Optional(Type.Array(HostName, { maxItems: 10, uniqueItems: true })),
    menus: Type.Optional(SiteMenusSchema),
  },
  { additionalProperties: false },
);
export type CreateSite = Static<typeof CreateSiteSchema>;

export const SitePatchSchema = Type.Object(
  {
    slug: Type.Optional(Slug),
    name: Type.Optional(Name),
    theme: Type.Optional(Type.Partial(SiteThemeSchema, { additionalProperties: false })),
    hostNames: Type.Optional(Type.Array(HostName, { maxItems: 10, uniqueItems: true })),
    menus: Type.Optional(SiteMenusSchema),
  },
  { additionalProperties: false, minProperties: 1, description: 'JSON Merge Patch (theme merges; hostNames and menus are replaced whole)' },
);
export type SitePatch = Static<typeof SitePatchSchema>;

export const SiteIdParamsSchema = Type.Object({ siteId: Uuid });
