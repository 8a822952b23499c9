import type { Routes } from '@angular/router';

// Modules whose screens are not built yet (their APIs may already exist).
const MODULES = [
  { path: 'events', name: $localize`:@@nav.events:Événements`, purpose: $localize`:@@soon.events:Événements, inscriptions et présences.` },
  { path: 'mandates', name: $localize`:@@nav.mandates:Mandats`, purpose: $localize`:@@soon.mandates:Mandats et représentations dans les instances.` },
  { path: 'assistant', name: $localize`:@@nav.assistant:Assistant IA`, purpose: $localize`:@@soon.assistant:Assistant qui répond à partir des documents du réseau.` },
];

export const comingSoonRoutes: Routes = MODULES.map((module) => ({
  path: module.path,
  title: module.name,
  data: { breadcrumb: module.name, moduleName: module.name, purpose: module.purpose },
  loadComponent: () => import('./coming-soon').then((m) => m.ComingSoon),
}));
