import { AppError, ConflictError } from '../../../platform/http/errors.js';

export class RegistrationClosedError extends ConflictError {
  constructor(detail: string) {
    super(detail, 'registration_closed');
  }
}

export class AlreadyRegisteredError extends AppError {
  constructor(registrationId: string, eventId: string) {
    super('already_registered', 409, 'Conflict', 'Ce contact est déjà inscrit à cet événement (ou en liste d\'attente).', [], {
      location: `/api/v1/events/${eventId}/registrations/${registrationId}`,
    });
  }
}

export class RegistrationStateError extends ConflictError {
  constructor(detail: string) {
    super(detail, 'registration_state');
  }
}
