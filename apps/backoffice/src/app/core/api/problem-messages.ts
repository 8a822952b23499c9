import type { ApiProblem } from './api-problem';

/**
 * French wording for the stable problem codes users meet most. Codes not listed fall back to the
 * server's `detail` (English) prefixed by a generic sentence, so nothing is ever silently hidden.
 */
const MESSAGES: Record<string, string> = {
  invalid_credentials: $localize`:@@problem.invalidCredentials:Adresse e-mail ou mot de passe incorrect.`,
  invalid_mfa_code: $localize`:@@problem.invalidTotp:Code de vérification incorrect.`,
  mfa_required: $localize`:@@problem.mfaRequired:Saisissez le code à 6 chiffres de votre application d'authentification.`,
  account_locked: $localize`:@@problem.accountLocked:Compte temporairement verrouillé après trop de tentatives.`,
  account_deactivated: $localize`:@@problem.accountDisabled:Ce compte est désactivé. Contactez votre administrateur.`,
  rate_limited: $localize`:@@problem.rateLimited:Trop de requêtes. Patientez un instant avant de réessayer.`,
  unauthenticated: $localize`:@@problem.unauthenticated:Votre session a expiré. Reconnectez-vous.`,
  forbidden: $localize`:@@problem.forbidden:Vous n'avez pas les droits nécessaires pour cette action.`,
  csrf_failed: $localize`:@@problem.csrf:La page a expiré. Rechargez-la puis réessayez.`,
  not_found: $localize`:@@problem.notFound:Élément introuvable ou inaccessible.`,
  validation_failed: $localize`:@@problem.validation:Certains champs sont invalides. Corrigez-les puis réessayez.`,
  conflict: $localize`:@@problem.conflict:Cet élément existe déjà ou a été modifié entre-temps.`,
  precondition_failed: $localize`:@@problem.precondition:Cet élément a été modifié par quelqu'un d'autre. Rechargez-le.`,
  network_error: $localize`:@@problem.network:Le serveur est injoignable. Vérifiez votre connexion.`,
  internal_error: $localize`:@@problem.internal:Une erreur inattendue est survenue.`,
  service_unavailable: $localize`:@@problem.unavailable:Le service est momentanément indisponible.`,
  import_dry_run_busy: $localize`:@@problem.importBusy:D'autres fichiers d'import sont en cours d'analyse sur le serveur.`,
};

/** A sentence a staff member can act on, in French. */
export function problemMessage(problem: ApiProblem): string {
  const known = MESSAGES[problem.code];
  if (known) return withRetry(known, problem);
  if (problem.status === 403) return MESSAGES['forbidden']!;
  if (problem.status === 404) return MESSAGES['not_found']!;
  if (problem.status >= 500) return MESSAGES['internal_error']!;
  return problem.detail
    ? $localize`:@@problem.generic:La demande a été refusée : ${problem.detail}:detail:`
    : $localize`:@@problem.genericNoDetail:La demande a été refusée (code ${problem.code}:code:).`;
}

function withRetry(message: string, problem: ApiProblem): string {
  if (!problem.retryAfter) return message;
  const minutes = Math.ceil(problem.retryAfter / 60);
  return problem.retryAfter < 90
    ? $localize`:@@problem.retrySeconds:${message}:message: Réessayez dans ${problem.retryAfter}:seconds: secondes.`
    : $localize`:@@problem.retryMinutes:${message}:message: Réessayez dans ${minutes}:minutes: minutes.`;
}
