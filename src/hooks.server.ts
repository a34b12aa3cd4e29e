import crypto from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { appContext } from '#lib/server/context.ts';
import { actorFromRequest } from '#lib/server/accounts/accounts.service.ts';
import { logger } from '#lib/server/core/logger.ts';
import { problem } from '#lib/server/http/problem.ts';
import { startMaintenance } from '#lib/server/maintenance.ts';
import { publicPageCache } from '#lib/server/http/page-cache.ts';
import { defaultLocale, isLocale, negotiateLocale } from '#lib/shared/i18n.ts';

export const init: ServerInit = async () => {
	const context = await appContext();
	startMaintenance(context);
};

const maxApiBodyBytes = 1024 * 1024;

const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

const context: Handle = async ({ event, resolve }) => {
	event.locals.app = await appContext();
	const first = event.url.pathname.split('/')[1];
	event.locals.locale = isLocale(first) ? first : negotiateLocale(event.request.headers.get('accept-language'));
	return resolve(event);
};

const apiGuards: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/')) return resolve(event);
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > maxApiBodyBytes) return problem(413, 'common.errors.too_large', event.locals.locale);
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.actor = await actorFromRequest(event.locals.app, event.request.headers);
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale ?? defaultLocale)
	});
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (!response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	}
	if (event.locals.actor && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle: Handle = sequence(context, publicPageCache, apiGuards, session, headers);

export const handleError: HandleServerError = (input) => {
	// Errors thrown with error(status, 'i18n.key') and framework errors (404s) keep their message;
	// anything unexpected is logged with an id and shown as a generic message carrying that id.
	if (input.kind !== 'unknown') return;
	const id = crypto.randomUUID();
	logger.error({ err: input.error, id, path: input.event.url.pathname, method: input.event.request.method }, 'unexpected error');
	return { message: 'common.errors.unexpected', code: 'common.errors.unexpected', id };
};
