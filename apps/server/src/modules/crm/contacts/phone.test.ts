import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parsePhone, phoneRegionOfDepartement } from './phone.js';

describe('parsePhone', () => {
  it('normalises French numbers to E.164 whatever the spacing or prefix', () => {
    for (const input of ['06 26 06 39 10', '06.26.06.39.10', '0626063910', '+33 6 26 06 39 10', '0033 6 26 06 39 10', '+33 (0)6 26 06 39 10']) {
      expect(parsePhone(input)).toEqual({ ok: true, value: '+33626063910' });
    }
    expect(parsePhone('01 45 12 68 91')).toEqual({ ok: true, value: '+33145126891' });
  });

  it('reads overseas numbers written in national format with their own calling code', () => {
    expect(parsePhone('0590 32 54 15')).toEqual({ ok: true, value: '+590590325415' });
    expect(parsePhone('0696 12 34 56')).toEqual({ ok: true, value: '+596696123456' });
    expect(parsePhone('0262 12 34 56')).toEqual({ ok: true, value: '+262262123456' });
    expect(parsePhone('0269 61 12 34', phoneRegionOfDepartement('976'))).toEqual({ ok: true, value: '+262269611234' });
    expect(parsePhone('0594 29 12 34')).toEqual({ ok: true, value: '+594594291234' });
  });

  it('reads a metropolitan number given by an overseas company', () => {
    expect(parsePhone('04 78 17 05 70', phoneRegionOfDepartement('972'))).toEqual({ ok: true, value: '+33478170570' });
  });

  it('accepts foreign numbers written internationally', () => {
    expect(parsePhone('+32 2 555 12 12')).toEqual({ ok: true, value: '+3225551212' });
  });

  it('rejects incomplete numbers and words', () => {
    expect(parsePhone('06 26 06 39')).toMatchObject({ ok: false, error: { code: 'phone_invalid' } });
    expect(parsePhone('inconnu')).toMatchObject({ ok: false, error: { code: 'phone_format' } });
    expect(parsePhone(' ')).toMatchObject({ ok: false, error: { code: 'phone_required' } });
  });
});

describe('phoneRegionOfDepartement', () => {
  it('maps overseas départements to their telephone regions and defaults to FR', () => {
    expect(phoneRegionOfDepartement('974')).toBe('RE');
    expect(phoneRegionOfDepartement('2A')).toBe('FR');
    expect(phoneRegionOfDepartement(undefined)).toBe('FR');
  });
});

describe('parsePhone — overseas numbers written the metropolitan way', () => {
  it('gives overseas prefixes their own calling code, even written with +33', () => {
    expect(parsePhone('+33 6 90 42 96 48')).toEqual({ ok: true, value: '+590690429648' });
    expect(parsePhone('06 93 18 90 52')).toEqual({ ok: true, value: '+262693189052' });
    expect(parsePhone('+33 6 39 79 53 97')).toEqual({ ok: true, value: '+262639795397' });
    expect(parsePhone('0590 76 96 46')).toEqual({ ok: true, value: '+590590769646' });
  });

  it('writes every overseas prefix as libphonenumber reads the number in its territory', () => {
    const territories: Array<[CountryCode, string[]]> = [
      ['GP', ['590', '690', '691']],
      ['MQ', ['596', '696', '697']],
      ['GF', ['594', '694']],
      ['RE', ['262', '263', '692', '693']],
      ['YT', ['269', '639']],
    ];
    for (const [region, prefixes] of territories) {
      for (const prefix of prefixes) {
        for (const rest of ['000000', '123456', '504817', '989999', '999999']) {
          const national = `${prefix}${rest}`;
          // Some of these blocks are also valid French numbers: those stay +33, as before.
          const french = parsePhoneNumberFromString(`+33${national}`, 'FR');
          const expected = french?.isValid() ? french.number : parsePhoneNumberFromString(`0${national}`, region)!.number;
          expect(parsePhone(`+33 ${national}`), `${region} ${national}`).toEqual({ ok: true, value: expected });
        }
      }
    }
  });

  it('still refuses a metropolitan-looking number of the wrong length', () => {
    expect(parsePhone('0690 42 96 4')).toMatchObject({ ok: false, error: { code: 'phone_invalid' } });
  });
});
