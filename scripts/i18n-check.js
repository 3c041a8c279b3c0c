// Translation check: every locale has exactly the English keys, with the plural forms its
// language needs and the same {{variables}}, and every English key is used somewhere.
// Run: node scripts/i18n-check.js (exits 1 and lists every problem found).
import fs from 'node:fs';
import path from 'node:path';

const dir = 'src/lib/i18n/locales';
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
/** A category that only ever means one number (Arabic "two" is 2): its form may say the number
 * in words instead of {{count}}, as Arabic does with دقيقتان ("two minutes"). */
const exact = (lang, cat) => {
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
	const expected = new Set();
	for (const base of bases) {
		if (!families.has(base)) {
			expected.add(base);
			continue;
		}
		if (lang === 'en') continue; // English is checked below
		for (const cat of needed) expected.add(`${base}_${cat}`);
	}
	if (lang === 'en') {
		for (const [base, cats] of families)
			for (const cat of needed)
				if (!cats.has(cat)) problem(`en.json: ${base} lacks the plural form ${base}_${cat}`);
		for (const key of messages.keys())
			if (plural(key) && !needed.includes(plural(key).cat))
				problem(`en.json: ${key} is not an English plural form`);
		continue;
	}
	for (const key of expected) if (!messages.has(key)) problem(`${lang}.json: missing ${key}`);
	for (const key of messages.keys()) {
		const p = plural(key);
		if (!expected.has(key)) {
			const why = p
				? `is a plural form ${lang} does not use (it uses: ${needed.join(', ')})`
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
