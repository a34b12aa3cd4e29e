// One tokeniser for both databases: the text indexed and the words searched are lower-cased, stripped
// of accents and split into words here, so SQLite's FTS5 and PostgreSQL's tsvector see identical word
// lists and agree on what matches.

const maxTerms = 12;

/** Lower-case words without accents, in order. */
export function searchWords(text: string): string[] {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.normalize('NFC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** The text a record is indexed under: every word of every language, separated by single spaces. */
export function searchBody(texts: readonly (string | null | undefined)[]): string {
	return texts
		.filter((t): t is string => !!t)
		.map((t) => searchWords(t).join(' '))
		.filter(Boolean)
		.join(' ');
}

/**
 * Words of a search box, each cut back to a stem that also matches its plural and singular forms when
 * searched as a prefix: "escuelas" → "escuela", "ciudades" → "ciudad", "participações" → "participac",
 * "policies" → "polic". Operators typed by the visitor (quotes, *, NEAR, -) are just more text.
 */
export function searchTerms(query: string): string[] {
	const terms: string[] = [];
	for (const word of searchWords(query)) {
		const stem = stemForPrefix(word);
		if (!terms.includes(stem)) terms.push(stem);
		if (terms.length === maxTerms) break;
	}
	return terms;
}

function stemForPrefix(word: string): string {
	if (word.length <= 3) return word;
	if (word.length > 5 && /(oes|aes|ies)$/.test(word)) return word.slice(0, -3);
	if (word.length > 5 && /[^aeiou]es$/.test(word)) return word.slice(0, -2);
	if (word.length > 5 && /cao$/.test(word)) return word.slice(0, -2);
	if (/[^s]s$/.test(word)) return word.slice(0, -1);
	return word;
}

/** FTS5 query: every term, quoted (so it is never an operator), as a prefix; all must match. */
export function sqliteMatchQuery(terms: readonly string[]): string {
	return terms.map((t) => `"${t}"*`).join(' ');
}

/** to_tsquery('simple', …) text: every term quoted as a prefix; all must match. */
export function postgresTsQuery(terms: readonly string[]): string {
	return terms.map((t) => `'${t}':*`).join(' & ');
}
