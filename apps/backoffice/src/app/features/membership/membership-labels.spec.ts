import '@angular/localize/init';
import { describe, expect, it } from 'vitest';
import { euros, eurosToCents, frenchDate } from './membership-labels';

describe('membership labels', () => {
  it('reads amounts typed in euros, French or not, into cents', () => {
    expect(eurosToCents('180')).toBe(18_000);
    expect(eurosToCents('100,50')).toBe(10_050);
    expect(eurosToCents('1 234,5 €')).toBe(123_450);
    expect(eurosToCents('0.07')).toBe(7);
    expect(eurosToCents('-5')).toBeNull();
    expect(eurosToCents('1,234')).toBeNull();
    expect(eurosToCents('abc')).toBeNull();
  });

  it('writes cents as euros and ISO dates the French way', () => {
    expect(euros(123_456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(frenchDate('2027-01-31')).toBe('31/01/2027');
    expect(frenchDate(null)).toBe('—');
  });
});
