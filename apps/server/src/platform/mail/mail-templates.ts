/**
 * Mail templates: French text with `{{path.to.value}}` placeholders and nothing else (no logic, no
 * raw output). Values are HTML-escaped in the HTML part, and line breaks are removed from the
 * subject (a header), so data can never inject markup, script or headers. A placeholder whose
 * value is missing is a bug of the caller and fails the queueing transaction.
 */
export interface MailTemplate {
  /** `module.purpose`, e.g. `membership.dues-reminder`. */
  name: string;
  subject: string;
  html: string;
  text: string;
  /**
   * `list` mail (newsletter, event announcements) carries an unsubscribe link and the
   * `List-Unsubscribe` header and needs `unsubscribeFor` when queued; `transactional` mail
   * (invoice, reminder, password) has none. Defaults to `transactional`.
   */
  kind?: 'transactional' | 'list';
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export type MailData = Record<string, unknown>;

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g;
const registry = new Map<string, Required<MailTemplate>>();

export class MailTemplateError extends Error {
  override name = 'MailTemplateError';
}

/** Registers a template once at start-up (modules call it while they are registered). */
export function registerMailTemplate(template: MailTemplate): void {
  if (!NAME.test(template.name)) throw new MailTemplateError(`Mail template name "${template.name}" must look like "module.purpose"`);
  const complete: Required<MailTemplate> = { kind: 'transactional', ...template };
  if (complete.kind === 'list' && !complete.html.includes('{{unsubscribeUrl}}')) {
    throw new MailTemplateError(`List template "${template.name}" must show {{unsubscribeUrl}} in its HTML part`);
  }
  const existing = registry.get(template.name);
  if (existing && JSON.stringify(existing) !== JSON.stringify(complete)) {
    throw new MailTemplateError(`Another mail template is already named "${template.name}"`);
  }
  registry.set(template.name, complete);
}

export function findMailTemplate(name: string): Required<MailTemplate> {
  const template = registry.get(name);
  if (!template) throw new MailTemplateError(`Unknown mail template "${name}"`);
  return template;
}

export function renderMailTemplate(template: MailTemplate, data: MailData): RenderedMail {
  return {
    subject: fill(template.subject, data, (value) => value.replace(/[\r\n\t]+/g, ' ').trim()),
    html: fill(template.html, data, escapeHtml),
    text: fill(template.text, data, (value) => value),
  };
}

function fill(source: string, data: MailData, encode: (value: string) => string): string {
  return source.replace(PLACEHOLDER, (_match, path: string) => encode(stringOf(lookup(data, path), path)));
}

function lookup(data: MailData, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    // Own properties only: `{{constructor}}` or `{{__proto__}}` must not reach the prototype chain.
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) {
      throw new MailTemplateError(`Mail data has no value for {{${path}}}`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function stringOf(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  throw new MailTemplateError(`Mail data {{${path}}} must be text or a number`);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (character) => `&#${character.charCodeAt(0)};`);
}
