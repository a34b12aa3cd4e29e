import { negotiateLocale } from '#lib/shared/i18n.ts';

export function GET({ request }: { request: Request }) {
	const locale = negotiateLocale(request.headers.get('accept-language'));
	return new Response(null, { status: 307, headers: { location: `/${locale}`, vary: 'Accept-Language' } });
}
