export * from './common/problem.js';
export * from './common/primitives.js';
