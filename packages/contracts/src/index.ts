export * from './common/problem.js';
export * from './common/primitives.js';
export * from './common/collection.js';
export * from './common/http-headers.js';
