// Dates and numbers through Intl, always in the school's time zone (not the server's or the browser's).

// Making an Intl formatter costs ~40 µs and native memory the garbage collector does not see, so a
// page of 25 request cards made one per card grew the server by hundreds of MB under load. They
// are immutable, so one per locale, time zone and style is shared by every request.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
	let formatter = formatters.get(key) as F | undefined;
	if (!formatter) {
		if (formatters.size >= 500) formatters.clear(); // a bound, in case of many time zones
		formatter = make();
		formatters.set(key, formatter);
	}
	return formatter;
}

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return cached(
		`dt|${locale}|${timeZone}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
	).format(date);
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return cached(
		`d|${locale}|${timeZone}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })
	).format(date);
}

export function formatNumber(n: number, locale: string): string {
	return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}
