/**
 * The administration screens. `ready: true` marks screens whose API does not exist yet (they show
 * « bientôt disponible »); `permission` hides a screen from users who may not use it anywhere.
 */
export interface AdminScreen {
  path: string;
  title: string;
  description: string;
  permission: string;
  ready: boolean;
}

export const ADMIN_SCREENS: readonly AdminScreen[] = [
  { path: 'users', title: $localize`:@@admin.users:Utilisateurs`, description: $localize`:@@admin.usersDesc:Comptes du personnel : création, désactivation, réinitialisation de la double authentification.`, permission: 'identity.users.read', ready: true },
  { path: 'roles', title: $localize`:@@admin.roles:Rôles et habilitations`, description: $localize`:@@admin.rolesDesc:Rôles et permissions accordés par entité.`, permission: 'identity.grants.manage', ready: true },
  { path: 'entities', title: $localize`:@@admin.entities:Réseau`, description: $localize`:@@admin.entitiesDesc:Arborescence des entités : siège, régions, unions départementales, fédérations.`, permission: 'entities.read', ready: true },
  { path: 'tokens', title: $localize`:@@admin.tokens:Jetons d'accès`, description: $localize`:@@admin.tokensDesc:Jetons d'accès personnels pour les intégrations.`, permission: '', ready: true },
  { path: 'flags', title: $localize`:@@admin.flags:Fonctionnalités`, description: $localize`:@@admin.flagsDesc:Activation progressive des fonctionnalités.`, permission: 'platform.flags.manage', ready: true },
  { path: 'audit', title: $localize`:@@admin.audit:Journal d'audit`, description: $localize`:@@admin.auditDesc:Qui a fait quoi, quand, et ce qui a changé.`, permission: 'audit.read', ready: true },
  { path: 'jobs', title: $localize`:@@admin.jobs:Tâches de fond`, description: $localize`:@@admin.jobsDesc:Files d'attente, échecs et relances.`, permission: 'platform.jobs.manage', ready: true },
];
