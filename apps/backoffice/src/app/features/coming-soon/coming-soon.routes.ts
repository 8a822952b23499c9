import type { Routes } from '@angular/router';

// Modules whose screens are not built yet. The back-office `Sites` module lives at /cms because
// /sites/* is served by the server (public sites) and never reaches the SPA.
const MODULES = [
  { path: 'memberships', name: $localize`:@@nav.memberships:Adhésions`, purpose: $localize`:@@soon.memberships:Adhésions, cotisations, factures et paiements.` },
  { path: 'events', name: $localize`:@@nav.events:Événements`, purpose: $localize`:@@soon.events:Événements, inscriptions et présences.` },
  { path: 'mandates', name: $localize`:@@nav.mandates:Mandats`, purpose: $localize`:@@soon.mandates:Mandats et représentations dans les instances.` },
  { path: 'cms', name: $localize`:@@nav.cms:Sites`, purpose: $localize`:@@soon.cms:Sites publics du réseau : pages, actualités, médias.` },
  { path: 'assistant', name: $localize`:@@nav.assistant:Assistant IA`, purpose: $localize`:@@soon.assistant:Assistant qui répond à partir des documents du réseau.` },
];

export const comingSoonRoutes: Routes = MODULES.map((module) => ({
  path: module.path,
  title: module.name,
  data: { breadcrumb: module.name, moduleName: module.name, purpose: module.purpose },
  loadComponent: () => import('./coming-soon').then((m) => m.ComingSoon),
}));
