import { RICH_TEXT_MARK_TYPES, RICH_TEXT_NODE_TYPES, type RichTextNodeType } from './rich-text.schema.js';
import { CHILDREN, DOC_CHILDREN, MAX_DEPTH, MAX_NODES } from './rich-text-model.js';
import { embedPlayer, safeLinkHref, type EmbedOptions } from './rich-text-urls.js';

export interface RichTextProblem {
  pointer: string;
  message: string;
}

export interface ValidateRichTextOptions extends EmbedOptions {
  /** Prepended to every pointer, e.g. `/body` when the document is a field of a request body. */
  pointerPrefix?: string;
}

type Attrs = Record<string, unknown>;
type AttrRule = (value: unknown) => string | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LANGUAGE = /^[A-Za-z0-9#+-]{1,30}$/;

const integerBetween =
  (min: number, max: number, optional = true): AttrRule =>
  (value) => {
    if (value === undefined || value === null) return optional ? null : 'Ce champ est obligatoire.';
    return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : `Doit être un entier entre ${min} et ${max}.`;
  };
const optionalText =
  (max: number): AttrRule =>
  (value) => {
    if (value === undefined || value === null) return null;
    return typeof value === 'string' && value.length <= max ? null : `Doit être un texte de ${max} caractères au plus.`;
  };
const ignored: AttrRule = (value) => (value === undefined || value === null || typeof value === 'string' ? null : 'Valeur invalide.');

const ATTRIBUTE_RULES: Partial<Record<RichTextNodeType, Record<string, AttrRule>>> = {
  heading: { level: integerBetween(2, 4, false) },
  orderedList: { start: integerBetween(1, 100_000), type: ignored },
  codeBlock: {
    language: (value) => (value === undefined || value === null || (typeof value === 'string' && LANGUAGE.test(value)) ? null : 'Langage de code invalide.'),
  },
  image: {
    mediaId: (value) => (typeof value === 'string' && UUID.test(value) ? null : 'L’image doit venir de la médiathèque (identifiant de média manquant ou invalide).'),
    alt: (value) =>
      typeof value === 'string' && value.trim() !== '' && value.length <= 500
        ? null
        : 'Le texte alternatif de l’image est obligatoire (500 caractères au plus).',
    caption: optionalText(500),
  },
  tableHeader: { colspan: integerBetween(1, 50), rowspan: integerBetween(1, 200), colwidth: (value) => (value === undefined || value === null || (Array.isArray(value) && value.every((width) => Number.isInteger(width))) ? null : 'Valeur invalide.') },
  embed: { provider: () => null, url: () => null, title: optionalText(200) },
};
ATTRIBUTE_RULES.tableCell = ATTRIBUTE_RULES.tableHeader;

const LINK_RULES: Record<string, AttrRule> = {
  href: (value) => (safeLinkHref(value) ? null : 'Lien refusé : seules les adresses http(s), mailto et les chemins du site (/…) sont acceptés.'),
  // Tiptap's link extension always sends these; they are ignored when rendering.
  target: ignored,
  rel: ignored,
  class: ignored,
  title: optionalText(300),
};

const NODE_TYPES = new Set<string>(RICH_TEXT_NODE_TYPES);
const MARK_TYPES = new Set<string>(RICH_TEXT_MARK_TYPES);

function isObject(value: unknown): value is Attrs {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every problem of a rich text document, in French, with JSON pointers; an empty list means the
 * document may be stored and rendered. Checks node and mark names against the allowlist, nesting,
 * attributes (heading levels, image media ids and alt texts, embed providers and URLs, link targets).
 */
export function validateRichText(doc: unknown, options: ValidateRichTextOptions = {}): RichTextProblem[] {
  const prefix = options.pointerPrefix ?? '';
  const problems: RichTextProblem[] = [];
  const add = (pointer: string, message: string) => {
    if (problems.length < 100) problems.push({ pointer: `${prefix}${pointer}`, message });
  };
  if (!isObject(doc) || doc.type !== 'doc') {
    add('', 'Le texte doit être un document (type « doc »).');
    return problems;
  }
  for (const key of Object.keys(doc)) if (key !== 'type' && key !== 'content') add(`/${key}`, 'Ce champ n’est pas accepté ici.');
  let count = 0;

  const visitChildren = (content: unknown, pointer: string, allowed: readonly RichTextNodeType[], depth: number, parentType: string) => {
    if (content === undefined) return;
    if (!Array.isArray(content)) {
      add(`${pointer}/content`, 'Doit être une liste de nœuds.');
      return;
    }
    content.forEach((child, index) => visitNode(child, `${pointer}/content/${index}`, allowed, depth + 1, parentType));
  };

  const visitNode = (node: unknown, pointer: string, allowed: readonly RichTextNodeType[], depth: number, parentType: string) => {
    count += 1;
    if (count > MAX_NODES) {
      if (count === MAX_NODES + 1) add(pointer, `Le document est trop long (${MAX_NODES} éléments au plus).`);
      return;
    }
    if (depth > MAX_DEPTH) {
      add(pointer, `Le document est trop imbriqué (${MAX_DEPTH} niveaux au plus).`);
      return;
    }
    if (!isObject(node) || typeof node.type !== 'string') {
      add(pointer, 'Nœud invalide.');
      return;
    }
    const type = node.type;
    if (!NODE_TYPES.has(type)) {
      add(`${pointer}/type`, `Élément « ${type.slice(0, 40)} » non autorisé.`);
      return;
    }
    if (!allowed.includes(type as RichTextNodeType)) {
      add(`${pointer}/type`, `Élément « ${type} » non autorisé dans « ${parentType} ».`);
      return;
    }
    for (const key of Object.keys(node)) {
      if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) add(`${pointer}/${key}`, 'Ce champ n’est pas accepté ici.');
    }
    if (type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') add(`${pointer}/text`, 'Un nœud de texte ne peut pas être vide.');
      if (node.content !== undefined) add(`${pointer}/content`, 'Ce champ n’est pas accepté ici.');
      visitMarks(node.marks, pointer, parentType === 'codeBlock');
      return;
    }
    if (node.text !== undefined) add(`${pointer}/text`, 'Ce champ n’est pas accepté ici.');
    if (node.marks !== undefined) add(`${pointer}/marks`, 'Les mises en forme ne s’appliquent qu’au texte.');
    visitAttributes(type as RichTextNodeType, node.attrs, pointer);
    const children = CHILDREN[type as RichTextNodeType];
    if (children.length === 0 && Array.isArray(node.content) && node.content.length > 0) add(`${pointer}/content`, `« ${type} » ne peut rien contenir.`);
    else visitChildren(node.content, pointer, children, depth, type);
    if (type === 'embed' && isObject(node.attrs) && !embedPlayer(node.attrs.provider, node.attrs.url, options)) {
      add(`${pointer}/attrs/url`, 'Vidéo refusée : fournisseur ou adresse non autorisés (YouTube, Vimeo, Dailymotion, PeerTube d’une instance autorisée).');
    }
  };

  const visitAttributes = (type: RichTextNodeType, attrs: unknown, pointer: string) => {
    const rules = ATTRIBUTE_RULES[type] ?? {};
    if (attrs !== undefined && !isObject(attrs)) {
      add(`${pointer}/attrs`, 'Doit être un objet.');
      return;
    }
    const values = attrs ?? {};
    for (const [name, rule] of Object.entries(rules)) {
      const message = rule(values[name]);
      if (message) add(`${pointer}/attrs/${name}`, message);
    }
    for (const [name, value] of Object.entries(values)) {
      // Editors send their defaults as null (textAlign, …): harmless, ignored when rendering.
      if (!(name in rules) && value !== null) add(`${pointer}/attrs/${name}`, 'Ce champ n’est pas accepté ici.');
    }
    if (type === 'embed' && (values.provider === undefined || values.url === undefined)) add(`${pointer}/attrs`, 'Une vidéo a besoin d’un fournisseur et d’une adresse.');
  };

  const visitMarks = (marks: unknown, pointer: string, insideCode: boolean) => {
    if (marks === undefined) return;
    if (!Array.isArray(marks)) {
      add(`${pointer}/marks`, 'Doit être une liste.');
      return;
    }
    if (insideCode && marks.length > 0) add(`${pointer}/marks`, 'Pas de mise en forme dans un bloc de code.');
    marks.forEach((mark, index) => {
      const markPointer = `${pointer}/marks/${index}`;
      if (!isObject(mark) || typeof mark.type !== 'string' || !MARK_TYPES.has(mark.type)) {
        add(`${markPointer}/type`, 'Mise en forme non autorisée.');
        return;
      }
      const attrs = mark.attrs;
      if (attrs !== undefined && !isObject(attrs)) {
        add(`${markPointer}/attrs`, 'Doit être un objet.');
        return;
      }
      const values = attrs ?? {};
      if (mark.type === 'link') {
        for (const [name, rule] of Object.entries(LINK_RULES)) {
          const message = rule(values[name]);
          if (message) add(`${markPointer}/attrs/${name}`, message);
        }
        for (const name of Object.keys(values)) if (!(name in LINK_RULES) && values[name] !== null) add(`${markPointer}/attrs/${name}`, 'Ce champ n’est pas accepté ici.');
      } else {
        for (const name of Object.keys(values)) if (values[name] !== null) add(`${markPointer}/attrs/${name}`, 'Ce champ n’est pas accepté ici.');
      }
    });
  };

  visitChildren(doc.content, '', DOC_CHILDREN, 0, 'doc');
  return problems;
}
