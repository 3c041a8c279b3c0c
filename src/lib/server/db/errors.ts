/** What went wrong, in terms the UI can act on. The key is an i18n key. */
export type DbErrorKind =
	| 'invalid'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'gone'
	| 'rate_limited'
	| 'unavailable';

export class DbError extends Error {
	constructor(
		readonly kind: DbErrorKind,
		readonly key: string,
		readonly detail?: string,
		/** Values the message names (for example who already holds a request). */
		readonly params: Record<string, string> = {}
	) {
		super(key);
		this.name = 'DbError';
	}
}

const byCode: Record<string, DbErrorKind> = {
	PT400: 'invalid',
	PT401: 'unauthenticated',
	PT403: 'forbidden',
	PT404: 'not_found',
	PT409: 'conflict',
	PT410: 'gone',
	PT429: 'rate_limited',
	'42501': 'forbidden', // insufficient privilege, including "violates row-level security policy"
	'23505': 'conflict', // unique violation
	'23503': 'invalid', // foreign key
	'23514': 'invalid', // check constraint
	'23502': 'invalid', // not null
	'22P02': 'invalid', // bad text representation (e.g. a malformed uuid)
	'22001': 'invalid', // value too long
	'22023': 'invalid' // invalid parameter value
};

const i18nKey = /^[a-z_]+(\.[a-z0-9_]+)+$/;

/** Turns a Postgres (or PostgREST) error into a DbError; anything unknown becomes 'unavailable'. */
export function toDbError(error: unknown): DbError {
	if (error instanceof DbError) return error;
	// PostgREST says `details`; node-postgres and PGlite say `detail`.
	const e = (error ?? {}) as { code?: string; message?: string; hint?: string; details?: string; detail?: string };
	const kind = (e.code && byCode[e.code]) || (e.code?.startsWith('22') ? 'invalid' : undefined);
	if (!kind) return new DbError('unavailable', 'errors.unavailable', e.message);
	const key = [e.hint, e.message].find((k) => k && i18nKey.test(k)) ?? `errors.${kind}`;
	const details = e.details ?? e.detail;
	return new DbError(kind, key, details ?? e.message, paramsFrom(details));
}

/** API functions put the values a message needs in DETAIL as a JSON object of strings. */
function paramsFrom(details: string | undefined): Record<string, string> {
	if (!details?.startsWith('{')) return {};
	try {
		const parsed: unknown = JSON.parse(details);
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
		return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
	} catch {
		return {};
	}
}
