import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AppConfig {
	port: number;
	host: string;
	dataDir: string;
	databaseUrl: string | undefined;
	publicUrl: string;
	smtpUrl: string | undefined;
	authSecret: string;
}

/**
 * The secret that signs sessions: AUTH_SECRET when set (several app servers must share it), else a
 * random one kept in DATA_DIR so that a single-server install survives restarts without set-up.
 */
function loadOrCreateSecret(dataDir: string, fromEnv: string | undefined): string {
	if (fromEnv && fromEnv.length >= 32) return fromEnv;
	const file = path.join(dataDir, 'auth-secret');
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		fs.mkdirSync(dataDir, { recursive: true });
		const secret = crypto.randomBytes(32).toString('hex');
		fs.writeFileSync(file, secret, { mode: 0o600 });
		return secret;
	}
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const port = Number(env.PORT || 3000);
	const host = env.HOST || '0.0.0.0';
	const dataDir = path.resolve(env.DATA_DIR || './data');
	return {
		port,
		host,
		dataDir,
		databaseUrl: env.DATABASE_URL || undefined,
		publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
		smtpUrl: env.SMTP_URL || undefined,
		authSecret: loadOrCreateSecret(dataDir, env.AUTH_SECRET)
	};
}
