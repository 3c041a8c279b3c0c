import { fail } from '@sveltejs/kit';
import { createStudent, listSchoolPeople } from '$lib/server/api/people';
import { parseRoster, type RosterRow } from '$lib/server/api/roster';
import { withNewLogin } from '$lib/server/api/logins';
import { currentPerson } from '$lib/server/api/session';
import { studentEmail } from '$lib/people';
import { friendlyPassword } from '$lib/server/auth/tokens';
import { DbError } from '$lib/server/db/errors';
import { orErrorPage } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 512 * 1024;

export const load = (async ({ locals, url }) => {
	const { me } = await orErrorPage(listSchoolPeople(locals.caller), url);
	return { me, schoolCode: me.school.code };
}) satisfies PageServerLoad;

/** The CSV from the file picker, or else from the paste box. */
async function readCsv(form: FormData): Promise<string | { error: string }> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES) return { error: 'roster.too_big' };
		return file.text();
	}
	const pasted = form.get('csv')?.toString() ?? '';
	if (pasted.length > MAX_BYTES) return { error: 'roster.too_big' };
	if (!pasted.trim()) return { error: 'roster.empty' };
	return pasted;
}

export const actions = {
	// Step 1: check every row and show what would happen; nothing is saved.
	preview: async ({ request }) => {
		const csv = await readCsv(await request.formData());
		if (typeof csv !== 'string') return fail(400, { message: csv.error });
		const { rows, fileError } = parseRoster(csv);
		if (fileError) return fail(400, { message: fileError, csv });
		return { preview: rows.map(hidePassword), csv };
	},
	// Step 2: import the good rows (each one on its own); report every bad row by its line.
	import: async ({ request, locals }) => {
		const csv = await readCsv(await request.formData());
		if (typeof csv !== 'string') return fail(400, { message: csv.error });
		const { rows, fileError } = parseRoster(csv);
		if (fileError) return fail(400, { message: fileError, csv });
		const schoolCode = (await currentPerson(locals.caller))?.school.code ?? '';
		const created: { display_name: string; username: string; password: string }[] = [];
		const rejected: RosterRow[] = [];
		for (const row of rows) {
			if (Object.keys(row.errors).length > 0) {
				rejected.push(hidePassword(row));
				continue;
			}
			const password = row.password || friendlyPassword();
			try {
				await withNewLogin(studentEmail(schoolCode, row.username), password, (login) =>
					createStudent(locals.caller, {
						username: row.username,
						displayName: row.display_name,
						languages: row.languages.split(/[\s,;/]+/).filter(Boolean),
						passwordHash: login.passwordHash,
						userId: login.userId
					})
				);
				created.push({ display_name: row.display_name, username: row.username, password });
			} catch (e) {
				if (!(e instanceof DbError) || e.kind === 'unavailable' || e.kind === 'unauthenticated' || e.kind === 'forbidden') throw e;
				rejected.push(hidePassword({ ...row, errors: { username: e.key } }));
			}
		}
		return { created, rejected };
	}
} satisfies Actions;

function hidePassword(row: RosterRow): RosterRow {
	return { ...row, password: row.password ? '••••' : '' };
}
