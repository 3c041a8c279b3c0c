import { error, fail, redirect } from '@sveltejs/kit';
import { DbError } from './db/errors';

/** For loads: not signed in goes to sign-in, forbidden and missing become error pages. */
export async function orErrorPage<T>(work: Promise<T>, url: URL): Promise<T> {
	try {
		return await work;
	} catch (e) {
		if (!(e instanceof DbError)) throw e;
		if (e.kind === 'unauthenticated') redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
		if (e.kind === 'forbidden') error(403, { message: 'errors.forbidden' });
		if (e.kind === 'not_found') error(404, { message: 'errors.page_not_found' });
		throw e;
	}
}

const statusFor: Record<string, number> = {
	invalid: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	gone: 410,
	rate_limited: 429
};

/** For actions: a database refusal becomes a form failure with an i18n key; other errors rethrow. */
export function failFrom(e: unknown, values: Record<string, unknown> = {}) {
	if (!(e instanceof DbError) || e.kind === 'unavailable') throw e;
	if (e.kind === 'unauthenticated') redirect(303, '/login');
	return fail(statusFor[e.kind] ?? 400, { values, message: e.key, params: e.params });
}
