// The interface strings: same keys in the four locales, valid ICU MessageFormat, and every key the
// code asks for by name exists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';

const root = path.resolve(import.meta.dirname, '..', '..');
const locales = ['es', 'en', 'fr', 'pt'] as const;
const messages = Object.fromEntries(
	locales.map((locale) => [
		locale,
		JSON.parse(fs.readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>
	])
) as Record<(typeof locales)[number], Record<string, string>>;

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(svelte|ts)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [full] : [];
	});
}

/** Keys written literally: t('a.b.c'), t("a.b.c"), t(`a.b.c`) without interpolation, also as $t or .t. */
function literalKeys(source: string): string[] {
	const keys: string[] = [];
	const pattern = /(?<![\w$])t\(\s*(['"`])([a-z0-9_]+(?:\.[a-z0-9_-]+)+)\1/g;
	for (const match of source.matchAll(pattern)) keys.push(match[2]);
	return keys;
}

describe('messages', () => {
	it('has the same keys in every locale', () => {
		const base = Object.keys(messages.en).sort();
		expect(base.length).toBeGreaterThan(0);
		for (const locale of locales) {
			const keys = Object.keys(messages[locale]).sort();
			const missing = base.filter((k) => !(k in messages[locale]));
			const extra = keys.filter((k) => !(k in messages.en));
			expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
		}
	});

	// Later segments may be camelCase where they mirror a schema field (experiences.fields.startDate).
	it('names keys with dotted lower-case segments and leaves no message empty', () => {
		for (const locale of locales) {
			const bad = Object.entries(messages[locale]).filter(
				([key, text]) => !/^[a-z0-9_]+(\.[a-zA-Z0-9_-]+)+$/.test(key) || typeof text !== 'string' || !text.trim()
			);
			expect(bad.map(([key]) => `${locale}:${key}`)).toEqual([]);
		}
	});

	it('parses every message as ICU MessageFormat in its locale', () => {
		const broken: string[] = [];
		for (const locale of locales) {
			for (const [key, text] of Object.entries(messages[locale])) {
				try {
					new IntlMessageFormat(text, locale);
				} catch (error) {
					broken.push(`${locale}:${key}: ${(error as Error).message}`);
				}
			}
		}
		expect(broken).toEqual([]);
	});

	it('uses the same placeholders in every locale', () => {
		// Argument names from the parsed message, so that plural branch texts such as {is} are not taken for them.
		type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };
		const names = (nodes: Node[], into: Set<string>): Set<string> => {
			for (const node of nodes) {
				if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') into.add(node.value);
				for (const option of Object.values(node.options ?? {})) names(option.value, into);
				if (node.children) names(node.children, into);
			}
			return into;
		};
		const placeholders = (text: string) => [...names(new IntlMessageFormat(text, 'en').getAst() as unknown as Node[], new Set())].sort();
		const differing: string[] = [];
		for (const [key, text] of Object.entries(messages.en)) {
			const expected = placeholders(text);
			for (const locale of locales) {
				const actual = placeholders(messages[locale][key] ?? '');
				if (JSON.stringify(actual) !== JSON.stringify(expected))
					differing.push(`${locale}:${key} has {${actual}} instead of {${expected}}`);
			}
		}
		expect(differing).toEqual([]);
	});

	it('has every key that the code names literally', () => {
		const files = sourceFiles(path.join(root, 'src'));
		expect(files.length).toBeGreaterThan(10);
		const missing: string[] = [];
		let found = 0;
		for (const file of files) {
			for (const key of literalKeys(fs.readFileSync(file, 'utf8'))) {
				found++;
				if (!(key in messages.en)) missing.push(`${path.relative(root, file)}: ${key}`);
			}
		}
		expect(found).toBeGreaterThan(20);
		expect([...new Set(missing)]).toEqual([]);
	});

	it('finds literal keys the way the code writes them', () => {
		expect(
			literalKeys(`t('a.b.c'); t("x.y_z.w", { n }); t(\`p.q.r\`); t(\`members.status.\${s}\`); format('n.o.p'); it('not.a.key')`)
		).toEqual(['a.b.c', 'x.y_z.w', 'p.q.r']);
	});
});

describe('audit labels', () => {
	it('names every audited action and kind of record the code writes, in every language', () => {
		const files = sourceFiles(path.join(root, 'src', 'lib', 'server'));
		const actions = new Set<string>();
		const entities = new Set<string>();
		for (const file of files) {
			const source = fs.readFileSync(file, 'utf8');
			for (const m of source.matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]);
			for (const m of source.matchAll(/entityType: '([a-z_]+)'/g)) entities.add(m[1]);
		}
		expect(actions.size).toBeGreaterThan(10);
		const missing = [
			...[...actions].map((a) => `admin.audit_action.${a.replace('.', '_')}`),
			...[...entities].map((e) => `admin.audit_entity.${e}`)
		].filter((key) => locales.some((locale) => !(key in messages[locale])));
		expect(missing).toEqual([]);
	});
});
