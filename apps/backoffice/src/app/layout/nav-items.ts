/** The side navigation, one entry per module. */
export interface NavItem {
  path: string;
  label: string;
  icon: string;
  /** A feature flag that must be on for the user (absent flag: hidden) for the entry to show. */
  flag?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', label: $localize`:@@nav.dashboard:Tableau de bord`, icon: 'dashboard' },
  { path: '/crm', label: $localize`:@@nav.crm:CRM`, icon: 'contacts' },
  { path: '/memberships', label: $localize`:@@nav.memberships:Adhésions`, icon: 'card' },
  { path: '/events', label: $localize`:@@nav.events:Événements`, icon: 'event' },
  { path: '/mandates', label: $localize`:@@nav.mandates:Mandats`, icon: 'badge' },
  { path: '/tasks', label: $localize`:@@nav.tasks:Tâches`, icon: 'checklist' },
  { path: '/cms', label: $localize`:@@nav.cms:Sites`, icon: 'web' },
  { path: '/assistant', label: $localize`:@@nav.assistant:Assistant IA`, icon: 'assistant', flag: 'ai.assistant' },
  { path: '/admin', label: $localize`:@@nav.admin:Administration`, icon: 'settings' },
];
