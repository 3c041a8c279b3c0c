// The fixed lists that forms offer. Plain constants, no zod: pages import these, and zod must not
// ride along into a Chromebook's JavaScript. The zod schemas in $lib/schemas build on them.

/** Languages a person can help or read in (interface languages first). */
export const LANGUAGE_CHOICES = ['en', 'es', 'ar', 'vi', 'zh', 'pt', 'ru', 'ht', 'hmn', 'ur', 'fr', 'ko', 'tl', 'so'] as const;

export const LEARNER_FLAGS = ['english_learners', 'dyslexic', 'special_needs', 'gifted', 'whole_class'] as const;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export const TIMES = ['before_school', 'morning', 'lunch', 'afternoon', 'after_school'] as const;
export const PLACES = ['playground', 'classroom'] as const;
export const OUTCOMES = ['solved', 'partly', 'not_yet'] as const;
export const TOOL_CATEGORIES = ['classroom', 'video', 'design', 'quiz', 'reading', 'writing', 'math', 'other'] as const;

/** Languages a walkthrough can be written in: the app's own five (the database checks the same list). */
export const CONTENT_LANGUAGES = ['en', 'es', 'ar', 'vi', 'zh'] as const;
export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export const CALLOUT_KINDS = ['tip', 'note', 'caution'] as const;

/** Messages a walkthrough page may show after a redirect (?done=...): only these, never any text from the URL. */
export const WALKTHROUGH_DONE = [
	'walkthrough.saved',
	'walkthrough.step_deleted',
	'walkthrough.screenshot_removed',
	'walkthrough.author_added',
	'walkthrough.submitted',
	'walkthrough.unpublished',
	'walkthrough.thanks_vote',
	'walkthrough.thanks_comment'
] as const;

export function walkthroughDone(key: string | null): string | null {
	return (WALKTHROUGH_DONE as readonly string[]).includes(key ?? '') ? key : null;
}
