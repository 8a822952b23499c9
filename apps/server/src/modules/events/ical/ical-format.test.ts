import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { PublicEvent } from '../public/public-events.js';
import { renderCalendar } from './events-calendar.js';
import { icalProblems } from './ical-check.js';
import { escapeText, foldLine, formatUtc } from './ical-format.js';

const event = (overrides: Partial<PublicEvent> = {}): PublicEvent => ({
  id: '0192f7a0-0000-7000-8000-000000000001',
  entityId: '0192f7a0-0000-7000-8000-0000000000ff',
  title: 'Petit-déjeuner prévoyance',
  description: null,
  descriptionText: null,
  startsAt: '2026-12-04T07:30:00.000Z',
  endsAt: '2026-12-04T09:30:00.000Z',
  timezone: 'Europe/Paris',
  place: null,
  onlineUrl: null,
  priceCents: 0,
  currency: 'EUR',
  status: 'published',
  seatsLeft: null,
  version: 3,
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

describe('iCalendar format', () => {
  it('escapes backslashes, semicolons, commas and line breaks (RFC 5545 §3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007')).toBe('bell');
  });

  it('formats instants in UTC', () => {
    expect(formatUtc(new Date('2026-12-04T07:30:05.123Z'))).toBe('20261204T073005Z');
  });

  it('folds at 75 octets without cutting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(physical.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('renders a calendar that the strict checker accepts and node-ical reads back exactly', () => {
    const tricky = event({
      title: 'AG 2026 : budget, vote; motions \\ questions',
      descriptionText: 'Ordre du jour :\n1. rapport moral, 2. comptes;\nAccès : « salle A » — niveau −1. ' + 'Très long texte accentué. '.repeat(8),
      place: { name: 'Maison de la Chimie', address: '28 rue Saint-Dominique', postalCode: '75007', commune: 'Paris' },
      priceCents: 2500,
    });
    const cancelled = event({ id: '0192f7a0-0000-7000-8000-000000000002', title: 'Webinaire annulé', status: 'cancelled', onlineUrl: 'https://visio.example.org/w?a=1,2' });
    const body = renderCalendar([tricky, cancelled], { name: 'Événements — Union, Paris', uidDomain: 'maillage.example.org' });
    expect(icalProblems(body)).toEqual([]);
    const parsed = ical.sync.parseICS(body);
    const first = parsed[`${tricky.id}@maillage.example.org`] as ical.VEvent;
    expect(first.summary).toBe(tricky.title);
    expect(first.description).toBe(`${tricky.descriptionText}\n\nTarif : 25,00 EUR`);
    expect(first.location).toBe('Maison de la Chimie, 28 rue Saint-Dominique, 75007 Paris');
    expect(first.start.toISOString()).toBe(tricky.startsAt);
    expect(first.end?.toISOString()).toBe(tricky.endsAt);
    const second = parsed[`${cancelled.id}@maillage.example.org`] as ical.VEvent;
    expect(second.status).toBe('CANCELLED');
    expect(second.location).toBe('https://visio.example.org/w?a=1,2');
  });

  it('the checker catches what it should', () => {
    expect(icalProblems('BEGIN:VCALENDAR\nEND:VCALENDAR\n')).toContain('bare LF or CR');
    expect(icalProblems(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-A:${'a'.repeat(80)}\r\nEND:VCALENDAR\r\n`)).toContain('line 4 is longer than 75 octets');
    expect(icalProblems('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:1\r\nDTSTART:1\r\nSUMMARY:a,b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toEqual(['unescaped , or ; in SUMMARY']);
  });
});
