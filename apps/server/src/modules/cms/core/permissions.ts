import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const CMS_PERMISSIONS = {
  /** See sites, contents, revisions and the syndication inbox of one's entities. */
  read: 'cms.content.read',
  /** Write contents and categories, submit them for review (editors). */
  edit: 'cms.content.edit',
  /** Approve, publish, schedule, unpublish, archive, syndicate and answer syndication offers (publishers). */
  publish: 'cms.content.publish',
  /** Create a site and change its settings, theme, host names and menus (managers, branch admins). */
  sitesManage: 'cms.sites.manage',
} as const;

export const CMS_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: CMS_PERMISSIONS.read, description: 'Consulter les sites, contenus et révisions', category: 'business', access: 'read' },
  { name: CMS_PERMISSIONS.edit, description: 'Rédiger les contenus des sites et les soumettre à relecture', category: 'business' },
  { name: CMS_PERMISSIONS.publish, description: 'Publier, programmer, retirer et syndiquer les contenus des sites', category: 'business' },
  { name: CMS_PERMISSIONS.sitesManage, description: 'Créer un site et modifier ses réglages, son thème et ses menus', category: 'business' },
];
