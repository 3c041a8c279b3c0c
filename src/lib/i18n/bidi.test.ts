import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { isolateValues } from './bidi';

describe('bidi isolation of inserted values', () => {
	it('wraps names in first-strong isolates and leaves counts alone', () => {
		expect(isolateValues({ name: 'Omar K.', count: 3 })).toEqual({ name: '\u2068Omar K.\u2069', count: 3 });
		expect(isolateValues(undefined)).toBeUndefined();
	});

	it('keeps the punctuation of an Arabic sentence on its own side of a Latin name', () => {
		const i18n = createI18n('ar', { events: { claimed: 'تولّى {{name}} الطلب.' } }, { events: { claimed: '{{name}} claimed.' } });
		const text = i18n.t('events.claimed', isolateValues({ name: 'Omar K.' }));
		expect(text).toBe('تولّى \u2068Omar K.\u2069 الطلب.');
	});
});
