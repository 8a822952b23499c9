import type { AffiliationRole } from '../persons/persons.tables.js';

/** Compact lists of common French names and street names for the demo data (no download). */

export const FAMILY_NAMES: readonly string[] = (
  'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David Bertrand ' +
  'Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin ' +
  'Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu ' +
  'Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière ' +
  'Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger ' +
  'Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq ' +
  'Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur ' +
  'Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard ' +
  'Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le Gall Collet Léger Bouvier Julien Prévost Millet Perrot Daniel ' +
  'Le Roux Cousin Germain Breton Besson Langlois Rémy Le Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber ' +
  'Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier ' +
  'Collin Chauvin Da Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier ' +
  'Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte Santini Albertini Casanova Filippi Pietri Mondésir'
)
  .split(' ')
  .reduce<string[]>((names, word) => {
    // "Le Gall", "Da Silva": a particle joins the next word.
    const last = names[names.length - 1];
    if (last === 'Le' || last === 'Da') names[names.length - 1] = `${last} ${word}`;
    else names.push(word);
    return names;
  }, []);

export const FEMALE_FIRST_NAMES: readonly string[] = (
  'Marie Nathalie Isabelle Sylvie Catherine Sophie Christine Céline Sandrine Valérie Stéphanie Véronique Aurélie Julie ' +
  'Camille Émilie Laure Caroline Hélène Anne Claire Élodie Mélanie Virginie Audrey Charlotte Manon Léa Chloé Inès Sarah ' +
  'Emma Jade Louise Alice Lina Pauline Margaux Agnès Françoise Martine Brigitte Patricia Corinne Laetitia Karine Océane'
).split(' ');

export const MALE_FIRST_NAMES: readonly string[] = (
  'Jean Philippe Michel Alain Patrick Nicolas Christophe Pierre Christian Éric Laurent Frédéric David Stéphane Olivier ' +
  'Julien Sébastien Thierry Pascal Vincent Thomas Jérôme Franck Bruno Antoine Maxime Romain Guillaume Alexandre Hugo ' +
  'Lucas Louis Gabriel Arthur Raphaël Jules Mathis Théo Nathan Paul Yannick Didier Gilles Denis Hervé Fabrice Karim Mehdi'
).split(' ');

export const STREET_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['rue', 60],
  ['avenue', 12],
  ['boulevard', 5],
  ['place', 6],
  ['chemin', 6],
  ['route', 5],
  ['impasse', 3],
  ['allée', 3],
  ['quai', 1],
  ['cours', 1],
];

export const STREET_NAMES: readonly string[] = [
  'de la République',
  'Victor Hugo',
  'Jean Jaurès',
  'Pasteur',
  'de la Gare',
  'du Général de Gaulle',
  "de l'Église",
  'du Moulin',
  'des Écoles',
  'Gambetta',
  'Jules Ferry',
  'de la Mairie',
  'du Château',
  'Voltaire',
  'Émile Zola',
  'de la Paix',
  'du Stade',
  'Nationale',
  'des Tilleuls',
  'de la Fontaine',
  'du Marché',
  'Carnot',
  'Jean Moulin',
  'Anatole France',
  'de Verdun',
  'du 8 Mai 1945',
  'du 11 Novembre',
  'Aristide Briand',
  'de la Liberté',
  'des Lilas',
  'du Port',
  'des Artisans',
  'de la Poste',
  'Louis Pasteur',
  'Marcel Pagnol',
  'des Vignes',
  'du Lavoir',
  'de Bretagne',
  'Saint-Martin',
  'Foch',
];

export const JOB_TITLES: ReadonlyArray<readonly [title: string, role: AffiliationRole, weight: number]> = [
  ['Gérant', 'dirigeant', 30],
  ['Gérante', 'dirigeant', 20],
  ['Président', 'dirigeant', 6],
  ['Directrice générale', 'dirigeant', 4],
  ['Responsable des ressources humaines', 'drh', 6],
  ['Assistante de direction', 'contact_principal', 10],
  ['Responsable administrative', 'contact_principal', 8],
  ['Comptable', 'comptable', 8],
  ['Chef d’atelier', 'autre', 4],
  ['Conjoint collaborateur', 'autre', 4],
];
