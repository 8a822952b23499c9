import type { RichTextDocument, RichTextNode } from '../rich-text/index.js';

/** Demo content of the CMS (French, fictitious but realistic for a confederation of small businesses). */
export interface DemoItem {
  kind: 'page' | 'article';
  title: string;
  summary?: string;
  paragraphs: string[];
  bullets?: string[];
  category?: string;
  tags?: string[];
  author?: string;
  featured?: boolean;
  /** Days before the seed date. */
  daysAgo?: number;
  /** Left as a draft (not published). */
  draft?: boolean;
}

export interface DemoSite {
  entityCode: string;
  slug: string;
  name: string;
  primaryColour: string;
  footerText: string;
  categories: string[];
  items: DemoItem[];
}

const text = (value: string): RichTextNode => ({ type: 'text', text: value });

export function demoBody(item: DemoItem): RichTextDocument {
  const content: RichTextNode[] = item.paragraphs.map((paragraph) => ({ type: 'paragraph', content: [text(paragraph)] }));
  if (item.bullets) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text("L'essentiel")] });
    content.push({ type: 'bulletList', content: item.bullets.map((bullet) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(bullet)] }] })) });
  }
  return { type: 'doc', content };
}

export const DEMO_SITES: DemoSite[] = [
  {
    entityCode: 'FR',
    slug: 'national',
    name: 'Confédération nationale des petites entreprises',
    primaryColour: '#1d4f91',
    footerText: 'Confédération nationale — au service des artisans, commerçants et TPE depuis 1946.',
    categories: ['Formation', 'Social', 'Fiscalité', 'Prévention'],
    items: [
      { kind: 'page', title: 'Qui sommes-nous ?', paragraphs: ['La Confédération rassemble 96 unions départementales et 13 unions régionales qui représentent plus de 150 000 entreprises de moins de 50 salariés.', 'Nous défendons leurs intérêts auprès des pouvoirs publics et les accompagnons au quotidien.'] },
      { kind: 'page', title: 'Nos services', paragraphs: ['Conseil juridique et social, formation des dirigeants, accompagnement à la transmission : nos unions vous répondent près de chez vous.'], bullets: ['Permanence juridique téléphonique', 'Modèles de contrats et de documents', 'Formations courtes pour les dirigeants'] },
      { kind: 'page', title: 'Adhérer', paragraphs: ["L'adhésion se fait auprès de l'union de votre département. La cotisation est fonction de l'effectif de votre entreprise."], bullets: ['Accès à la permanence juridique', 'Tarifs négociés', 'Réseau de chefs d’entreprise'] },
      { kind: 'page', title: 'Contact', paragraphs: ['Confédération nationale, 12 rue de la République, 75011 Paris.', 'Du lundi au vendredi de 9 h à 17 h.'] },
      { kind: 'article', title: "Apprentissage : l'aide à l'embauche reconduite en 2027", summary: "Les employeurs de moins de 250 salariés conservent une aide pour la première année du contrat.", paragraphs: ["Le décret publié ce mois-ci reconduit l'aide exceptionnelle à l'embauche d'apprentis.", "Elle est versée mensuellement par l'Agence de services et de paiement, sur la base de la déclaration sociale nominative."], bullets: ['Entreprises de moins de 250 salariés', 'Diplômes jusqu’au niveau master', 'Demande automatique via le contrat déposé'], category: 'Formation', tags: ['apprentissage', 'emploi'], author: 'Service formation', featured: true, daysAgo: 2 },
      { kind: 'article', title: 'Prévoyance des salariés : ce qui change au 1er janvier', summary: 'Nouvelles garanties minimales dans plusieurs conventions collectives.', paragraphs: ['Plusieurs branches ont revu leurs garanties de prévoyance : vérifiez que votre contrat est conforme avant le 31 décembre.', 'Votre union peut relire votre contrat et vous orienter.'], category: 'Social', tags: ['prévoyance', 'conventions collectives'], author: 'Service social', daysAgo: 5 },
      { kind: 'article', title: 'Loi de finances 2027 : les mesures pour les TPE', summary: 'Taux réduit d’impôt sur les sociétés, amortissements, crédit d’impôt formation.', paragraphs: ['La loi de finances pour 2027 maintient le taux réduit d’impôt sur les sociétés pour les petites entreprises.', 'Le crédit d’impôt pour la formation des dirigeants est prolongé.'], bullets: ['Taux réduit de 15 % maintenu', 'Crédit d’impôt formation prolongé', 'Seuil de la franchise en base de TVA inchangé'], category: 'Fiscalité', tags: ['loi de finances', 'impôts'], author: 'Service fiscal', featured: true, daysAgo: 8 },
      { kind: 'article', title: 'Sécurité au travail : mettre à jour son document unique', summary: 'Le DUERP doit être mis à jour au moins une fois par an dans les entreprises de 11 salariés et plus.', paragraphs: ["Le document unique d'évaluation des risques professionnels recense les risques et les actions de prévention.", 'Nos unions proposent des ateliers pour le mettre à jour en une matinée.'], category: 'Prévention', tags: ['sécurité', 'DUERP'], author: 'Service prévention', daysAgo: 12 },
      { kind: 'article', title: 'Transmission d’entreprise : anticiper cinq ans à l’avance', summary: 'Un dirigeant de TPE sur cinq a plus de 60 ans.', paragraphs: ['Préparer la transmission permet de valoriser l’entreprise et de sécuriser les emplois.', 'Nos conseillers vous accompagnent dans le diagnostic et la recherche d’un repreneur.'], category: 'Fiscalité', tags: ['transmission'], author: 'Service juridique', daysAgo: 16 },
      { kind: 'article', title: 'Formation des dirigeants : le nouveau catalogue est en ligne', paragraphs: ['Gestion, numérique, management : plus de 40 formations courtes, en présentiel ou à distance.'], category: 'Formation', tags: ['formation'], author: 'Service formation', daysAgo: 20 },
      { kind: 'article', title: 'Entretien professionnel : le rappel des obligations', paragraphs: ['Tous les deux ans, chaque salarié doit bénéficier d’un entretien professionnel consacré à ses perspectives d’évolution.'], category: 'Social', tags: ['entretien professionnel', 'RH'], author: 'Service social', daysAgo: 25 },
      { kind: 'article', title: 'Chaleur au travail : les bons réflexes', paragraphs: ['Aménagement des horaires, eau fraîche, pauses : les mesures à prendre pendant les épisodes de canicule.'], category: 'Prévention', tags: ['sécurité', 'canicule'], author: 'Service prévention', daysAgo: 30 },
      { kind: 'article', title: 'Facturation électronique : le calendrier se précise', paragraphs: ['Les petites entreprises devront pouvoir recevoir des factures électroniques ; l’émission suivra.'], category: 'Fiscalité', tags: ['facturation électronique'], author: 'Service fiscal', daysAgo: 1, draft: true },
    ],
  },
  {
    entityCode: '69',
    slug: 'rhone',
    name: 'Union des entreprises du Rhône',
    primaryColour: '#8a1538',
    footerText: 'Union des entreprises du Rhône — 15 quai Saint-Vincent, 69001 Lyon.',
    categories: ['Vie de l’union'],
    items: [
      { kind: 'page', title: 'Contact', paragraphs: ['15 quai Saint-Vincent, 69001 Lyon. Accueil du lundi au vendredi.'] },
      { kind: 'article', title: 'Assemblée générale de l’union le 12 décembre', paragraphs: ['Rendez-vous à la Chambre de métiers de Lyon pour le bilan de l’année et l’élection du bureau.'], category: 'Vie de l’union', tags: ['assemblée générale'], author: 'Bureau de l’union', featured: true, daysAgo: 3 },
      { kind: 'article', title: 'Atelier DUERP à Villeurbanne', paragraphs: ['Un atelier pratique pour mettre à jour votre document unique, le 9 janvier de 9 h à 12 h.'], tags: ['sécurité', 'atelier'], author: 'Service prévention', daysAgo: 6 },
      { kind: 'article', title: 'Commerçants de la Presqu’île : les travaux de la rue de la République', paragraphs: ['La métropole présente le calendrier des travaux ; l’union a obtenu un accès maintenu pour les livraisons.'], tags: ['commerce', 'travaux'], author: 'Bureau de l’union', daysAgo: 10 },
    ],
  },
  {
    entityCode: '75',
    slug: 'paris',
    name: 'Union des entreprises de Paris',
    primaryColour: '#0b6e4f',
    footerText: 'Union des entreprises de Paris — 8 rue du Faubourg-Saint-Denis, 75010 Paris.',
    categories: ['Vie de l’union'],
    items: [
      { kind: 'page', title: 'Contact', paragraphs: ['8 rue du Faubourg-Saint-Denis, 75010 Paris. Permanence juridique le mardi.'] },
      { kind: 'article', title: 'Petit-déjeuner des nouveaux adhérents', paragraphs: ['Rencontrez les élus et les conseillers de l’union autour d’un café, le premier jeudi du mois.'], category: 'Vie de l’union', tags: ['adhérents'], author: 'Équipe de l’union', featured: true, daysAgo: 4 },
      { kind: 'article', title: 'Zone à faibles émissions : les aides pour les artisans parisiens', paragraphs: ['Les véhicules utilitaires les plus anciens ne peuvent plus circuler : l’union recense les aides à la conversion.'], tags: ['ZFE', 'mobilité'], author: 'Équipe de l’union', daysAgo: 9 },
      { kind: 'article', title: 'Jeux et grands événements : anticiper les livraisons', paragraphs: ['Les périmètres de sécurité modifient les horaires de livraison ; voici comment obtenir un laissez-passer.'], tags: ['livraisons'], author: 'Équipe de l’union', daysAgo: 14 },
    ],
  },
];

/** The national article offered to (and accepted by) the Rhône and Paris sites. */
export const SYNDICATED_TITLE = "Apprentissage : l'aide à l'embauche reconduite en 2027";
