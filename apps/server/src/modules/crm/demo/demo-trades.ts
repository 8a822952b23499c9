/**
 * The trades of the network's members: the word a shop puts on its sign, its NAF rév. 2 code, how
 * common it is, and the job titles of the people we talk to there. The codes are checked against
 * the official list when the generator loads (see company-generator.ts).
 */
export interface DemoTrade {
  readonly sign: string;
  readonly naf: string;
  readonly weight: number;
}

export const DEMO_TRADES: readonly DemoTrade[] = [
  { sign: 'Boulangerie', naf: '10.71C', weight: 30 },
  { sign: 'Pâtisserie', naf: '10.71D', weight: 8 },
  { sign: 'Boucherie', naf: '47.22Z', weight: 12 },
  { sign: 'Charcuterie', naf: '10.13B', weight: 5 },
  { sign: 'Poissonnerie', naf: '47.23Z', weight: 4 },
  { sign: 'Fromagerie', naf: '47.29Z', weight: 4 },
  { sign: 'Épicerie', naf: '47.11B', weight: 10 },
  { sign: 'Cave', naf: '47.25Z', weight: 4 },
  { sign: 'Fleuriste', naf: '47.76Z', weight: 6 },
  { sign: 'Librairie', naf: '47.61Z', weight: 4 },
  { sign: 'Pharmacie', naf: '47.73Z', weight: 8 },
  { sign: 'Optique', naf: '47.78A', weight: 5 },
  { sign: 'Quincaillerie', naf: '47.52A', weight: 3 },
  { sign: 'Restaurant', naf: '56.10A', weight: 25 },
  { sign: 'Brasserie', naf: '56.10A', weight: 8 },
  { sign: 'Café', naf: '56.30Z', weight: 10 },
  { sign: 'Traiteur', naf: '56.21Z', weight: 5 },
  { sign: 'Hôtel', naf: '55.10Z', weight: 7 },
  { sign: 'Camping', naf: '55.30Z', weight: 2 },
  { sign: 'Garage', naf: '45.20A', weight: 15 },
  { sign: 'Carrosserie', naf: '45.20B', weight: 5 },
  { sign: 'Plomberie', naf: '43.22A', weight: 14 },
  { sign: 'Chauffage', naf: '43.22B', weight: 6 },
  { sign: 'Électricité', naf: '43.21A', weight: 14 },
  { sign: 'Menuiserie', naf: '43.32A', weight: 10 },
  { sign: 'Maçonnerie', naf: '43.99C', weight: 12 },
  { sign: 'Peinture', naf: '43.34Z', weight: 8 },
  { sign: 'Couverture', naf: '43.91B', weight: 6 },
  { sign: 'Carrelage', naf: '43.33Z', weight: 4 },
  { sign: 'Serrurerie', naf: '25.12Z', weight: 3 },
  { sign: 'Paysagiste', naf: '81.30Z', weight: 6 },
  { sign: 'Nettoyage', naf: '81.21Z', weight: 5 },
  { sign: 'Coiffure', naf: '96.02A', weight: 18 },
  { sign: 'Institut de beauté', naf: '96.02B', weight: 8 },
  { sign: 'Pressing', naf: '96.01B', weight: 3 },
  { sign: 'Taxi', naf: '49.32Z', weight: 6 },
  { sign: 'Transports', naf: '49.41A', weight: 6 },
  { sign: 'Déménagements', naf: '49.42Z', weight: 2 },
  { sign: 'Ambulances', naf: '86.90A', weight: 2 },
  { sign: 'Auto-école', naf: '85.53Z', weight: 3 },
  { sign: 'Imprimerie', naf: '18.12Z', weight: 2 },
  { sign: 'Informatique', naf: '62.02A', weight: 6 },
  { sign: 'Conseil', naf: '70.22Z', weight: 6 },
  { sign: 'Cabinet comptable', naf: '69.20Z', weight: 5 },
  { sign: "Cabinet d'avocats", naf: '69.10Z', weight: 3 },
  { sign: "Cabinet d'architecture", naf: '71.11Z', weight: 3 },
  { sign: 'Agence immobilière', naf: '68.31Z', weight: 6 },
  { sign: 'Aide à domicile', naf: '88.10A', weight: 5 },
  { sign: 'Crèche', naf: '88.91A', weight: 2 },
  { sign: 'Clinique vétérinaire', naf: '75.00Z', weight: 2 },
  { sign: 'Ferme', naf: '01.41Z', weight: 3 },
  { sign: 'Domaine viticole', naf: '01.21Z', weight: 3 },
];

export const DEMO_LEGAL_FORMS: ReadonlyArray<readonly [code: string, label: string, weight: number]> = [
  ['1000', 'EI', 25],
  ['5499', 'SARL', 30],
  ['5498', 'EURL', 12],
  ['5710', 'SAS', 18],
  ['5720', 'SASU', 10],
  ['5599', 'SA', 2],
  ['5202', 'SNC', 1],
  ['9220', 'Association', 2],
];

/** INSEE headcount band codes, weighted like a network of small businesses. */
export const DEMO_HEADCOUNT_BANDS: ReadonlyArray<readonly [code: string, weight: number]> = [
  ['00', 30],
  ['01', 22],
  ['02', 16],
  ['03', 12],
  ['11', 9],
  ['12', 6],
  ['21', 2.5],
  ['22', 1.3],
  ['31', 0.4],
  ['32', 0.4],
  ['41', 0.2],
  ['42', 0.1],
  ['51', 0.05],
  ['52', 0.03],
  ['53', 0.02],
];
