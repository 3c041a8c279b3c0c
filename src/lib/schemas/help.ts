import { z } from 'zod';
import { languages } from './fields';

// One zod schema per form of the help-request loop. Messages are i18n keys.

import { DAYS, LEARNER_FLAGS, OUTCOMES, PLACES, TIMES, TOOL_CATEGORIES } from '$lib/choices';

/** Checkboxes arrive as one value, several, or none. */
const choices = <T extends readonly [string, ...string[]]>(options: T) =>
	z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
		.pipe(z.array(z.enum(options, { error: 'form.invalid' })));

const text = (min: number, max: number) =>
	z
		.string({ error: 'form.required' })
		.trim()
		.min(1, 'form.required')
		.min(min, min > 1 ? `form.too_short_${min}` : 'form.required')
		.max(max, `form.too_long_${max}`);

export const newRequestSchema = z.object({
	submission_id: z.uuid('form.invalid'),
	tool_id: z.uuid('help.choose_tool'),
	goal: text(10, 2000),
	subject: text(1, 60),
	grade: text(1, 20),
	learner_flags: choices(LEARNER_FLAGS),
	languages,
	available_days: choices(DAYS),
	available_times: choices(TIMES),
	urgency: z.coerce.number({ error: 'form.invalid' }).int().min(1, 'form.invalid').max(3, 'form.invalid'),
	is_private: z.literal('on').optional()
});

export const proposeSchema = z.object({
	starts_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'help.bad_time'),
	place: z.enum(PLACES, { error: 'help.choose_place' })
});

export const reasonSchema = z.object({ reason: text(3, 500) });
/** The teacher's yes or no to the mentor who asked to join, named so a yes lets in only them. */
export const partnerAnswerSchema = z.object({ mentor_id: z.uuid('form.invalid'), answer: z.enum(['yes', 'no'], { error: 'form.invalid' }) });
export const optionalReasonSchema = z.object({ reason: z.string().trim().max(500, 'form.too_long_500').optional() });

export const logSchema = z.object({
	covered: text(3, 2000),
	minutes: z.coerce.number({ error: 'help.bad_minutes' }).int('help.bad_minutes').min(5, 'help.bad_minutes').max(480, 'help.bad_minutes'),
	outcome: z.enum(OUTCOMES, { error: 'help.choose_outcome' }),
	next_steps: z.string().trim().max(1000, 'form.too_long_1000').optional(),
	teacher_attended: z.enum(['yes', 'no'], { error: 'help.choose_attended' }),
	tool_ids: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
		.pipe(z.array(z.uuid('form.invalid')))
});

export const closeSchema = z.object({
	rating: z.coerce.number({ error: 'help.choose_rating' }).int().min(1, 'help.choose_rating').max(5, 'help.choose_rating'),
	thanks: z.string().trim().max(500, 'form.too_long_500').optional()
});

export const reassignSchema = z.object({ mentor_id: z.uuid('help.choose_mentor') });
export const proposalSchema = z.object({ proposal_id: z.uuid('form.invalid') });
export const logIdSchema = z.object({ log_id: z.uuid('form.invalid') });

export const targetsSchema = z.object({
	claim_days: z.coerce.number({ error: 'form.invalid' }).int().min(1, 'overview.bad_targets').max(30, 'overview.bad_targets'),
	resolve_days: z.coerce.number({ error: 'form.invalid' }).int().min(1, 'overview.bad_targets').max(60, 'overview.bad_targets')
});

export const toolSchema = z.object({
	name: text(2, 60),
	category: z.enum(TOOL_CATEGORIES, { error: 'tools.choose_category' }),
	url: z
		.string()
		.trim()
		.max(300, 'form.too_long_300')
		.refine((v) => v === '' || /^https?:\/\/\S{3,}$/.test(v), 'tools.bad_url')
		.optional()
});
