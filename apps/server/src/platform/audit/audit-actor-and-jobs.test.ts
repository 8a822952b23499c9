import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { MessageBus } from '../bus/index.js';
import type { Database } from '../db/index.js';
import { SEAL_AUDIT_CHAIN, registerAuditJobs } from './audit.jobs.js';
import { auditActorFrom } from './record-audit.js';

describe('audit actor and sealing job', () => {
  it('takes the actor from the request: user, request id and client address', () => {
    const request = { principal: { userId: '01a2-user' }, id: 'req-9', ip: '198.51.100.4' } as unknown as FastifyRequest;
    expect(auditActorFrom(request)).toEqual({ userId: '01a2-user', requestId: 'req-9', ip: '198.51.100.4' });
    const anonymous = { principal: null, id: 'req-10', ip: '198.51.100.5' } as unknown as FastifyRequest;
    expect(auditActorFrom(anonymous).userId).toBeNull();
  });

  it('schedules the sealer every minute on the bus', () => {
    const registered: Array<{ kind: string; name: string; cron?: string }> = [];
    const bus = {
      handle: (message: { name: string }) => registered.push({ kind: 'handle', name: message.name }),
      schedule: (message: { name: string }, cron: string) => registered.push({ kind: 'schedule', name: message.name, cron }),
    } as unknown as MessageBus;
    registerAuditJobs(bus, {} as Database);
    expect(registered).toEqual([
      { kind: 'handle', name: SEAL_AUDIT_CHAIN.name },
      { kind: 'schedule', name: 'audit.seal-chain', cron: '* * * * *' },
    ]);
  });
});
