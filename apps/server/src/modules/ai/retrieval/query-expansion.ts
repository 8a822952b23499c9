/**
 * Turns a question in everyday French into a lexical query: accents folded, question words and
 * stop words dropped, and a small lexicon of everyday → legal wording added (CDD → « durée
 * déterminée », « prime de précarité » → « indemnité de fin de contrat »…). Stemming itself is
 * PostgreSQL's (`french` configuration). Measured on the Code du travail questions (ADR 0019).
 */

/** Lower case, accents folded (as `immutable_unaccent` does in SQL), apostrophes split. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

// Function words and the words of a question ("combien", "puis-je") that say nothing about its topic.
const STOP_WORDS = new Set(
  (
    'a ai aie as au aux avec avoir avant c ca ce ceci cela ces cet cette chaque chez ci combien comme comment d dans de des dois doit doivent donc du elle elles en ' +
    'encore est et etc etre eu faire fait faut il ils j je jusqu l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ou par pas ' +
    'peut peuvent peux pour pourquoi puis puisque qu quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont sur t ta te tes toi ton tous tout ' +
    'toute toutes tu un une vos votre vous y ya quelqu quelque quelques cas passe droit obligatoirement obligatoire possible entre apres pendant moi lui ' +
    'est-ce ete etait sera seront avoir veut veulent doit-il peut-il peut-on faut-il ai-je puis-je dois-je bien tres plus moins leurs celui celle ceux'
  ).split(/\s+/),
);

/** Everyday wording → the words the legal texts use (keys and values accent-folded). */
const LEXICON: Array<[RegExp, string[]]> = [
  [/\bcdd\b/, ['"duree determinee"']],
  [/\bcdi\b/, ['"duree indeterminee"']],
  [/\bprecarite\b/, ['"indemnite de fin de contrat"']],
  [/\bsmic\b/, ['"salaire minimum"', 'croissance']],
  [/\b(fiches?|bulletins?) de (paie|salaire)\b/, ['"bulletin de paie"']],
  [/\bheures? sup\b/, ['"heures supplementaires"']],
  [/\bcse\b/, ['"comite social et economique"']],
  [/\bapprentis?\b/, ['apprentissage', 'apprenti']],
  [/\b(virer|renvoyer|licencie[rs]?|licenciee?s?)\b/, ['licenciement']],
  [/\b(demissionner|demissionne)\b/, ['demission']],
  [/\b(prevenir|avertir)\b/, ['prevenance', 'preavis']],
  [/\bretracter\b/, ['retractation']],
  [/\b(rompre|arreter|quitter)\b/, ['rupture']],
  [/\brenouveler\b/, ['renouvellement', 'renouvelable']],
  [/\b(embaucher|recruter|engager)\b/, ['embauche', 'engage', 'recours']],
  [/\bentre deux journees\b/, ['"repos quotidien"']],
  [/\bau maximum\b|\bmaximale?\b/, ['maximale', 'exceder', 'depasser']],
  [/\btemps plein\b/, ['"duree legale"']],
  [/\bpayee?s?\b/, ['majoration', 'remuneration']],
  [/\bverser\b/, ['indemnite', 'versee']],
  [/\bannoncer\b/, ['connaissance', 'informe']],
  [/\bgagne\b/, ['"droit a un conge"', 'acquis']],
  [/\b(vacances|conges)\b/, ['conge']],
  [/\bage\b/, ['age', 'ans']],
  [/\belectronique\b/, ['"forme electronique"']],
  [/\breevaluee?\b|\brevalorise\b/, ['revalorisation', 'relevement']],
  [/\b1er mai\b/, ['"1er mai"']],
  [/\bprud ?hom/, ['"conseil de prud hommes"']],
];

export interface ExpandedQuery {
  /** Content words of the question, accent-folded. */
  terms: string[];
  /** Words and quoted phrases added by the lexicon. */
  expansions: string[];
  /** The OR operands of `websearch`: each term and expansion, as written there. */
  operands: string[];
  /** For `websearch_to_tsquery('french', …)`: every term and expansion joined with `or`. */
  websearch: string;
  /** The folded content words and expansions (unquoted), for trigram similarity. */
  trigramText: string;
}

export function expandQuery(question: string): ExpandedQuery {
  const folded = foldText(question);
  const terms = [...new Set(folded.split(/[^a-z0-9-]+/).flatMap((word) => word.split(/-(?=(?:je|il|elle|on|t|ils|elles|vous|nous)$)/)).filter((word) => word.length > 1 && !STOP_WORDS.has(word)))];
  const expansions = [...new Set(LEXICON.filter(([pattern]) => pattern.test(folded)).flatMap(([, words]) => words))];
  // websearch_to_tsquery reads "or" as OR; a leading "-" would negate: strip it.
  const operands = [...terms.map((term) => term.replace(/^-+/, '')), ...expansions].filter(Boolean);
  return { terms, expansions, operands, websearch: operands.join(' or '), trigramText: [...terms, ...expansions.map((words) => words.replace(/"/g, ''))].join(' ') };
}
