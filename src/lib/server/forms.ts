import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/**
 * A submitted text as the person typed it. Browsers send a textarea's line breaks as CRLF, which
 * would count twice against a length limit; Postgres text cannot hold NUL, so a pasted one is
 * dropped rather than refusing the whole form. Files become ''.
 */
export function formText(value: FormDataEntryValue | null): string {
	return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replaceAll('\0', '') : '';
}

/**
 * Validates a submitted form with its zod schema. On failure answers 400 with what the person
 * typed (never passwords) and one i18n key per field, so nothing they wrote is lost.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData
): { ok: true; data: z.infer<S> } | { ok: false; failure: ReturnType<typeof fail<{ values: Record<string, string>; errors: FieldErrors }>> } {
	const raw: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key).map(formText);
		raw[key] = all.length > 1 || key.endsWith('[]') ? all : all[0];
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.includes('.') ? issue.message : 'form.invalid';
	}
	return { ok: false, failure: fail(400, { values: keepValues(raw), errors }) };
}

/** What goes back into the form: everything except secrets. */
export function keepValues(raw: Record<string, unknown>): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (/password|token|code_secret/i.test(key)) continue;
		values[key] = Array.isArray(value) ? value.join(',') : String(value ?? '');
	}
	return values;
}
