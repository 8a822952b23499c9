import { describe, expect, it } from 'vitest';
import { ApiProblem, networkProblem, toApiProblem } from './api-problem';

describe('ApiProblem', () => {
  it('keeps the fields of an RFC 9457 problem and reads Retry-After', () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': '120', 'x-request-id': 'req-1' } });
    const problem = toApiProblem(
      { type: 'urn:maillage:problem:account_locked', title: 'Too many requests', status: 429, detail: 'Locked.', code: 'account_locked', requestId: 'req-1', errors: [{ pointer: '/email', message: 'x' }, { bad: true }] },
      response,
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ status: 429, code: 'account_locked', requestId: 'req-1', retryAfter: 120 });
    expect(problem.errors).toEqual([{ pointer: '/email', message: 'x' }]);
  });

  it('gives a code to answers that are not problem+json, and to network failures', () => {
    const problem = toApiProblem('<html>Bad gateway</html>', new Response(null, { status: 502 }));
    expect(problem).toMatchObject({ status: 502, code: 'http_502' });
    expect(networkProblem(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, code: 'network_error', detail: 'Failed to fetch' });
  });
});
