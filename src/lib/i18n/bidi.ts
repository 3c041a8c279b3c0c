import type { TOptions } from 'i18next';

// In a right-to-left sentence, a name or subject written in Latin script ("Omar K.", "Canva:
// Art") drags neighbouring punctuation to the wrong side. Unicode isolates (FSI ... PDI) make each
// inserted value its own direction island, as W3C's bidi guidance recommends.
const FSI = '\u2068';
const PDI = '\u2069';

/** The same options with every inserted text value isolated; numbers and i18next's own options untouched. */
export function isolateValues(options: TOptions | undefined): TOptions | undefined {
	if (!options) return options;
	const out: TOptions = {};
	for (const [key, value] of Object.entries(options)) {
		out[key] = typeof value === 'string' && !['lng', 'context', 'defaultValue'].includes(key) ? `${FSI}${value}${PDI}` : value;
	}
	return out;
}
