import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formText, parseForm } from './forms';

describe('form text', () => {
	it('counts a line break once, as the person typed it, and drops NUL instead of refusing the form', () => {
		expect(formText('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree\n');
		expect(formText('a\0b')).toBe('ab');
		expect(formText(new File(['x'], 'x.txt'))).toBe('');
		// A textarea of 10 lines of 9 characters fits a 100-character limit although the browser sends 109.
		const form = new FormData();
		form.set('goal', Array(10).fill('123456789').join('\r\n'));
		const parsed = parseForm(z.object({ goal: z.string().max(100) }), form);
		expect(parsed.ok).toBe(true);
	});
});
