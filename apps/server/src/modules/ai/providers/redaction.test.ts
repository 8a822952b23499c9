import { describe, expect, it } from 'vitest';
import { redact } from './redaction.js';

describe('redaction', () => {
  it('masks e-mails, French phone numbers, IBANs and social-security numbers', () => {
    const text =
      'Contact : jeanne.martin@exemple.fr, 06 12 34 56 78, +33 1 44 55 66 77, 01.23.45.67.89, 0033612345678. ' +
      'IBAN FR76 3000 6000 0112 3456 7890 189 ou FR7630006000011234567890189. NIR 1 85 05 78 006 084 36 et 285052A00608436.';
    const { text: redacted, counts } = redact(text);
    expect(redacted).not.toMatch(/jeanne|06 12|44 55|45\.67|0033612|FR76|3000 6000|85 05 78|2A006/);
    expect(counts).toEqual({ email: 1, phone: 4, iban: 2, nir: 2 });
  });

  it('leaves article numbers, dates, amounts and durations alone', () => {
    const text = "L'article L1234-1 du 1er janvier 2024 prévoit 1 500 euros, 48 heures et un délai de 15 jours (R1237-6).";
    expect(redact(text).text).toBe(text);
  });
});
