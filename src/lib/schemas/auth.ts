import { z } from 'zod';
import { email, schoolCode, username } from './fields';

export const studentSignInSchema = z.object({
	school_code: schoolCode,
	username,
	password: z.string().min(1, 'form.required').max(200, 'form.too_long')
});

export const adultSignInSchema = z.object({
	email,
	password: z.string().min(1, 'form.required').max(200, 'form.too_long')
});
