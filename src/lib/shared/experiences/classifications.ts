// Reference lists the bank classifies records by: the Charter's principles and groups, target groups and
// the UN Sustainable Development Goals, titled in the four languages (reference/*.json). Topics start from
// the reference list too but live in the database, because the secretariat adds to them.
import charter from '../../../../reference/charter-principles.json' with { type: 'json' };
import classifications from '../../../../reference/classifications.json' with { type: 'json' };
import type { Locale } from '../i18n.ts';

export type Titles = Record<Locale, string>;

export interface CharterGroup {
	code: string;
	title: Titles;
	principles: number[];
}
export interface CharterPrinciple {
	number: number;
	group: string;
	title: Titles;
}
export interface CodedTitle {
	code: string;
	title: Titles;
}

export const charterVersionOfReference: string = String(charter.version);
export const charterGroups: CharterGroup[] = charter.groups as CharterGroup[];
export const charterPrinciples: CharterPrinciple[] = charter.principles as CharterPrinciple[];
export const targetGroups: CodedTitle[] = classifications.target_groups as CodedTitle[];
export const sustainableDevelopmentGoals: { number: number; title: Titles }[] = classifications.sdgs as { number: number; title: Titles }[];
export const referenceTopics: CodedTitle[] = classifications.topics as CodedTitle[];
export const worldRegions: CodedTitle[] = classifications.world_regions as CodedTitle[];

const principleByNumber = new Map(charterPrinciples.map((p) => [p.number, p]));
const targetByCode = new Map(targetGroups.map((t) => [t.code, t]));
const sdgByNumber = new Map(sustainableDevelopmentGoals.map((s) => [s.number, s]));

export function principleTitle(number: number, locale: Locale): string {
	return principleByNumber.get(number)?.title[locale] ?? String(number);
}
export function principleGroup(number: number): string | undefined {
	return principleByNumber.get(number)?.group;
}
export function targetGroupTitle(code: string, locale: Locale): string {
	return targetByCode.get(code)?.title[locale] ?? code;
}
export function sdgTitle(number: number, locale: Locale): string {
	return sdgByNumber.get(number)?.title[locale] ?? String(number);
}
export function isTargetGroup(code: string): boolean {
	return targetByCode.has(code);
}
