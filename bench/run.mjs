// `npm run bench`: every benchmark, in order (one for now). Build first: `npm run build`.
await import('./entities.mjs');
