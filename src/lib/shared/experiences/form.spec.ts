import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from '../../server/core/result.ts';
import { formToObject } from '../core/forms.ts';
import { updateExperienceSchema } from './schemas.ts';
import type { ExperienceRecord } from './types.ts';
import {
	emptyFormValues,
	errorsByInputName,
	experienceInputFromForm,
	formValuesFromRecord,
	formValuesFromSubmission,
	inputId,
	languagesInFormOrder,
	newExperienceErrors,
	newExperienceInputFromForm,
	textFieldName,
	type ExperienceFormValues
} from './form.ts';

function record(overrides: Partial<ExperienceRecord> = {}): ExperienceRecord {
	return {
		id: 7,
		city: { id: 3, name: 'Lisboa', countryCode: 'PT', region: 'europe', latitude: null, longitude: null },
		coLeadCities: [
			{ id: 4, name: 'Porto', countryCode: 'PT' },
			{ id: 9, name: 'Braga', countryCode: 'PT' }
		],
		originalLanguage: 'pt',
		texts: {
			pt: { title: 'Hortas escolares', summary: 'Resumo.', description: 'Descrição longa.\nCom duas linhas.' },
			en: { title: 'School gardens' }
		},
		startDate: '2021-02-01',
		endDate: '2023-06-30',
		ongoing: false,
		budgetRange: '10k_50k',
		territoryScope: 'city',
		contactName: 'Ana Silva',
		contactEmail: 'ana@example.org',
		contactPhone: '+351 21 000 0000',
		links: ['https://example.org/a', 'https://example.org/b'],
		videoLinks: ['https://video.example.org/v'],
		principles: [1, 5, 12],
		topics: ['environment', 'participation'],
		targetGroups: ['children'],
		sdgs: [4, 11],
		banks: ['international', 'latin_american'],
		featured: false,
		charterVersion: '2020',
		images: [],
		documents: [],
		externalId: null,
		status: 'draft',
		version: 4,
		completeness: 50,
		missingFields: [],
		createdAt: '2024-01-01T00:00:00.000Z',
		updatedAt: '2024-01-02T00:00:00.000Z',
		submittedAt: null,
		firstPublishedAt: null,
		isListed: false,
		...overrides
	};
}

/** What a browser posts for a form showing these values (unticked boxes and blank selects as browsers send them). */
function post(values: ExperienceFormValues): FormData {
	const form = new FormData();
	form.set('version', values.version);
	form.set('cityId', values.cityId);
	for (const id of values.coLeadCityIds) form.append('coLeadCityIds', id);
	form.set('originalLanguage', values.originalLanguage);
	for (const language of ['es', 'en', 'fr', 'pt'] as const)
		for (const [field, text] of Object.entries(values.texts[language])) form.set(`texts.${language}.${field}`, text);
	form.set('startDate', values.startDate);
	form.set('endDate', values.endDate);
	if (values.ongoing) form.set('ongoing', 'on');
	form.set('budgetRange', values.budgetRange);
	form.set('territoryScope', values.territoryScope);
	form.set('contactName', values.contactName);
	form.set('contactEmail', values.contactEmail);
	form.set('contactPhone', values.contactPhone);
	form.set('links', values.links.replaceAll('\n', '\r\n'));
	form.set('videoLinks', values.videoLinks);
	for (const name of ['principles', 'topics', 'targetGroups', 'sdgs', 'banks'] as const)
		for (const value of values[name]) form.append(name, value);
	return form;
}

