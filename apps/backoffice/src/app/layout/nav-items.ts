/** The side navigation, one entry per module; `ready: false` modules show « bientôt disponible ». */
export interface NavItem {
  path: string;
  label: string;
  icon: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/dashboard', label: $localize`:@@nav.dashboard:Tableau de bord`, icon: 'dashboard' },
  { path: '/crm', label: $localize`:@@nav.crm:CRM`, icon: 'contacts' },
  { path: '/memberships', label: $localize`:@@nav.memberships:Adhésions`, icon: 'card' },
  { path: '/events', label: $localize`:@@nav.events:Événements`, icon: 'event' },
  { path: '/mandates', label: $localize`:@@nav.mandates:Mandats`, icon: 'badge' },
  { path: '/cms', label: $localize`:@@nav.cms:Sites`, icon: 'web' },
  { path: '/assistant', label: $localize`:@@nav.assistant:Assistant IA`, icon: 'assistant' },
  { path: '/admin', label: $localize`:@@nav.admin:Administration`, icon: 'settings' },
];
