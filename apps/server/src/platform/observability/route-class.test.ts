import { describe, expect, it } from 'vitest';
import { classifyRoute } from './route-class.js';

describe('classifyRoute', () => {
  it.each([
    ['GET', '/api/v1/entities/:id', {}, 'read_by_id'],
    ['GET', '/api/v1/entities', { limit: 50 }, 'collection'],
    ['GET', '/api/v1/crm/persons', { q: 'martin' }, 'search'],
    ['GET', '/api/v1/crm/persons', { q: '  ' }, 'collection'],
    ['GET', '/api/v1/search', {}, 'search'],
    ['POST', '/api/v1/crm/persons', {}, 'write'],
    ['PATCH', '/api/v1/crm/persons/:id', {}, 'write'],
    ['DELETE', '/api/v1/crm/persons/:id', {}, 'write'],
    ['POST', '/api/v1/crm/persons/exports', {}, 'export'],
    ['GET', '/api/v1/crm/exports/:id', {}, 'export'],
    ['POST', '/api/v1/ai/answers', {}, 'ai_answer'],
    ['GET', '/readyz', {}, 'internal'],
    ['GET', '/metrics', {}, 'internal'],
    ['GET', 'unmatched', {}, 'unmatched'],
  ] as const)('%s %s %j → %s', (method, route, query, expected) => {
    expect(classifyRoute({ method, route, query })).toBe(expected);
  });

  it('lets a route declare its class', () => {
    expect(classifyRoute({ method: 'POST', route: '/api/v1/ai/conversations/:id/messages', query: {}, declared: 'ai_answer' })).toBe('ai_answer');
  });

  it('counts a collection answered as CSV or XLSX as an export', () => {
    expect(classifyRoute({ method: 'GET', route: '/api/v1/entities', query: {}, contentType: 'text/csv; charset=utf-8' })).toBe('export');
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(classifyRoute({ method: 'GET', route: '/api/v1/entities', query: {}, contentType: xlsx })).toBe('export');
    expect(classifyRoute({ method: 'GET', route: '/api/v1/entities', query: {}, contentType: 'application/json' })).toBe('collection');
  });
});
