import { describe, expect, it } from 'vitest';
import { MailTemplateError, registerMailTemplate, renderMailTemplate } from './mail-templates.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

const template = { name: 'test.unit', subject: 'Objet {{a}}', html: '<b>{{a}}</b> {{b.c}}', text: '{{a}} {{b.c}}' };

describe('mail templates', () => {
  it('escapes HTML, keeps text raw and flattens the subject', () => {
    expect(renderMailTemplate(template, { a: `<img src=x onerror="alert('1')">\r\nX`, b: { c: 42 } })).toEqual({
      subject: 'Objet <img src=x onerror="alert(\'1\')"> X',
      html: '<b>&#60;img src&#61;x onerror&#61;&#34;alert(&#39;1&#39;)&#34;&#62;\r\nX</b> 42',
      text: `<img src=x onerror="alert('1')">\r\nX 42`,
    });
  });

  it('never reaches the prototype chain nor renders objects, and placeholders in data stay inert', () => {
    expect(() => renderMailTemplate({ ...template, text: '{{constructor}}' }, { a: 'x', b: { c: 1 } })).toThrow(MailTemplateError);
    expect(() => renderMailTemplate({ ...template, text: '{{b.__proto__}}' }, { a: 'x', b: { c: 1 } })).toThrow(MailTemplateError);
    expect(() => renderMailTemplate(template, { a: ['x'], b: { c: 1 } })).toThrow(/text or a number/);
    expect(renderMailTemplate(template, { a: '{{b.c}}', b: { c: 1 } }).text).toBe('{{b.c}} 1');
  });

  it('refuses list templates without an unsubscribe link and a second template of the same name', () => {
    expect(() => registerMailTemplate({ ...template, name: 'test.list', kind: 'list' })).toThrow(/unsubscribeUrl/);
    registerMailTemplate(template);
    registerMailTemplate(template);
    expect(() => registerMailTemplate({ ...template, subject: 'Autre' })).toThrow(/already/);
  });

  it('signs unsubscribe tokens that cannot be altered', () => {
    const tokens = new UnsubscribeTokens('a-secret-of-at-least-thirty-two-characters');
    const token = tokens.sign('01a2275e-cb8b-77f1-88ec-f32b6caf30fd');
    expect(token).toHaveLength(45);
    expect(tokens.verify(token)).toBe('01a2275e-cb8b-77f1-88ec-f32b6caf30fd');
    expect(tokens.verify(`${token.slice(0, 5)}A${token.slice(6)}`)).toBeNull();
    expect(new UnsubscribeTokens('another-secret-of-at-least-thirty-two-chars').verify(token)).toBeNull();
    expect(tokens.verify('not-a-token')).toBeNull();
  });
});
