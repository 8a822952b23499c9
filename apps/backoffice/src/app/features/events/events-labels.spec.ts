import '@angular/localize/init';
import { describe, expect, it } from 'vitest';
import { descriptionFromText, fromLocalInput, registrationStatusText, toLocalInput } from './events-labels';

describe('events labels', () => {
  it('reads a datetime-local value in the event time zone, across daylight saving', () => {
    expect(fromLocalInput('2026-12-04T08:30', 'Europe/Paris')).toBe('2026-12-04T07:30:00.000Z');
    expect(fromLocalInput('2026-07-01T18:00', 'Europe/Paris')).toBe('2026-07-01T16:00:00.000Z');
    expect(fromLocalInput('2026-12-04T08:30', 'America/New_York')).toBe('2026-12-04T13:30:00.000Z');
    expect(fromLocalInput('2026-12-04', 'Europe/Paris')).toBeNull();
    expect(fromLocalInput('', 'Europe/Paris')).toBeNull();
  });

  it('shows a UTC instant as the wall clock of the event time zone', () => {
    expect(toLocalInput('2026-12-04T07:30:00.000Z', 'Europe/Paris')).toBe('2026-12-04T08:30');
    expect(toLocalInput('2026-07-01T22:15:00.000Z', 'Europe/Paris')).toBe('2026-07-02T00:15');
  });

  it('turns paragraphs and line breaks into a rich-text document', () => {
    expect(descriptionFromText('  \n ')).toBeNull();
    expect(descriptionFromText('Accueil café\nà 8 h 30\n\nProgramme')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Accueil café' }, { type: 'hardBreak' }, { type: 'text', text: 'à 8 h 30' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Programme' }] },
      ],
    });
  });

  it('gives the waiting position with the status', () => {
    expect(registrationStatusText({ status: 'waiting', waitingPosition: 2 })).toBe("Liste d'attente (n° 2)");
    expect(registrationStatusText({ status: 'attended', waitingPosition: null })).toBe('Présent');
  });
});
