import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ precompress: true }),
			// No paths.origin: the origin is decided at run time by scripts/start.ts (PUBLIC_URL or plain
			// http), so that one build serves localhost, the tests and production behind a proxy.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		pool: 'forks',
		testTimeout: 30000,
		hookTimeout: 60000,
		// better-auth warns on every refused sign-in; the accounts specs refuse many on purpose.
		// eslint-disable-next-line no-control-regex -- the log lines carry ANSI colour codes
		onConsoleLog: (log) => !/\[Better Auth\]:(\x1b\[[0-9;]*m)? (Invalid password|User not found)/.test(log)
	}
});
