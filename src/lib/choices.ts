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
