/** A query string of the values that are set, in order: the links of filtered, paged pages. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
	return Object.entries(values)
		.filter(([, v]) => v !== undefined && v !== null && v !== '')
		.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
		.join('&');
}
