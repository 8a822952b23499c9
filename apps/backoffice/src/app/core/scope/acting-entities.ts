import type { Me } from '../auth/session';

/** An entity the signed-in user may act on, as the branch switcher shows it. */
export interface ActingEntity {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** 0 for the roots of the user's scope, then one more per level below. */
  depth: number;
}

/** Adapts /auth/me's entity list to the switcher's view, parents before children. */
export function actingEntities(me: Me): ActingEntity[] {
  const list = (me as { entities?: Array<{ id: string; name: string; kind?: string; parentId?: string | null }> }).entities ?? [];
  const ids = new Set(list.map((e) => e.id));
  const children = new Map<string | null, typeof list>();
  for (const entity of list) {
    // A parent outside the user's scope makes the entity a root of that scope.
    const parent = entity.parentId && ids.has(entity.parentId) ? entity.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), entity]);
  }
  const ordered: ActingEntity[] = [];
  const walk = (parent: string | null, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    for (const entity of level) {
      ordered.push({ id: entity.id, name: entity.name, kind: entity.kind ?? '', parentId: entity.parentId ?? null, depth });
      walk(entity.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}
