import { buildOpenApiDocument, type ApiOperation } from '#lib/server/http/openapi.ts';

// Every module describes its operations in <module>.openapi.ts as exported `...Operations` arrays.
const modules = import.meta.glob<Record<string, unknown>>('/src/lib/server/*/*.openapi.ts', { eager: true });
const operations = Object.values(modules).flatMap((m) =>
	Object.entries(m).flatMap(([name, value]) => (name.endsWith('Operations') && Array.isArray(value) ? (value as ApiOperation[]) : []))
);

let cached: string | undefined;

export function GET() {
	cached ??= JSON.stringify(
		buildOpenApiDocument(operations, {
			title: 'Educating Cities API',
			version: '1.0.0',
			description:
				'Public data of the International Association of Educating Cities. Errors are application/problem+json (RFC 9457) with a stable `code`; lists are paginated with `page` and `pageSize` (at most 100) and report `total`.'
		})
	);
	return new Response(cached, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
