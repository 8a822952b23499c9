import { describe, expect, it } from 'vitest';
import { parseEmail } from './email.js';

describe('parseEmail', () => {
  it('trims and lower-cases the domain, keeps the local part as written', () => {
    expect(parseEmail('  Jean.Dupont@Orange.FR ')).toEqual({ ok: true, value: { address: 'Jean.Dupont@orange.fr', key: 'jean.dupont@orange.fr' } });
  });

  it('gives the same key to addresses differing only in case', () => {
    const a = parseEmail('Noel.Moreau@FREE.fr');
    const b = parseEmail('noel.moreau@free.fr');
    expect(a.ok && b.ok && a.value.key === b.value.key).toBe(true);
  });

  it('keeps dots and +tags, which only some providers ignore', () => {
    expect(parseEmail('jean.dupont+crm@gmail.com')).toMatchObject({ ok: true, value: { key: 'jean.dupont+crm@gmail.com' } });
  });

  it('strips mailto: and angle brackets, and converts accented domains to ASCII', () => {
    expect(parseEmail('mailto:contact@exemple.fr')).toMatchObject({ ok: true, value: { address: 'contact@exemple.fr' } });
    expect(parseEmail('<contact@exemple.fr>')).toMatchObject({ ok: true, value: { address: 'contact@exemple.fr' } });
    expect(parseEmail('contact@café.fr')).toMatchObject({ ok: true, value: { address: 'contact@xn--caf-dma.fr' } });
    expect(parseEmail('contact@XN--CAF-DMA.fr')).toMatchObject({ ok: true, value: { address: 'contact@xn--caf-dma.fr' } });
  });

  it('explains what is wrong with a malformed address', () => {
    const cases: Array<[string, string]> = [
      ['jean.dupont.orange.fr', 'il manque le @'],
      ['@orange.fr', 'avant le @'],
      ['jean@', 'domaine après le @'],
      ['jean dupont@orange.fr', 'espace'],
      ['jean..dupont@orange.fr', 'point mal placé'],
      ['jean@orange', "n'est pas un nom de domaine"],
      ['jean@orange..fr', "n'est pas un nom de domaine"],
      ['jean@-orange.fr', "n'est pas un nom de domaine"],
      ['jean@orange.123', "n'est pas un nom de domaine"],
      ['jean@orange.0x10', "n'est pas un nom de domaine"],
      ['jean@orange.fr.', "n'est pas un nom de domaine"],
      // A Punycode label that decodes to nothing valid.
      ['jean@xn--a.fr', "n'est pas un nom de domaine"],
      ['jean.dupont@@orange', 'plusieurs @'],
    ];
    for (const [input, reason] of cases) {
      expect(parseEmail(input)).toMatchObject({ ok: false, error: { code: 'email_invalid', message: expect.stringContaining(reason) } });
    }
    expect(parseEmail('')).toMatchObject({ ok: false, error: { code: 'email_required' } });
  });
});
