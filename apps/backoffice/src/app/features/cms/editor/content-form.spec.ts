// The messages are $localize templates; the runtime makes them plain strings in Node.
import '@angular/localize/init';
import '@angular/compiler';
import { describe, expect, it } from 'vitest';
import { contentForm, pageChoices, spreadProblems, tagsOf } from './content-form';
import { embedProviderOf, isAllowedHref } from './rich-text-extensions';

describe('CMS editor form', () => {
  it('puts 422 pointers on their fields, body problems in the body list, the rest in the alert', () => {
    const form = contentForm();
    form.controls.title.setValue('Titre');
    const { body, other } = spreadProblems(form, [
      { pointer: '/title', message: 'Caractères de contrôle refusés.' },
      { pointer: '/fields/tags/1', message: 'Mot-clé trop long.' },
      { pointer: '/fields/categoryIds/0', message: 'Catégorie inconnue.' },
      { pointer: '/body/content/2/content/0/marks/0/attrs/href', message: 'Lien refusé.' },
      { pointer: '/publishAt', message: 'Droit de publication requis.' },
    ]);
    expect(form.controls.title.errors).toEqual({ server: 'Caractères de contrôle refusés.' });
    expect(form.controls.tags.errors).toEqual({ server: 'Mot-clé trop long.' });
    expect(form.controls.categoryIds.errors).toEqual({ server: 'Catégorie inconnue.' });
    expect(body).toEqual(['Bloc 3 : Lien refusé.']);
    expect(other).toEqual(['Droit de publication requis.']);
  });

  it('splits tags on commas, trims them and drops duplicates and blanks', () => {
    expect(tagsOf(' Lyon, Artisanat ,, Lyon ')).toEqual(['Lyon', 'Artisanat']);
  });

  it('accepts the link targets and video providers the server accepts', () => {
    expect(isAllowedHref('https://exemple.fr')).toBe(true);
    expect(isAllowedHref('/adherer')).toBe(true);
    expect(isAllowedHref('mailto:contact@exemple.fr')).toBe(true);
    expect(isAllowedHref('javascript:alert(1)')).toBe(false);
    expect(embedProviderOf('https://www.youtube.com/watch?v=abc')).toBe('youtube');
    expect(embedProviderOf('https://vimeo.com/123')).toBe('vimeo');
    expect(embedProviderOf('https://evil.example/video')).toBeNull();
  });

  it('flattens the page tree for the parent select, children indented', () => {
    const tree = [{ id: 'a', title: 'Qui sommes-nous', children: [{ id: 'b', title: 'L’équipe', children: [] }] }, { id: 'c', title: 'Contact', children: [] }];
    expect(pageChoices(tree)).toEqual([
      { id: 'a', label: 'Qui sommes-nous' },
      { id: 'b', label: '— L’équipe' },
      { id: 'c', label: 'Contact' },
    ]);
  });
});
