// Merges interface strings into messages/{es,en,fr,pt}.json, keeping keys sorted.
// Usage: node scripts/messages-add.ts patch.json   where patch.json is { "en": {key: text}, "es": {...}, "fr": {...}, "pt": {...} }
import fs from 'node:fs';
import path from 'node:path';

const locales = ['es', 'en', 'fr', 'pt'] as const;
const patchFile = process.argv[2];
if (!patchFile) {
	console.error('usage: node scripts/messages-add.ts patch.json');
	process.exit(2);
}
const patch = JSON.parse(fs.readFileSync(patchFile, 'utf8')) as Record<string, Record<string, string>>;
for (const locale of locales) {
	if (!patch[locale]) continue;
	const file = path.join(import.meta.dirname, '..', 'messages', `${locale}.json`);
	const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
	const merged = { ...current, ...patch[locale] };
	const sorted = Object.fromEntries(
		Object.keys(merged)
			.sort()
			.map((k) => [k, merged[k]])
	);
	fs.writeFileSync(file, JSON.stringify(sorted, null, '\t') + '\n');
}
const keys = new Set(locales.flatMap((l) => Object.keys(patch[l] ?? {})));
console.log(`merged ${keys.size} keys`);
