import { describe, expect, it } from 'vitest';
import { EntityTree, type EntityNode } from '../tenancy/entity-tree.js';
import { ResolvedPrincipal, resolvePermissionRoots, restrictToPermissions } from './resolved-principal.js';
import { isKnownPermission, listPermissions, registerPermissions } from './permissions.js';
import { sessionCookieOptions } from './session-cookie.js';

const node = (id: string, parentId: string | null): EntityNode => ({ id, parentId, code: id, kind: parentId ? 'departement' : 'national', name: id });
const tree = new EntityTree([node('FR', null), node('R84', 'FR'), node('69', 'R84'), node('75', 'FR')]);

describe('grant resolution', () => {
  it('folds grants into minimal roots per permission and expands them', () => {
    const roots = resolvePermissionRoots(
      [
        { entityId: '69', permissions: ['crm.read', 'crm.write'] },
        { entityId: 'R84', permissions: ['crm.read'] },
        { entityId: '75', permissions: ['crm.read'] },
      ],
      tree,
    );
    const principal = new ResolvedPrincipal({ userId: 'u', email: 'e', via: 'session', roots, tree });
    expect(principal.rootsFor('crm.read')).toEqual(['75', 'R84']);
    expect(principal.rootsFor('crm.write')).toEqual(['69']);
    expect(principal.rootsFor('audit.read')).toEqual([]);
    expect([...principal.entityIdsFor('crm.read')].sort()).toEqual(['69', '75', 'R84']);
    expect(principal.holdsOn('crm.write', '69')).toBe(true);
    expect(principal.holdsOn('crm.write', 'R84')).toBe(false);
    expect(principal.permissions()).toEqual(['crm.read', 'crm.write']);
  });

  it('limits a token to the permissions it lists', () => {
    const roots = resolvePermissionRoots([{ entityId: '69', permissions: ['crm.read', 'crm.write'] }], tree);
    expect([...restrictToPermissions(roots, ['crm.read', 'audit.read']).keys()]).toEqual(['crm.read']);
  });
});

describe('permission catalogue', () => {
  it('lets modules register permissions and infers read/write access', () => {
    registerPermissions([{ name: 'crm.organizations.read', description: 'Lire' }, { name: 'crm.organizations.write', description: 'Écrire' }]);
    expect(isKnownPermission('crm.organizations.write')).toBe(true);
    const read = listPermissions().find((p) => p.name === 'crm.organizations.read');
    expect(read).toEqual({ name: 'crm.organizations.read', description: 'Lire', category: 'business', access: 'read' });
    expect(() => registerPermissions([{ name: 'Bad Name', description: '' }])).toThrow(/Invalid permission/);
    expect(() => registerPermissions([{ name: 'crm.organizations.read', description: '', category: 'platform' }])).toThrow(/already registered/);
  });
});

describe('session cookie', () => {
  it('is Secure only behind https', () => {
    expect(sessionCookieOptions({ publicUrl: 'https://maillage.example', sessionTtlMinutes: 60 })).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax', path: '/', maxAge: 3600 });
    expect(sessionCookieOptions({ publicUrl: 'http://localhost:3000', sessionTtlMinutes: 60 }).secure).toBe(false);
  });
});
