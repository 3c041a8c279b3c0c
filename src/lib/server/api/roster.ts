import Papa from 'papaparse';
import { studentSchema } from '$lib/schemas/people';

export interface RosterRow {
	/** The line in the file, counting the header as line 1, as a spreadsheet shows it. */
	line: number;
	display_name: string;
	username: string;
	languages: string;
	password: string;
	/** Field name to i18n key; empty when the row can be imported. */
	errors: Record<string, string>;
}

export const MAX_ROSTER_ROWS = 500;

const aliases: Record<string, keyof Omit<RosterRow, 'line' | 'errors'>> = {
	display_name: 'display_name',
	displayname: 'display_name',
	name: 'display_name',
	username: 'username',
	user: 'username',
	languages: 'languages',
	language: 'languages',
	home_language: 'languages',
	password: 'password'
};

const headerKey = (h: string) => aliases[h.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/^display_?name$/, 'display_name')];

/**
 * Reads a roster CSV (header row: display_name, username, languages, optional password) and checks
 * every row, including usernames repeated inside the file. Returns one entry per data row.
 */
export function parseRoster(csv: string): { rows: RosterRow[]; fileError?: string } {
	const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => headerKey(h) ?? h.trim().toLowerCase()
	});
	const fields = parsed.meta.fields ?? [];
	if (!fields.includes('display_name') || !fields.includes('username')) return { rows: [], fileError: 'roster.missing_columns' };
	if (parsed.data.length === 0) return { rows: [], fileError: 'roster.empty' };
	if (parsed.data.length > MAX_ROSTER_ROWS) return { rows: [], fileError: 'roster.too_many_rows' };

	const seen = new Map<string, number>();
	const rows = parsed.data.map((record, index): RosterRow => {
		const row: RosterRow = {
			line: index + 2,
			display_name: (record.display_name ?? '').trim(),
			username: (record.username ?? '').trim().toLowerCase(),
			languages: (record.languages ?? 'en').trim() || 'en',
			password: (record.password ?? '').trim(),
			errors: {}
		};
		const result = studentSchema.safeParse(row);
		if (!result.success) {
			for (const issue of result.error.issues) row.errors[String(issue.path[0])] ??= issue.message;
		}
		const first = seen.get(row.username);
		if (row.username && first !== undefined) row.errors.username ??= 'roster.duplicate_in_file';
		else if (row.username) seen.set(row.username, row.line);
		return row;
	});
	const badRecord = parsed.errors.find((e) => e.code === 'TooManyFields' || e.code === 'TooFewFields');
	if (badRecord?.row !== undefined && rows[badRecord.row]) rows[badRecord.row].errors.form ??= 'roster.bad_columns';
	return { rows };
}
