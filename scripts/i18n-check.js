// Placeholder until the full translation check lands: every locale has every English key.
import fs from 'node:fs';
const dir = 'src/lib/i18n/locales';
const flat = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
const en = new Set(flat(JSON.parse(fs.readFileSync(`${dir}/en.json`, 'utf8'))));
let bad = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json')) {
	const keys = new Set(flat(JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'))));
	for (const k of en) if (!keys.has(k) && !/_(one|other)$/.test(k)) { console.error(`${file}: missing ${k}`); bad++; }
}
console.log(bad ? `${bad} missing translations` : 'translations: every locale has every English key');
process.exit(bad ? 1 : 0);
