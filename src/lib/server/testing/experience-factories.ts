// Builders for the experiences module's tests.
import type { Db } from '../db/index.ts';
import { createMailer } from '../core/mailer.ts';
import type { Actor } from '../core/access.ts';
import { seedExperienceTopics } from '../experiences/reference-data.ts';
import { createExperience, transitionExperience, type ExperiencesDeps } from '../experiences/index.ts';
import { findExperienceRow } from '../experiences/experiences.repository.ts';
import { actors } from './factories.ts';

let counter = 0;

export function depsFor(db: Db): ExperiencesDeps {
	return { db, mailer: createMailer(undefined), publicUrl: 'http://localhost:3000' };
}

export async function prepareExperiences(db: Db): Promise<void> {
	await seedExperienceTopics(db);
}

/** Form-shaped input of a complete record in Spanish (enough to submit). */
export function experienceInput(cityId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	counter++;
	return {
		cityId,
		originalLanguage: 'es',
		texts: {
			es: {
				title: `Experiencia de prueba ${counter}`,
				summary: 'Un resumen breve.',
				description: 'Una descripción larga de lo que hizo la ciudad.'
			}
		},
		startDate: '2019-03-01',
		principles: [1],
		topics: ['environment'],
		banks: ['international'],
		...overrides
	};
}

export async function createTestExperience(
	db: Db,
	cityId: number,
	overrides: Record<string, unknown> = {},
	actor: Actor = actors.secretariat()
) {
	const result = await createExperience(db, actor, experienceInput(cityId, overrides));
	if (!result.ok) throw new Error(`createTestExperience failed: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value.id;
}

/** Takes a record through submit and publish as the secretariat. */
export async function publishTestExperience(db: Db, id: number): Promise<void> {
	const deps = depsFor(db);
	for (const action of ['submit', 'publish'] as const) {
		const row = await findExperienceRow(db, id);
		const result = await transitionExperience(deps, actors.secretariat(), id, action, { version: row!.version });
		if (!result.ok) throw new Error(`${action} failed: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	}
}

export async function createPublishedExperience(db: Db, cityId: number, overrides: Record<string, unknown> = {}): Promise<number> {
	const id = await createTestExperience(db, cityId, overrides);
	await publishTestExperience(db, id);
	return id;
}