describe('experience form', () => {
	it('goes from a record to the posted form and back to the same fields', () => {
		const saved = record();
		const input = experienceInputFromForm(post(formValuesFromRecord(saved)));
		const parsed = updateExperienceSchema.parse(input);
		expect(parsed).toEqual({
			version: 4,
			cityId: 3,
			coLeadCityIds: [4, 9],
			originalLanguage: 'pt',
			texts: saved.texts,
			startDate: '2021-02-01',
			endDate: '2023-06-30',
			ongoing: false,
			budgetRange: '10k_50k',
			territoryScope: 'city',
			contactName: 'Ana Silva',
			contactEmail: 'ana@example.org',
			contactPhone: '+351 21 000 0000',
			links: ['https://example.org/a', 'https://example.org/b'],
			videoLinks: ['https://video.example.org/v'],
			principles: [1, 5, 12],
			topics: ['environment', 'participation'],
			targetGroups: ['children'],
			sdgs: [4, 11],
			banks: ['international', 'latin_american']
		});
	});

	it('reads the flat object of a failed action as it reads FormData', () => {
		const form = post(formValuesFromRecord(record()));
		expect(experienceInputFromForm(formToObject(form))).toEqual(experienceInputFromForm(form));
		expect(formValuesFromSubmission(formToObject(form))).toEqual(formValuesFromSubmission(form));
	});

	it('turns repeated fields into lists, and an unticked group into an empty list', () => {
		const form = new FormData();
		form.append('principles', '3');
		form.append('principles', '7');
		form.append('topics', 'culture');
		form.set('originalLanguage', 'es');
		const input = experienceInputFromForm(form);
		expect(input.principles).toEqual(['3', '7']);
		expect(input.topics).toEqual(['culture']);
		expect(input.sdgs).toEqual([]);
		expect(input.banks).toEqual([]);
		expect(input.coLeadCityIds).toEqual([]);
		expect(input.ongoing).toBe(false);
		const bankless = updateExperienceSchema.safeParse({ ...input, cityId: '1', version: '1', texts: { es: { title: 'T' } } });
		expect(bankless.success).toBe(false);
		expect(fieldErrorsFromZod(bankless.error!).banks).toEqual(['experiences.validation.bank_required']);
	});

	it('takes one link per line, ignoring blank lines and surrounding spaces', () => {
		const form = new FormData();
		form.set('links', '  https://a.example.org \r\n\r\nhttps://b.example.org\n   \n');
		form.set('videoLinks', '');
		const input = experienceInputFromForm(form);
		expect(input.links).toEqual(['https://a.example.org', 'https://b.example.org']);
		expect(input.videoLinks).toEqual([]);
	});

	it('drops a language whose texts are all blank and keeps one with any text', () => {
		const values = formValuesFromRecord(record());
		values.texts.fr.title = '   ';
		values.texts.fr.summary = '';
		values.texts.es.lessons = 'Aprendimos mucho.';
		const input = experienceInputFromForm(post(values));
		expect(Object.keys(input.texts as object).sort()).toEqual(['en', 'es', 'pt']);
		expect((input.texts as Record<string, object>).es).toEqual({ lessons: 'Aprendimos mucho.' });
		expect((input.texts as Record<string, object>).en).toEqual({ title: 'School gardens' });
	});

	it('keeps bad values for the error display, and the errors are keyed by the names of the inputs', () => {
		const values = formValuesFromRecord(record());
		values.links = 'https://ok.example.org\nnot a link';
		values.contactEmail = 'ana@';
		values.startDate = '2021-13-45';
		values.sdgs = ['4', '99'];
		values.texts.pt.title = '';
		const form = post(values);
		const result = updateExperienceSchema.safeParse(experienceInputFromForm(form));
		expect(result.success).toBe(false);
		const errors = fieldErrorsFromZod(result.error!);
		expect(errors.links).toEqual(['experiences.validation.url']);
		expect(errors.contactEmail).toEqual(['common.validation.email']);
		expect(errors.startDate).toEqual(['common.validation.date']);
		expect(errors.sdgs).toEqual(['experiences.validation.sdg']);

		const again = formValuesFromSubmission(formToObject(form));
		expect(again.links).toBe('https://ok.example.org\r\nnot a link');
		expect(again.contactEmail).toBe('ana@');
		expect(again.startDate).toBe('2021-13-45');
		expect(again.sdgs).toEqual(['4', '99']);
		expect(again.texts.pt.title).toBe('');
		expect(again.texts.pt.description).toBe('Descrição longa.\nCom duas linhas.');
		expect(again.version).toBe('4');
	});

	it('reports a missing title in the original language under that input', () => {
		const values = formValuesFromRecord(record());
		values.originalLanguage = 'fr';
		const result = updateExperienceSchema.safeParse(experienceInputFromForm(post(values)));
		expect(result.success).toBe(false);
		expect(fieldErrorsFromZod(result.error!)[textFieldName('fr', 'title')]).toEqual(['experiences.validation.title_original']);
	});

	it('reads a ticked "ongoing" box and an empty form', () => {
		const form = post({ ...emptyFormValues('es', 12), ongoing: true });
		const input = experienceInputFromForm(form);
		expect(input.ongoing).toBe('on');
		expect(input.texts).toEqual({});
		expect(input.cityId).toBe('12');
		expect(formValuesFromSubmission(form).ongoing).toBe(true);
		expect(formValuesFromSubmission(new FormData())).toMatchObject({ ongoing: false, banks: [], links: '' });
	});

	it('orders the languages with the original first and names inputs and anchors consistently', () => {
		expect(languagesInFormOrder('pt')).toEqual(['pt', 'es', 'en', 'fr']);
		expect(languagesInFormOrder('xx')).toEqual(['es', 'en', 'fr', 'pt']);
		expect(inputId(textFieldName('pt', 'title'))).toBe('exp-texts-pt-title');
		expect(
			errorsByInputName(
				{ title: ['experiences.validation.required_to_submit'], principles: ['experiences.validation.required_to_submit'] },
				'pt'
			)
		).toEqual({
			'texts.pt.title': ['experiences.validation.required_to_submit'],
			principles: ['experiences.validation.required_to_submit']
		});
	});

	it('reads the short creation form and names its errors after its inputs', () => {
		const form = new FormData();
		form.set('cityId', '3');
		form.set('originalLanguage', 'pt');
		form.set('title', 'Hortas escolares');
		expect(newExperienceInputFromForm(form)).toEqual({ cityId: '3', originalLanguage: 'pt', texts: { pt: { title: 'Hortas escolares' } } });
		form.set('title', '  ');
		expect(newExperienceInputFromForm(form).texts).toEqual({});
		expect(newExperienceErrors({ 'texts.pt.title': ['experiences.validation.title_original'], cityId: ['x.y.z'] })).toEqual({
			title: ['experiences.validation.title_original'],
			cityId: ['x.y.z']
		});
	});
});
