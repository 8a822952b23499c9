import { describe, expect, it } from 'vitest';
import { localDateTimeValue, textToHtml } from './interaction-types';

describe('note text to HTML', () => {
  it('turns blank-line separated text into paragraphs and single newlines into <br>', () => {
    expect(textToHtml('Premier point\nsuite\n\nSecond point')).toBe('<p>Premier point<br>suite</p><p>Second point</p>');
  });

  it('escapes what staff type, so markup is shown as text', () => {
    expect(textToHtml('<script>alert(1)</script> & "ok"')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ok&quot;</p>');
  });

  it('sends no body for blank text', () => {
    expect(textToHtml('  \n \n')).toBeNull();
  });

  it('formats a date for a datetime-local input', () => {
    expect(localDateTimeValue(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05T09:07');
  });
});
