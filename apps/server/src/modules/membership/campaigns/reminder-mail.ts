import { registerMailTemplate } from '../../../platform/mail/index.js';

export const RENEWAL_REMINDER_TEMPLATE = 'membership.renewal-reminder';

/** Transactional (a reminder of an invoice owed): no unsubscribe link. */
export function registerRenewalReminderTemplate(): void {
  registerMailTemplate({
    name: RENEWAL_REMINDER_TEMPLATE,
    subject: 'Relance : cotisation {{year}} — facture {{invoiceNumber}}',
    html:
      '<p>Madame, Monsieur,</p>' +
      '<p>Sauf erreur de notre part, la facture {{invoiceNumber}} de {{issuerName}} relative à votre cotisation {{year}}, ' +
      "d'un montant restant dû de {{balance}}, arrivée à échéance le {{dueDate}}, n'est pas encore réglée.</p>" +
      '<p>Nous vous remercions de bien vouloir procéder à son règlement. Si vous l’avez déjà effectué, merci de ne pas tenir compte de ce message.</p>' +
      '<p>Cordialement,<br>{{issuerName}}</p>',
    text:
      'Madame, Monsieur,\n\n' +
      'Sauf erreur de notre part, la facture {{invoiceNumber}} de {{issuerName}} relative à votre cotisation {{year}}, ' +
      "d'un montant restant dû de {{balance}}, arrivée à échéance le {{dueDate}}, n'est pas encore réglée.\n\n" +
      'Nous vous remercions de bien vouloir procéder à son règlement. Si vous l’avez déjà effectué, merci de ne pas tenir compte de ce message.\n\n' +
      'Cordialement,\n{{issuerName}}',
  });
}
