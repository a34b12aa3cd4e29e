import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';

// The public origin is only needed behind a TLS-terminating proxy; adapter-node otherwise derives
// it from the Host header, which is what a direct `npm start` on http://localhost:3000 wants.
const publicOrigin = process.env.PUBLIC_URL?.replace(/\/$/, '');

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ precompress: true }),
			paths: publicOrigin ? { origin: publicOrigin } : {},
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
		onConsoleLog: (log) => !/\[Better Auth\]:(\x1b\[[0-9;]*m)? (Invalid password|User not found)/.test(log)
	}
});
