import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { FieldProblem } from '../../../core/api/api-problem';
import type { CmsContent } from '../cms-types';

/** The fields of the editor form (the body lives in the Tiptap editor, outside the form). */
export function contentForm() {
  return new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(300)] }),
    summary: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
    slug: new FormControl('', { nonNullable: true, validators: [Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/), Validators.maxLength(100)] }),
    visibility: new FormControl<'public' | 'members'>('public', { nonNullable: true }),
    categoryIds: new FormControl<string[]>([], { nonNullable: true }),
    tags: new FormControl('', { nonNullable: true }),
    author: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    featured: new FormControl(false, { nonNullable: true }),
    coverMediaId: new FormControl<string | null>(null),
    documentMediaId: new FormControl<string | null>(null),
    /** Pages only, at creation (moving a page is another endpoint). */
    parentId: new FormControl<string | null>(null),
  });
}
export type ContentForm = ReturnType<typeof contentForm>;

export function fillForm(form: ContentForm, content: CmsContent): void {
  form.reset({
    title: content.title,
    summary: content.summary ?? '',
    slug: content.slug,
    visibility: content.visibility,
    categoryIds: content.fields.categoryIds ?? [],
    tags: (content.fields.tags ?? []).join(', '),
    author: content.fields.author ?? '',
    parentId: content.parentId,
    featured: content.featured,
    coverMediaId: content.fields.coverMediaId ?? null,
    documentMediaId: content.fields.documentMediaId ?? null,
  });
}

export function tagsOf(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** Which form control a server pointer names (`/fields/tags/2` → tags); null for the body or unknown. */
const POINTER_CONTROLS: ReadonlyArray<[string, keyof ContentForm['controls']]> = [
  ['/title', 'title'],
  ['/summary', 'summary'],
  ['/slug', 'slug'],
  ['/visibility', 'visibility'],
  ['/fields/categoryIds', 'categoryIds'],
  ['/fields/tags', 'tags'],
  ['/fields/author', 'author'],
  ['/parentId', 'parentId'],
  ['/featured', 'featured'],
  ['/fields/coverMediaId', 'coverMediaId'],
  ['/fields/documentMediaId', 'documentMediaId'],
];

/**
 * Spreads 422 problems: field problems on their control, `/body…` ones in the body list (with a
 * readable position), the rest in the form alert.
 */
export function spreadProblems(form: ContentForm, errors: readonly FieldProblem[]): { body: string[]; other: string[] } {
  const body: string[] = [];
  const other: string[] = [];
  for (const error of errors) {
    if (error.pointer === '/body' || error.pointer.startsWith('/body/')) {
      body.push(`${describeBodyPointer(error.pointer)}${error.message}`);
      continue;
    }
    const match = POINTER_CONTROLS.find(([prefix]) => error.pointer === prefix || error.pointer.startsWith(`${prefix}/`));
    if (match) {
      const control = form.controls[match[1]];
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      other.push(error.message);
    }
  }
  return { body, other };
}

/** `/body/content/3/content/0` → « Bloc 4 : ». */
function describeBodyPointer(pointer: string): string {
  const block = /^\/body\/content\/(\d+)/.exec(pointer);
  return block ? $localize`:@@cms.bodyBlock:Bloc ${Number(block[1]) + 1}:index: : ` : '';
}

export interface PageChoice {
  id: string;
  label: string;
}

interface TreeNode {
  id: string;
  title: string;
  children: unknown[];
}

/** The page tree flattened for a select, children indented under their parent. */
export function pageChoices(nodes: readonly unknown[], depth = 0): PageChoice[] {
  return (nodes as TreeNode[]).flatMap((node) => [{ id: node.id, label: `${'— '.repeat(depth)}${node.title}` }, ...pageChoices(node.children, depth + 1)]);
}
