// Dates and numbers through Intl, always in the school's time zone (not the server's or the browser's).

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

export function formatNumber(n: number, locale: string): string {
	return new Intl.NumberFormat(locale).format(n);
}
