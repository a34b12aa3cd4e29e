// Test databases: every spec runs on a fresh, migrated SQLite file, and the same suite runs again on
// a fresh PostgreSQL database when TEST_DATABASE_URL points at a server (CI sets it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import { isPostgresUrl, migrateToLatest, openDatabase, type DatabaseHandle, type DatabaseKind } from '../db/index.ts';
import { createAuth } from '../core/auth.ts';
import { createMailer } from '../core/mailer.ts';
import type { AppConfig } from '../config.ts';
import type { AppContext } from '../context.ts';

export type TestDatabaseKind = DatabaseKind;

export interface TestDatabase extends DatabaseHandle {
	/** Where it lives: the SQLite file or the PostgreSQL URL (for a test context or a subprocess). */
	location: string;
}

/** The PostgreSQL server tests may create databases on, when there is one. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const url = env.TEST_DATABASE_URL;
	return isPostgresUrl(url) ? url : undefined;
}

/** The kinds this run covers: always SQLite, and PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
	return testDatabaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
}

function uniqueSuffix(): string {
	return `${Date.now().toString(36)}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
}

function withDatabaseName(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

async function withServerClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

async function openSqlite(): Promise<TestDatabase> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-test-'));
	const file = path.join(dir, 'test.sqlite');
	const handle = openDatabase({ sqliteFile: file });
	try {
		await migrateToLatest(handle.db);
	} catch (error) {
		await handle.close();
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		...handle,
		location: file,
		async close() {
			await handle.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

async function openPostgres(): Promise<TestDatabase> {
	const serverUrl = testDatabaseUrl();
	if (!serverUrl) throw new Error('TEST_DATABASE_URL must be a postgres:// URL to open a PostgreSQL test database');
	// Lower-case letters, digits and underscores only, so the name needs no quoting rules beyond "".
	const name = `ec_test_${uniqueSuffix()}`.toLowerCase();
	await withServerClient(serverUrl, (client) => client.query(`create database "${name}"`));
	// The pool's connections are closing but their server processes may still be exiting: wait for
	// them rather than force-killing them (a killed connection reports an error nobody listens to).
	const drop = () =>
		withServerClient(serverUrl, async (client) => {
			for (let attempt = 0; ; attempt++) {
				try {
					await client.query(`drop database if exists "${name}"`);
					return;
				} catch (error) {
					if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
					await new Promise((resolve) => setTimeout(resolve, 20));
				}
			}
		});
	const url = withDatabaseName(serverUrl, name);
	const handle = openDatabase({ databaseUrl: url, poolSize: 4 });
	try {
		await migrateToLatest(handle.db);
	} catch (error) {
		await handle.close();
		await drop();
		throw error;
	}
	return {
		...handle,
		location: url,
		async close() {
			await handle.close();
			await drop();
		}
	};
}

/** A fresh, migrated database of the given kind; close() removes it (file or database). */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
	return kind === 'postgres' ? openPostgres() : openSqlite();
}

/** Signs sessions in tests; fixed so that failures are reproducible. */
export const testAuthSecret = 'test-secret-0123456789abcdef0123456789abcdef';
export const testPublicUrl = 'http://localhost:3000';

export interface TestContext extends AppContext {
	database: TestDatabase;
	close(): Promise<void>;
}

/**
 * An AppContext over a fresh test database, built like createAppContext but with a fixed secret
 * and no SMTP: mail stays in the outbox table, where tests read it.
 */
export async function openTestContext(kind: TestDatabaseKind): Promise<TestContext> {
	const database = await openTestDatabase(kind);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-test-data-'));
	const config: AppConfig = {
		port: 3000,
		host: '127.0.0.1',
		dataDir,
		databaseUrl: kind === 'postgres' ? database.location : undefined,
		publicUrl: testPublicUrl,
		smtpUrl: undefined,
		authSecret: testAuthSecret
	};
	const mailer = createMailer(undefined);
	const auth = createAuth({ handle: database, mailer, secret: config.authSecret, publicUrl: config.publicUrl });
	return {
		config,
		database,
		auth,
		mailer,
		async close() {
			await database.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * Declares a suite once per database kind of this run. Each test gets a fresh migrated database
 * (`getDb()`), closed after the test, so tests never see each other's rows.
 *
 *   describeEachDatabase('members service', (getDb, kind) => { it('...', async () => { const db = getDb(); ... }) })
 */
export function describeEachDatabase(name: string, body: (getDb: () => TestDatabase['db'], kind: TestDatabaseKind) => void): void {
	for (const kind of testDatabaseKinds()) {
		describe(`${name} [${kind}]`, () => {
			let current: TestDatabase | undefined;
			beforeEach(async () => {
				current = await openTestDatabase(kind);
			});
			afterEach(async () => {
				await current?.close();
				current = undefined;
			});
			body(() => {
				if (!current) throw new Error('getDb() is only available inside a test');
				return current.db;
			}, kind);
		});
	}
}

/** Like describeEachDatabase, with a whole AppContext (auth, mailer) per test. */
export function describeEachContext(name: string, body: (getContext: () => TestContext, kind: TestDatabaseKind) => void): void {
	for (const kind of testDatabaseKinds()) {
		describe(`${name} [${kind}]`, () => {
			let current: TestContext | undefined;
			beforeEach(async () => {
				current = await openTestContext(kind);
			});
			afterEach(async () => {
				await current?.close();
				current = undefined;
			});
			body(() => {
				if (!current) throw new Error('getContext() is only available inside a test');
				return current;
			}, kind);
		});
	}
}
