import { describe, expect, it } from 'vitest';
import { instantToSchoolTime, schoolTimeToInstant } from './school-time';

describe('school wall clock', () => {
	it('reads a time typed at a Chicago school as Chicago time, in winter and in summer', () => {
		expect(schoolTimeToInstant('2026-11-24T12:30', 'America/Chicago')?.toISOString()).toBe('2026-11-24T18:30:00.000Z');
		expect(schoolTimeToInstant('2026-06-02T08:00', 'America/Chicago')?.toISOString()).toBe('2026-06-02T13:00:00.000Z');
		expect(schoolTimeToInstant('2026-11-24T12:30', 'Asia/Amman')?.toISOString()).toBe('2026-11-24T09:30:00.000Z');
	});

	it('refuses dates that do not exist', () => {
		expect(schoolTimeToInstant('2026-02-30T10:00', 'America/Chicago')).toBeNull();
		expect(schoolTimeToInstant('2026-11-24T25:00', 'America/Chicago')).toBeNull();
		expect(schoolTimeToInstant('next tuesday', 'America/Chicago')).toBeNull();
	});

	it('round-trips an instant to the value of a datetime-local field', () => {
		const at = new Date('2026-03-09T15:45:00Z'); // the day after the US clocks change
		expect(instantToSchoolTime(at, 'America/Chicago')).toBe('2026-03-09T10:45');
		expect(schoolTimeToInstant(instantToSchoolTime(at, 'America/Chicago'), 'America/Chicago')?.toISOString()).toBe(at.toISOString());
	});
});
