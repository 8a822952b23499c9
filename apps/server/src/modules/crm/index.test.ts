import { describe, expect, it } from 'vitest';
import * as crm from './index.js';

describe('CRM public surface', () => {
  it('exposes the rules other modules and the seed rely on', () => {
    expect(crm.parseSiren(crm.generateSiren(7))).toMatchObject({ ok: true });
    expect(crm.departementalUnionCode('2A')).toBe('2A');
    expect(crm.CURRENT_NAF_VERSION).toBe('NAF_REV2');
    expect(typeof crm.openImportFile).toBe('function');
  });
});
