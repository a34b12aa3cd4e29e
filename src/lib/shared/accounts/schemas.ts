import { z } from 'zod';
import { locales } from '../i18n.ts';

export const emailField = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, { error: 'common.validation.too_long' })
	.pipe(z.email({ error: 'common.validation.email' }));

export const signInSchema = z.object({
	email: emailField,
	password: z.string().min(1, { error: 'common.validation.required' }).max(128, { error: 'common.validation.too_long' })
});

export const requestResetSchema = z.object({ email: emailField });

export const newPasswordSchema = z
	.object({
		token: z.string().min(1, { error: 'accounts.reset.invalid_token' }).max(2000),
		password: z.string().min(10, { error: 'accounts.reset.password_too_short' }).max(128, { error: 'common.validation.too_long' }),
		confirm: z.string()
	})
	.refine((value) => value.password === value.confirm, {
		path: ['confirm'],
		error: 'accounts.reset.passwords_differ'
	});

export const grantableRoles = ['administrator', 'secretariat', 'city_representative', 'network_coordinator'] as const;

export const roleGrantSchema = z
	.object({
		role: z.enum(grantableRoles, { error: 'common.validation.invalid_choice' }),
		cityId: z.coerce.number().int().positive().optional(),
		networkId: z.coerce.number().int().positive().optional(),
		kind: z.enum(['political', 'technical']).optional()
	})
	.superRefine((value, ctx) => {
		if (value.role === 'city_representative' && !value.cityId)
			ctx.addIssue({ code: 'custom', path: ['cityId'], message: 'accounts.roles.city_required' });
		if (value.role === 'network_coordinator' && !value.networkId)
			ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'accounts.roles.network_required' });
	});

export const createAccountSchema = z.object({
	email: emailField,
	name: z.string().trim().min(1, { error: 'common.validation.required' }).max(200, { error: 'common.validation.too_long' }),
	locale: z.enum(locales, { error: 'common.validation.invalid_choice' })
});

export type RoleGrantInput = z.infer<typeof roleGrantSchema>;
