// Translation check: every locale has exactly the English keys, with the plural forms its
// language needs and the same {{variables}}, and every English key is used somewhere. Numbers only
// reach a sentence through plural forms with `count` (6), and no Arabic string puts a gendered
// verb before a person's name (7).
// Run: node scripts/i18n-check.js [locales dir] (exits 1 and lists every problem found).
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'src/lib/i18n/locales';
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const problems = [];
const problem = (msg) => problems.push(msg);

/** { 'a.b': 'text', ... } from nested JSON. */
const flat = (o, p = '') =>
	Object.entries(o).flatMap(([k, v]) =>
		v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [[`${p}${k}`, v]]
	);
const vars = (s) => new Set([...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]));
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const show = (set) => `{${[...set].join(', ')}}`;
const categoriesOf = (lang) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
/** A category that only ever means one number (Arabic "two" is 2, and `_zero` is 0): its form may
 * say the number in words instead of {{count}}, as Arabic does with دقيقتان ("two minutes"). */
const exact = (lang, cat) => {
	if (cat === 'zero') return true; // i18next uses _zero for 0 alone, whatever the language's rules
	const rules = new Intl.PluralRules(lang);
	return (
		cat !== 'other' &&
		Array.from({ length: 1000 }, (_, n) => n).filter((n) => rules.select(n) === cat).length === 1
	);
};

// 5. Every file is valid JSON.
const locales = {};
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files.sort()) {
	try {
		const json = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'));
		locales[path.basename(file, '.json')] = new Map(flat(json));
	} catch (e) {
		problem(`${file}: not valid JSON (${e.message})`);
	}
}
const en = locales.en;
if (!en) {
	console.error(problems.length ? problems.join('\n') : `${dir}/en.json is missing`);
	process.exit(1);
}

// English keys grouped: a plain key, or a plural family (foo_one, foo_other → base foo).
const families = new Map(); // base → Set of categories English has
const plural = (key) => {
	const m = key.match(/^(.*)_([a-z]+)$/);
	return m && CATEGORIES.includes(m[2]) && en.has(`${m[1]}_other`)
		? { base: m[1], cat: m[2] }
		: null;
};
const bases = [];
for (const key of en.keys()) {
	const p = plural(key);
	if (!p) {
		bases.push(key);
		continue;
	}
	if (!families.has(p.base)) {
		families.set(p.base, new Set());
		bases.push(p.base);
	}
	families.get(p.base).add(p.cat);
}

// 1–3. Each locale against English.
for (const [lang, messages] of Object.entries(locales)) {
	const needed = categoriesOf(lang);
	// `_zero` is i18next's own form for exactly 0, in every language ("No new notifications"
	// instead of "0 new notifications"). When English has one, every language must say it too.
	const allowed = needed.includes('zero') ? needed : [...needed, 'zero'];
	const expected = new Set();
	for (const base of bases) {
		if (!families.has(base)) {
			expected.add(base);
			continue;
		}
		if (lang === 'en') continue; // English is checked below
		for (const cat of needed) expected.add(`${base}_${cat}`);
		if (families.get(base).has('zero')) expected.add(`${base}_zero`);
	}
	if (lang === 'en') {
		for (const [base, cats] of families)
			for (const cat of needed)
				if (!cats.has(cat)) problem(`en.json: ${base} lacks the plural form ${base}_${cat}`);
		for (const key of messages.keys())
			if (plural(key) && !allowed.includes(plural(key).cat))
				problem(`en.json: ${key} is not an English plural form`);
		continue;
	}
	for (const key of expected) if (!messages.has(key)) problem(`${lang}.json: missing ${key}`);
	for (const key of messages.keys()) {
		const p = plural(key);
		if (!expected.has(key)) {
			const why = p
				? `is a plural form ${lang} does not use (it uses: ${allowed.join(', ')})`
				: 'is not in English';
			problem(`${lang}.json: ${key} ${why} (stale)`);
			continue;
		}
		const want = vars(en.get(p ? `${p.base}_other` : key));
		const got = vars(messages.get(key));
		if (p && want.has('count') && exact(lang, p.cat)) got.add('count');
		if (!sameSet(want, got))
			problem(`${lang}.json: ${key} has variables ${show(got)}, English has ${show(want)}`);
	}
}

// 6. A number reaches a sentence only as `count`, in a plural family, so every language can say
// "1 hour" and "2 hours" (and Arabic its six forms). Any other {{placeholder}} must be one of
// these names, which hold text or a position ("Step 3", "Page 2 of 5"), never an amount. A new
// name fails here until it is either made a plural with `count` or listed below as not an amount.
const NOT_AMOUNTS = new Set([
	...['name', 'names', 'email', 'school', 'role', 'roles', 'tool', 'language', 'languages'],
	...['word', 'simpler', 'date', 'when', 'time', 'place', 'subject', 'title', 'original'],
	// a list of step numbers ("3, 4"), not an amount
	'steps',
	// positions and labels: "Step {{n}}", "Step {{n}} of {{total}}", "Page {{page}} of {{pages}}",
	// "grade {{grade}}", "{{done}} of {{count}} steps" (the plural follows the total).
	...['n', 'step', 'total', 'page', 'pages', 'grade', 'done']
]);
for (const [key, text] of en) {
	const p = plural(key);
	for (const v of vars(text)) {
		if (v === 'count' && p) continue;
		if (v === 'count')
			problem(`en.json: ${key} uses {{count}} but is not a plural family (add _one and _other)`);
		else if (!NOT_AMOUNTS.has(v))
			problem(
				`en.json: ${key} shows {{${v}}}: pass a number as count with plural forms, or list ${v} in NOT_AMOUNTS`
			);
	}
}

