// Renders a Helm chart without helm (Debian ships no helm, and nothing may be downloaded), for the
// subset of Helm's template language the Maillage chart uses. Anything outside the subset throws, so
// the chart cannot drift into constructs this renderer would silently get wrong; the forge workflow
// also runs the real `helm template`.
//
// Subset: {{ .Values.x }} {{ .Release.Name }} {{ .Chart.Name }} (any path), string and number
// literals, pipelines with include, toYaml, nindent, indent, quote, default, printf, required;
// if / if not / else / end; define / end; trimming markers {{- and -}}.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

/** Renders every manifest of the chart; returns [{ template, text }] (empty documents included). */
export function renderChart(chartDir, { values = {}, releaseName = 'maillage', namespace = 'default' } = {}) {
  const chart = YAML.parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8'));
  const defaults = YAML.parse(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) ?? {};
  const context = {
    Values: deepMerge(defaults, values),
    Release: { Name: releaseName, Namespace: namespace, Service: 'Helm' },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const templatesDir = join(chartDir, 'templates');
  const files = readdirSync(templatesDir).sort();
  const defines = new Map();
  // Helpers first: definitions are global to the chart, as in Helm.
  for (const file of files.filter((name) => name.endsWith('.tpl'))) {
    run(parse(readFileSync(join(templatesDir, file), 'utf8'), file), context, defines);
  }
  return files
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .map((file) => ({ template: file, text: run(parse(readFileSync(join(templatesDir, file), 'utf8'), file), context, defines) }));
}

function deepMerge(base, override) {
  if (!isMap(base) || !isMap(override)) return override === undefined ? base : override;
  const merged = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

const isMap = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Text and actions → a tree of nodes: text, output, if (then/else), define. */
export function parse(source, file) {
  const tokens = [];
  let last = 0;
  for (const match of source.matchAll(ACTION)) {
    tokens.push({ kind: 'text', value: source.slice(last, match.index) });
    tokens.push({ kind: 'action', trimLeft: match[1] === '-', body: match[2], trimRight: match[3] === '-' });
    last = match.index + match[0].length;
  }
  tokens.push({ kind: 'text', value: source.slice(last) });
  tokens.forEach((token, i) => {
    if (token.kind !== 'action') return;
    if (token.trimLeft) tokens[i - 1].value = tokens[i - 1].value.replace(/\s+$/, '');
    if (token.trimRight) tokens[i + 1].value = tokens[i + 1].value.replace(/^\s+/, '');
  });
  const root = { kind: 'block', children: [] };
  const stack = [root];
  const current = () => stack[stack.length - 1];
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (token.value) current().children.push({ kind: 'text', value: token.value });
      continue;
    }
    const body = token.body;
    if (body.startsWith('/*')) continue;
    const [keyword, ...rest] = splitWords(body);
    if (keyword === 'if') {
      const node = { kind: 'if', condition: rest, then: [], else: [] };
      current().children.push(node);
      stack.push({ kind: 'branch', node, children: node.then });
    } else if (keyword === 'else') {
      const top = current();
      if (top.kind !== 'branch' || rest.length > 0) throw new Error(`${file}: unsupported "else ${rest.join(' ')}"`);
      top.children = top.node.else;
    } else if (keyword === 'define') {
      const node = { kind: 'define', name: unquote(rest[0]), children: [] };
      current().children.push(node);
      stack.push(node);
    } else if (keyword === 'end') {
      if (stack.length === 1) throw new Error(`${file}: "end" without an opening action`);
      stack.pop();
    } else if (['range', 'with', 'template', 'block', 'tpl'].includes(keyword)) {
      throw new Error(`${file}: "${keyword}" is outside the template subset deploy-check renders`);
    } else {
      current().children.push({ kind: 'output', pipeline: body });
    }
  }
  if (stack.length !== 1) throw new Error(`${file}: an "if" or "define" is not closed`);
  return root.children;
}

function run(nodes, context, defines) {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.value;
    else if (node.kind === 'define') defines.set(node.name, node.children);
    else if (node.kind === 'if') out += run(truthy(condition(node.condition, context, defines)) ? node.then : node.else, context, defines);
    else out += stringify(evaluate(node.pipeline, context, defines));
  }
  return out;
}

function condition(words, context, defines) {
  if (words[0] === 'not') return !truthy(evaluate(words.slice(1).join(' '), context, defines));
  return evaluate(words.join(' '), context, defines);
}

/** A pipeline: `a b c | f x | g` — each stage's result is the last argument of the next. */
function evaluate(pipeline, context, defines) {
  let value;
  splitPipes(pipeline).forEach((stage, index) => {
    const words = splitWords(stage);
    const args = words.slice(1).map((word) => term(word, context));
    if (index > 0) args.push(value);
    value = FUNCTIONS[words[0]] ? FUNCTIONS[words[0]](args, defines) : words.length === 1 && index === 0 ? term(words[0], context) : unsupported(words[0]);
  });
  return value;
}

function unsupported(name) {
  throw new Error(`template function "${name}" is outside the subset deploy-check renders`);
}

function term(word, context) {
  if (word === '.') return context;
  if (word.startsWith('"')) return unquote(word);
  if (/^-?\d+$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (!word.startsWith('.')) throw new Error(`unsupported term "${word}"`);
  return word
    .slice(1)
    .split('.')
    .reduce((value, key) => (value === undefined || value === null ? undefined : value[key]), context);
}

const FUNCTIONS = {
  include: ([name, scope], defines) => {
    const body = defines.get(name);
    if (!body) throw new Error(`include of an undefined template "${name}"`);
    return run(body, scope, defines);
  },
  toYaml: ([value]) => (value === undefined || value === null ? '' : YAML.stringify(value).trimEnd()),
  nindent: ([width, text]) => '\n' + indentLines(String(text), width),
  indent: ([width, text]) => indentLines(String(text), width),
  quote: ([value]) => JSON.stringify(value === undefined || value === null ? '' : String(value)),
  default: ([fallback, value]) => (truthy(value) ? value : fallback),
  printf: ([format, ...args]) => format.replace(/%[sd]/g, () => String(args.shift())),
  required: ([message, value]) => {
    if (!truthy(value)) throw new Error(message);
    return value;
  },
};

const indentLines = (text, width) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(width) + line : line))
    .join('\n');

// Go templates: false, 0, "", nil and empty collections are false.
function truthy(value) {
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

function stringify(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') throw new Error('a map or list was printed without toYaml');
  return String(value);
}

const unquote = (word) => JSON.parse(word);

function splitPipes(text) {
  return splitOutsideQuotes(text, (char) => char === '|').map((part) => part.trim());
}

function splitWords(text) {
  return splitOutsideQuotes(text, (char) => /\s/.test(char)).filter(Boolean);
}

function splitOutsideQuotes(text, isSeparator) {
  const parts = [''];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' && text[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && isSeparator(char)) parts.push('');
    else parts[parts.length - 1] += char;
  }
  if (quoted) throw new Error(`unterminated string in "${text}"`);
  return parts;
}
