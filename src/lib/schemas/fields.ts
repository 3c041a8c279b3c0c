import { z } from 'zod';
import { LOCALES } from '$lib/i18n/locales';
import { LANGUAGE_CHOICES } from '$lib/choices';

// Field rules shared by every form. Messages are i18n keys.

export const displayName = z
	.string()
	.trim()
	.min(1, 'form.required')
	.max(60, 'form.too_long_60');

export const email = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'form.required')
	.max(254, 'form.too_long')
	.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'form.bad_email');

/** At least 8 characters (NIST: length over composition rules); pasting always allowed. */
export const newPassword = z.string().min(8, 'form.password_short').max(200, 'form.too_long');

export const schoolCode = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'form.required')
	.regex(/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/, 'form.bad_school_code');

export const username = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'form.required')
	.regex(/^[a-z0-9][a-z0-9._-]{1,30}[a-z0-9]$/, 'form.bad_username');

const languageCodes = LANGUAGE_CHOICES;
export { LANGUAGE_CHOICES };
export const interfaceLanguages = LOCALES.map((l) => l.code);

/** Languages as a comma list or repeated checkboxes; at least one. */
export const languages = z
	.union([z.string(), z.array(z.string())])
	.transform((v) => (Array.isArray(v) ? v : v.split(/[\s,;/]+/)).map((s) => s.trim().toLowerCase()).filter(Boolean))
	.pipe(z.array(z.enum(languageCodes, { error: 'form.bad_language' })).min(1, 'form.required').max(5, 'form.too_many'));
