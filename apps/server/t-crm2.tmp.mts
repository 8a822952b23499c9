import { resolveCommune } from './src/modules/crm/geography/resolve-commune.js';
import { communeNameKey } from './src/modules/crm/geography/commune-name.js';
import { foldText } from './src/modules/crm/text/fold-text.js';
resolveCommune('45410','Artenay');
const N = 10000;
for (const [name, fn] of [['fold', () => foldText('ARTENAY')], ['key', () => communeNameKey('ARTENAY')], ['commune', () => resolveCommune('45410', 'ARTENAY')]] as const) {
  const t = performance.now(); for (let i = 0; i < N; i++) fn(); console.log(name, ((performance.now() - t) / N * 1000).toFixed(1), 'µs');
}
