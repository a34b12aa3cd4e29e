import { defineParams } from '@sveltejs/kit/params';
import { isLocale } from '#lib/shared/i18n.ts';

export const params = defineParams({
	locale: (param: string) => (isLocale(param) ? param : undefined),
	id: (param: string) => (/^[1-9]\d{0,9}$/.test(param) ? param : undefined)
});
