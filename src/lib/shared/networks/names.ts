import type { Locale } from '../i18n.ts';

type Localized = { name_es: string; name_en: string; name_fr: string; name_pt: string };

export function networkName(network: Localized, locale: Locale): string {
	return network[`name_${locale}`] || network.name_en;
}

export function networkDescription(
	network: { description_es: string; description_en: string; description_fr: string; description_pt: string },
	locale: Locale
): string {
	return network[`description_${locale}`] || network.description_en;
}
