import { z } from 'zod';

/** Reading preferences: they belong to the person and are applied during SSR as <html> attributes. */
export const readingPreferencesSchema = z.object({
	font: z.enum(['atkinson', 'lexend', 'opendyslexic', 'system']).default('atkinson'),
	size: z.enum(['s', 'm', 'l', 'xl']).default('m'),
	spacing: z.enum(['normal', 'wide']).default('normal'),
	lineHeight: z.enum(['normal', 'relaxed']).default('normal'),
	tint: z.enum(['white', 'cream', 'blue', 'dark']).default('white'),
	lineFocus: z.boolean().default(false),
	reduceMotion: z.boolean().default(false)
});

export type ReadingPreferences = z.infer<typeof readingPreferencesSchema>;

export const DEFAULT_READING: ReadingPreferences = readingPreferencesSchema.parse({});

/** BDA style guide: larger text, wider letter and word spacing, 1.5+ line height, cream tint. */
export const DYSLEXIA_PRESET: ReadingPreferences = {
	font: 'atkinson',
	size: 'l',
	spacing: 'wide',
	lineHeight: 'relaxed',
	tint: 'cream',
	lineFocus: false,
	reduceMotion: true
};

/** Whatever was stored (cookie or profile), made safe: unknown values fall back to defaults. */
export function parseReading(value: unknown): ReadingPreferences {
	const result = readingPreferencesSchema.safeParse(value ?? {});
	return result.success ? result.data : DEFAULT_READING;
}

/** The attributes <html> carries, so the first paint is already right. */
export function readingAttributes(p: ReadingPreferences): string {
	return [
		`data-font="${p.font}"`,
		`data-size="${p.size}"`,
		`data-spacing="${p.spacing}"`,
		`data-line-height="${p.lineHeight}"`,
		`data-tint="${p.tint}"`,
		p.lineFocus ? 'data-line-focus' : '',
		p.reduceMotion ? 'data-reduce-motion' : ''
	]
		.filter(Boolean)
		.join(' ');
}
