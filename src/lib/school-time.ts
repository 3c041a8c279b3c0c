// A school's wall clock. A teacher who types "Tuesday 12:30" means 12:30 at school, whatever
// time zone the server or the Chromebook is in.

/** Milliseconds the zone is ahead of UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** '2026-11-24T12:30' at school -> the instant, or null when the text is not a real time. */
export function schoolTimeToInstant(local: string, timeZone: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!m) return null;
	const [y, mo, d, h, mi] = m.slice(1).map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(wall);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
	// Two passes settle the offset across a daylight-saving change.
	let utc = wall - zoneOffset(wall, timeZone);
	utc = wall - zoneOffset(utc, timeZone);
	return new Date(utc);
}

/** The instant as the value of an <input type="datetime-local"> on the school's clock. */
export function instantToSchoolTime(instant: Date, timeZone: string): string {
	const shifted = new Date(instant.getTime() + zoneOffset(instant.getTime(), timeZone));
	return shifted.toISOString().slice(0, 16);
}
