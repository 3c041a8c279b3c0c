import { redirect } from '@sveltejs/kit';
import { auth } from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import { adultSignInSchema, studentSignInSchema } from '$lib/schemas/auth';
import { studentEmail } from '$lib/people';
import { afterSignIn } from '$lib/server/after-sign-in';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ cookies }) => {
	// A shared Chromebook remembers the school code, never the person.
	return { schoolCode: cookies.get('tp_school') ?? '' };
}) satisfies PageServerLoad;

/** Only same-site paths: never send someone to another site after signing in. */
function safeNext(url: URL): string {
	const next = url.searchParams.get('next') ?? '/home';
	return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/home';
}

async function signIn(
	event: Parameters<Actions[string]>[0],
	email: string,
	password: string,
	form: 'student' | 'adult',
	values: Record<string, string>
) {
	const result = await auth().signIn(event.cookies, { email, password, address: event.getClientAddress() });
	if (!result.ok) {
		if (result.reason === 'rate_limited') {
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return fail(429, { form, values, message: 'auth.rate_limited', minutes });
		}
		if (result.reason === 'inactive') return fail(403, { form, values, message: 'auth.account_inactive' });
		return fail(400, { form, values, message: form === 'student' ? 'auth.bad_student_login' : 'auth.bad_adult_login' });
	}
	await afterSignIn(event.cookies, result.caller);
	redirect(303, safeNext(event.url));
}

export const actions = {
	student: async (event) => {
		const parsed = parseForm(studentSignInSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { form: 'student', ...parsed.failure.data });
		const { school_code, username, password } = parsed.data;
		event.cookies.set('tp_school', school_code, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 31536000 });
		return signIn(event, studentEmail(school_code, username), password, 'student', { school_code, username });
	},
	adult: async (event) => {
		const parsed = parseForm(adultSignInSchema, await event.request.formData());
		if (!parsed.ok) return fail(400, { form: 'adult', ...parsed.failure.data });
		return signIn(event, parsed.data.email, parsed.data.password, 'adult', { email: parsed.data.email });
	}
} satisfies Actions;
