import { describe, expect, it } from 'vitest';
import { postgresTsQuery, searchBody, searchTerms, sqliteMatchQuery } from './search-text.ts';

describe('search text', () => {
	it('drops accents and case and keeps words of every script', () => {
		expect(searchBody(['Educación Inclusiva', null, 'Participação cidadã', '교육 도시'])).toBe(
			'educacion inclusiva participacao cidada 교육 도시'
		);
	});

	it.each([
		['educacion inclusiva', ['educacion', 'inclusiva']],
		['Escuelas', ['escuela']],
		['ciudades', ['ciudad']],
		['participações', ['participac']],
		['participacao', ['participac']],
		['policies', ['polic']],
		['class', ['class']],
		['paz', ['paz']]
	])('stems %s to prefixes that match singular and plural', (query, expected) => {
		expect(searchTerms(query)).toEqual(expected);
	});

	it('turns operators and quotes into plain words', () => {
		const terms = searchTerms('"youth" NEAR -sport* OR (');
		expect(terms).toEqual(['youth', 'near', 'sport', 'or']);
		expect(sqliteMatchQuery(terms)).toBe('"youth"* "near"* "sport"* "or"*');
		expect(postgresTsQuery(terms)).toBe("'youth':* & 'near':* & 'sport':* & 'or':*");
	});

	it('keeps at most twelve terms of a very long query', () => {
		expect(searchTerms('palabra '.repeat(5_000) + Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
	});
});
