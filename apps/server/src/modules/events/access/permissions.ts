import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const EVENT_PERMISSIONS = {
  /** Read the events of one's entities, their registrations and the attendee export. */
  read: 'events.read',
  /** Create and change events, register and cancel contacts, change capacity. */
  write: 'events.write',
  /** Check attendees in at the door (hostesses, volunteers) without the right to edit events. */
  checkin: 'events.checkin',
} as const;

// `business`: managers get all three, viewers the read one (system roles are defined by rule).
export const EVENT_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: EVENT_PERMISSIONS.read, description: 'Consulter les événements et leurs inscriptions', category: 'business' },
  { name: EVENT_PERMISSIONS.write, description: 'Créer et modifier les événements, inscrire et désinscrire des contacts', category: 'business' },
  { name: EVENT_PERMISSIONS.checkin, description: "Pointer les participants à l'entrée d'un événement", category: 'business', access: 'write' },
];