// 7. Arabic verbs agree with their subject's gender, so a verb right before an inserted name
// ("تولّى {{name}}", "he took") is wrong for every girl, and its feminine form for every boy.
// Use a noun phrase ("طلب مساعدة جديد من {{name}}") or the passive ("تم ... بواسطة {{name}}") instead;
// putting the name first does not help, as the verb after it still agrees. These are
// the verbs looked for (written without vowel marks; each also with the feminine ت and with an
// object pronoun ه/ها), in the past and present third person:
const AR_VERBS = [
	...['طلب', 'تولى', 'انضم', 'أعاد', 'اقترح', 'قبل', 'سجل', 'أكد', 'ألغى', 'أرسل', 'أغلق'],
	...['أعطى', 'تحقق', 'قام', 'أخذ', 'شكر', 'كتب', 'نشر', 'راجع', 'وافق', 'علم', 'ساعد', 'فتح'],
	...['أضاف', 'غير', 'اختار', 'دعا', 'أرجع', 'استطاع', 'رد', 'جاء', 'حضر', 'أنهى', 'بدأ'],
	...['يطلب', 'يتولى', 'ينضم', 'يعيد', 'يقترح', 'يقبل', 'يسجل', 'يؤكد', 'يلغي', 'يرسل', 'يغلق'],
	...['يعطي', 'يتحقق', 'يقوم', 'يأخذ', 'يشكر', 'يكتب', 'ينشر', 'يراجع', 'يوافق', 'يعلم', 'يساعد'],
	...['يستطيع', 'يريد', 'يحتاج', 'يرجع', 'يرد']
];
const PERSON = new Set(['name', 'names', 'mentor', 'teacher', 'author', 'reviewer']);
const bare = (s) => s.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[إآ]/g, 'ا');
const verbForms = new Set(
	AR_VERBS.map(bare).flatMap((v) => {
		const stem = v.endsWith('ى') ? v.slice(0, -1) + 'ا' : v; // تولّى + ه → تولّاه
		return [v, `${v}ت`, `${stem}ه`, `${stem}ها`, `${v}ته`, `${v}تها`];
	})
);
if (locales.ar)
	for (const [key, text] of locales.ar)
		for (const m of String(text).matchAll(/(\S+)\s+\{\{\s*(\w+)[^}]*\}\}/g))
			if (PERSON.has(m[2]) && verbForms.has(bare(m[1]).replace(/^[وف]/, '')))
				problem(
					`ar.json: ${key} puts the verb "${m[1]}" before {{${m[2]}}}: its form says the person's gender (use a noun phrase or the passive)`
				);

// 4. Every English key is used in the code: as a quoted literal ('people.title', or the plural
// base 'home.students'), or under a template-literal prefix (`roles.${r}` uses every roles.* key).
// Sources: src/**/*.{ts,svelte,sql} except tests, and the migrations (keys raised as errors).
const walk = (d, exts) =>
	fs.existsSync(d)
		? fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
				const p = path.join(d, e.name);
				if (e.isDirectory()) return walk(p, exts);
				return exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.test.ts') ? [p] : [];
			})
		: [];
const sources = [
	...walk('src', ['.ts', '.svelte', '.sql']),
	...walk('supabase/migrations', ['.sql'])
];
const literals = new Set();
const prefixes = new Set();
for (const file of sources) {
	const text = fs.readFileSync(file, 'utf8');
	for (const m of text.matchAll(/(['"`])([a-z]\w*(?:\.\w+)+)\1/g)) literals.add(m[2]);
	for (const m of text.matchAll(/`([a-z]\w*(?:\.\w*)+)\$\{/g)) prefixes.add(m[1]);
}
// 6b. A plural family is always asked for with `count`, or i18next silently shows the _other form.
for (const file of sources) {
	const text = fs.readFileSync(file, 'utf8');
	for (const m of text.matchAll(/\bt\(\s*(['"])([a-z]\w*(?:\.\w+)+)\1\s*(?:,\s*(\{[^}]*\}))?/g))
		if (families.has(m[2]) && !/\bcount\b/.test(m[3] ?? ''))
			problem(`${file}: ${m[2]} has plural forms but is called without count`);
}

for (const base of bases) {
	const used = literals.has(base) || [...prefixes].some((p) => base.startsWith(p));
	if (!used) problem(`en.json: ${base} is not used in src/ or supabase/migrations/ (unused)`);
}

if (problems.length) {
	console.error(problems.join('\n'));
	console.error(`translations: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
	process.exit(1);
}
console.log(
	`translations: ${bases.length} keys in ${Object.keys(locales).length} languages, all complete`
);
