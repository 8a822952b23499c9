/**
 * Demo knowledge collection « Guides pratiques »: short French guides for small businesses, written
 * for the demo and the golden evaluation set (golden-set.ts). Figures are illustrative, not legal advice.
 * Each guide is one JSON Lines document (`id`, `title`, `text`, `url`, `version`).
 */
export interface GuideDocument {
  id: string;
  title: string;
  text: string;
  url: string;
  version: string;
}

const guide = (id: string, title: string, paragraphs: string[]): GuideDocument => ({
  id,
  title,
  text: paragraphs.join('\n'),
  url: `https://guides.maillage.example/guides/${id}`,
  version: '2026-11',
});

export const GUIDES_PRATIQUES: readonly GuideDocument[] = [
  guide('embauche-dpae', 'Embaucher un salarié : les formalités', [
    "Avant toute embauche, l'employeur adresse une déclaration préalable à l'embauche (DPAE) à l'Urssaf.",
    "La DPAE est transmise au plus tôt 8 jours avant la date prévisible d'embauche et au plus tard juste avant la prise de poste.",
    "Le nouveau salarié est inscrit sur le registre unique du personnel dès son arrivée dans l'entreprise.",
    "L'employeur remet au salarié un contrat de travail écrit ou, à défaut, un document reprenant les informations essentielles de la relation de travail.",
  ]),
  guide('contrat-cdd', 'Le contrat à durée déterminée (CDD)', [
    "Un CDD ne peut être conclu que pour une tâche précise et temporaire, par exemple le remplacement d'un salarié absent ou un accroissement temporaire d'activité.",
    "Sa durée maximale est en principe de 18 mois, renouvellements compris.",
    'Le contrat est écrit et transmis au salarié au plus tard dans les 2 jours ouvrables suivant l\'embauche.',
    "À la fin du contrat, le salarié perçoit une indemnité de fin de contrat, dite prime de précarité, égale à 10 % de la rémunération brute totale versée.",
  ]),
  guide('periode-essai', "La période d'essai", [
    "La période d'essai permet à l'employeur d'évaluer les compétences du salarié et au salarié d'apprécier si les fonctions lui conviennent.",
    "En CDI, sa durée maximale est de 2 mois pour les ouvriers et employés, 3 mois pour les agents de maîtrise et techniciens, 4 mois pour les cadres.",
    "Elle ne peut être renouvelée qu'une fois, si un accord de branche étendu le prévoit et si le contrat de travail le mentionne.",
    "La période d'essai doit être expressément prévue dans la lettre d'engagement ou le contrat de travail : elle ne se présume pas.",
  ]),
  guide('apprentissage', "Recruter un apprenti", [
    "Le contrat d'apprentissage s'adresse en principe aux jeunes de 16 à 29 ans révolus qui préparent un diplôme ou un titre professionnel.",
    "Il alterne formation en centre de formation d'apprentis (CFA) et travail en entreprise, pour une durée de 6 mois à 3 ans.",
    "L'employeur désigne un maître d'apprentissage chargé d'accompagner l'apprenti dans l'entreprise.",
    "Le coût de la formation est pris en charge par l'opérateur de compétences (OPCO) de la branche.",
    "Une aide à l'embauche d'un apprenti peut être versée la première année du contrat ; son montant est fixé par décret.",
  ]),
  guide('conges-payes', 'Les congés payés', [
    'Tout salarié acquiert 2,5 jours ouvrables de congés payés par mois de travail effectif, soit 30 jours ouvrables par an.',
    "La période de référence pour acquérir les congés court en principe du 1er juin au 31 mai de l'année suivante.",
    'Le congé principal d\'au moins 12 jours ouvrables continus est pris entre le 1er mai et le 31 octobre.',
    "L'employeur fixe l'ordre des départs après avis du comité social et économique, s'il existe, et le communique au moins un mois à l'avance.",
  ]),
  guide('rupture-conventionnelle', 'La rupture conventionnelle', [
    "La rupture conventionnelle permet à l'employeur et au salarié en CDI de convenir ensemble des conditions de la fin du contrat.",
    'Les parties se réunissent lors d\'un ou plusieurs entretiens, au cours desquels le salarié peut se faire assister.',
    'La convention signée ouvre un délai de rétractation de 15 jours calendaires pour chacune des parties.',
    "La demande d'homologation est ensuite adressée à l'administration (DREETS) par le téléservice TéléRC, qui dispose de 15 jours ouvrables pour l'instruire.",
    "L'indemnité spécifique de rupture conventionnelle ne peut pas être inférieure à l'indemnité légale de licenciement.",
  ]),
  guide('cotisations-dsn', 'Cotisations sociales et DSN', [
    "Les cotisations sociales sont déclarées chaque mois dans la déclaration sociale nominative (DSN), produite à partir du logiciel de paie.",
    "La DSN est transmise le 5 du mois suivant pour les entreprises d'au moins 50 salariés, et le 15 du mois suivant pour les autres.",
    'La réduction générale des cotisations patronales s\'applique aux rémunérations inférieures à 1,6 fois le SMIC.',
    "En cas de retard de déclaration ou de paiement, l'Urssaf applique des majorations de retard.",
  ]),
  guide('mutuelle-prevoyance', 'Complémentaire santé et prévoyance', [
    "Depuis le 1er janvier 2016, tout employeur du secteur privé doit proposer une complémentaire santé collective à ses salariés.",
    "L'employeur finance au moins 50 % de la cotisation de cette couverture santé.",
    'Certains salariés peuvent demander à être dispensés d\'adhésion, par exemple s\'ils sont déjà couverts par la mutuelle obligatoire de leur conjoint.',
    "Pour les cadres, la convention collective nationale de 2017 impose une cotisation de prévoyance patronale de 1,50 % de la tranche A de rémunération.",
  ]),
  guide('rgpd-salaries', 'RGPD : les données des salariés', [
    "L'employeur tient un registre des activités de traitement qui recense les fichiers du personnel et leur finalité.",
    'Les données ne sont conservées que le temps nécessaire à la finalité poursuivie ; les bulletins de paie sont conservés 5 ans par l\'employeur.',
    'Chaque salarié dispose d\'un droit d\'accès à ses données et peut en demander la rectification.',
    "Une violation de données présentant un risque pour les personnes doit être notifiée à la CNIL dans les 72 heures après en avoir pris connaissance.",
  ]),
  guide('facturation-electronique', 'La facturation électronique', [
    'La généralisation de la facturation électronique entre entreprises assujetties à la TVA se fait en deux étapes.',
    'À compter du 1er septembre 2026, toutes les entreprises doivent être en mesure de recevoir des factures électroniques.',
    "L'obligation d'émettre des factures électroniques s'applique aux PME et micro-entreprises à compter du 1er septembre 2027.",
    'Les factures transitent par une plateforme agréée, choisie par l\'entreprise.',
    'De nouvelles mentions deviennent obligatoires, notamment le numéro SIREN du client et la catégorie de l\'opération.',
  ]),
  guide('heures-supplementaires', 'Les heures supplémentaires', [
    'Les heures supplémentaires sont les heures accomplies au-delà de la durée légale de 35 heures par semaine.',
    "À défaut d'accord collectif, elles sont majorées de 25 % pour les 8 premières heures et de 50 % au-delà.",
    "Le contingent annuel d'heures supplémentaires est fixé à 220 heures par salarié, sauf accord collectif différent.",
    'La rémunération des heures supplémentaires est exonérée d\'impôt sur le revenu dans la limite de 7 500 euros par an.',
  ]),
  guide('teletravail', 'Mettre en place le télétravail', [
    'Le télétravail est mis en place par accord collectif ou, à défaut, par une charte élaborée par l\'employeur après avis du comité social et économique.',
    "En l'absence d'accord ou de charte, l'employeur et le salarié peuvent convenir du télétravail par tout moyen, par exemple un échange de courriels.",
    "Le télétravailleur a les mêmes droits que le salarié qui travaille dans les locaux de l'entreprise.",
    "L'allocation forfaitaire de télétravail versée par l'employeur est exonérée de cotisations dans la limite de 2,70 euros par jour télétravaillé.",
  ]),
  guide('licenciement-motif-personnel', 'Le licenciement pour motif personnel', [
    "L'employeur convoque le salarié à un entretien préalable par lettre recommandée ou remise en main propre contre décharge.",
    "L'entretien ne peut pas avoir lieu moins de 5 jours ouvrables après la présentation de la lettre de convocation.",
    'La lettre de licenciement, qui énonce le motif, est envoyée au moins 2 jours ouvrables après l\'entretien.',
    "Le salarié qui compte au moins 8 mois d'ancienneté a droit à l'indemnité légale de licenciement : un quart de mois de salaire par année d'ancienneté jusqu'à 10 ans, un tiers de mois au-delà.",
  ]),
  guide('visite-medicale', 'Le suivi médical des salariés', [
    "Tout salarié bénéficie d'une visite d'information et de prévention dans les 3 mois qui suivent sa prise de poste.",
    'Cette visite est réalisée par un professionnel de santé du service de prévention et de santé au travail auquel adhère l\'employeur.',
    'Le suivi est ensuite renouvelé selon une périodicité qui ne peut pas dépasser 5 ans.',
    'Les salariés affectés à des postes à risques bénéficient d\'un suivi individuel renforcé avec un examen médical d\'aptitude avant l\'embauche.',
  ]),
  guide('entretien-professionnel', "L'entretien professionnel", [
    "L'entretien professionnel, distinct de l'entretien d'évaluation, porte sur les perspectives d'évolution professionnelle du salarié.",
    'Il a lieu tous les 2 ans et à la reprise après certaines absences, comme un congé parental.',
    "Tous les 6 ans, l'entretien fait un état des lieux récapitulatif du parcours professionnel du salarié.",
    "Dans les entreprises d'au moins 50 salariés, un abondement de 3 000 euros sur le compte personnel de formation est dû si le salarié n'a pas bénéficié des entretiens et d'une formation non obligatoire.",
  ]),
];
