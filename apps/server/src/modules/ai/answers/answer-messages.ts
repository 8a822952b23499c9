/** What the asker reads when the assistant does not answer fully (French, shown as is). */
export const ANSWER_MESSAGES = {
  noSource:
    "Je n'ai trouvé, dans les sources auxquelles vous avez accès, aucun passage qui réponde à cette question. Reformulez-la ou adressez-vous à un conseiller de votre structure.",
  restricted:
    "Les seules sources pertinentes sont réservées au personnel et ne peuvent pas être transmises au fournisseur d'IA externe configuré pour votre structure : aucune réponse ne peut être proposée.",
  unverified:
    "La réponse proposée n'a pas pu être vérifiée : aucune de ses phrases n'est étayée par une citation exacte des sources. Aucune réponse n'est donc donnée.",
  partial: "Certaines phrases de la réponse ont été retirées car leurs citations n'ont pas pu être vérifiées dans les sources.",
  providerFailed: "Le fournisseur d'IA n'a pas pu répondre. Réessayez dans quelques instants.",
  disabled: "L'assistant n'est pas activé pour votre structure.",
  rateLimited: 'Vous avez posé trop de questions en peu de temps. Réessayez dans quelques instants.',
} as const;
