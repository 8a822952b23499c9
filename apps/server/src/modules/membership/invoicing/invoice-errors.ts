import { AppError, ConflictError } from '../../../platform/http/errors.js';

/** 409 with the French reason: an issued invoice is a legal record; corrections go through credit notes. */
export class InvoiceNotDraftError extends ConflictError {
  constructor(number: string) {
    super(`La facture ${number} est émise : elle ne peut plus être modifiée. Pour la corriger, établissez un avoir.`, 'invoice_not_draft');
  }
}

/** 409 for an action that needs an issued invoice still open (credit note, payment). */
export class InvoiceNotOpenError extends ConflictError {
  constructor(detail: string) {
    super(detail, 'invoice_not_open');
  }
}

/** 422: the issuing entity lacks the legal identity every invoice must print. */
export class IssuerWithoutLegalIdentityError extends AppError {
  constructor() {
    super(
      'issuer_without_legal_identity',
      422,
      'Issuer without legal identity',
      "La structure émettrice n'a pas d'identité légale complète (SIREN, adresse, code postal, ville) : renseignez-la avant d'émettre une facture.",
    );
  }
}
