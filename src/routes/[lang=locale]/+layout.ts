import type { Locale, Messages } from '#lib/shared/i18n.ts';

// Public pages are plain server-rendered HTML: no JavaScript is needed to read, search or filter.
// The member and admin areas turn client-side rendering on for progressive enhancement of forms.
export const csr = false;

// The interface strings come from this universal load rather than the server load: server data is
// serialized into every page (a measurable cost for hundreds of messages), while this runs on each
// side and, in the browser, fetches only the current language's file, and only where csr is on.
const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
	es: () => import('../../../messages/es.json'),
	en: () => import('../../../messages/en.json'),
	fr: () => import('../../../messages/fr.json'),
	pt: () => import('../../../messages/pt.json')
};

const loaded: Partial<Record<Locale, Messages>> = {};

export async function load({ data }) {
	const messages = (loaded[data.locale] ??= (await loaders[data.locale]()).default);
	return { ...data, messages };
}
