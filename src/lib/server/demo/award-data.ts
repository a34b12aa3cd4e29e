// The Educating Cities Award in the demo, generated without touching a database: the 2026 edition as the
// association announced it (theme, focus areas, criteria, rules: reference/association-history.json), its
// jury, and plans for the candidacies, the reviews and the first deliberation round. The same inputs
// always give the same plans; seed.ts turns them into rows once the cities and experiences are loaded.
//
// The demo is loaded after the deadline (15 October 2025), so the edition is being judged: candidacies
// were created and submitted before the deadline, the secretariat has checked most of them, the jury has
// scored most, and the first round (a shortlist) is closed with approved minutes. Nothing else is decided.
import type { Locale } from '../../shared/i18n.ts';
import type { CallQuestion, Criterion, CriterionScore, EditionTexts, FocusArea } from '../../shared/award/types.ts';
import { mulberry32 } from './demo-data.ts';

export const awardSeed = 20_261_126;
export const demoAwardYear = 2026;
export const demoAwardDomain = 'demo.educatingcities.org';

type Random = () => number;
type Tx = readonly [es: string, en: string, fr: string, pt: string];
const languageIndex: Record<Locale, number> = { es: 0, en: 1, fr: 2, pt: 3 };
const tx = (phrase: Tx, language: Locale) => phrase[languageIndex[language]];
const localized = (phrase: Tx) => ({ es: phrase[0], en: phrase[1], fr: phrase[2], pt: phrase[3] });
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function shuffled<T>(random: Random, items: readonly T[]): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}
/** A normally distributed number (Box–Muller), mean 0 and standard deviation 1. */
function gaussian(random: Random): number {
	const u = 1 - random();
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const DAY = 86_400_000;
/** A UTC instant between two, as the ISO text the tables store. */
function instantBetween(random: Random, from: string, to: string): string {
	const start = Date.parse(from);
	const end = Date.parse(to);
	// Whole minutes: nobody reads seconds in a list of candidacies.
	return new Date(Math.floor((start + random() * Math.max(0, end - start)) / 60_000) * 60_000).toISOString();
}
const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const minIso = (a: string, b: string) => (a < b ? a : b);

// --- The 2026 edition ------------------------------------------------------------------------------

export interface CityRef {
	countryCode: string;
	name: string;
}

export interface DemoEditionPlan {
	year: number;
	status: 'announced';
	texts: Record<Locale, EditionTexts>;
	focusAreas: FocusArea[];
	criteria: Criterion[];
	questions: CallQuestion[];
	scaleMin: number;
	scaleMax: number;
	opensOn: string;
	deadline: string;
	timeZone: string;
	juryStartsOn: string;
	decisionOn: string;
	ceremonyOn: string;
	initiativeStartedBefore: string;
	maxCandidaciesPerCity: number;
	prizes: number;
	specialMentions: number;
	mayDeclareVoid: boolean;
	blindReview: boolean;
	jurorsSeeOtherScores: boolean;
	shareFeedback: boolean;
	/** Host of the 18th International Congress, where the prizes are given. */
	congressHost: CityRef;
	/** The winners of 2024, who may not apply in 2026. */
	previousWinners: CityRef[];
	createdAt: string;
	updatedAt: string;
}

const theme: Tx = [
	'La educación como fuente de inclusión y cohesión social',
	'Education as a Source of Inclusion and Social Cohesion',
	'L’éducation comme source d’inclusion et de cohésion sociale',
	'A educação como fonte de inclusão e coesão social'
];

const description: Tx = [
	'La sexta edición del Premio Ciudades Educadoras reconoce a los gobiernos locales cuyas políticas y programas utilizan la educación, en su sentido más amplio y a lo largo de toda la vida, para incluir a todas las personas y reforzar los vínculos entre los barrios. Las ciudades miembro al corriente de sus cuotas pueden presentar hasta dos iniciativas iniciadas antes de junio de 2023 en uno de los tres ejes: educación a lo largo de la vida, inserción sociolaboral, y vida cultural y comunitaria. Un jurado internacional formado por dos ciudades del Comité Ejecutivo y tres especialistas las valora según seis criterios.',
	'The sixth edition of the Educating Cities Award recognises local governments whose policies and programmes use education, in its broadest sense and throughout life, to include everyone and to strengthen the ties between neighbourhoods. Member cities up to date with their fees may present up to two initiatives that started before June 2023, in one of three focus areas: lifelong education, socio-labour integration, and cultural and community life. An international jury of two Executive Committee cities and three specialists assesses them against six criteria.',
	'La sixième édition du Prix Villes éducatrices distingue les gouvernements locaux dont les politiques et les programmes s’appuient sur l’éducation, au sens le plus large et tout au long de la vie, pour inclure chaque personne et renforcer les liens entre les quartiers. Les villes membres à jour de leurs cotisations peuvent présenter jusqu’à deux initiatives lancées avant juin 2023, dans l’un des trois axes : éducation tout au long de la vie, insertion socioprofessionnelle, et vie culturelle et communautaire. Un jury international composé de deux villes du Comité exécutif et de trois spécialistes les évalue selon six critères.',
	'A sexta edição do Prémio Cidades Educadoras distingue os governos locais cujas políticas e programas utilizam a educação, no seu sentido mais amplo e ao longo de toda a vida, para incluir todas as pessoas e reforçar os laços entre os bairros. As cidades membro com as quotas em dia podem apresentar até duas iniciativas iniciadas antes de junho de 2023, num dos três eixos: educação ao longo da vida, inserção sociolaboral, e vida cultural e comunitária. Um júri internacional composto por duas cidades do Comité Executivo e três especialistas avalia-as segundo seis critérios.'
];

const ceremony: Tx = [
	'Entrega de los premios en el XVIII Congreso Internacional de Ciudades Educadoras, Granollers (España), el 26 de mayo de 2026.',
	'Prizes awarded at the 18th International Congress of Educating Cities, Granollers (Spain), on 26 May 2026.',
	'Remise des prix lors du XVIIIe Congrès international des Villes éducatrices, à Granollers (Espagne), le 26 mai 2026.',
	'Entrega dos prémios no XVIII Congresso Internacional das Cidades Educadoras, em Granollers (Espanha), a 26 de maio de 2026.'
];

const focusAreas: FocusArea[] = [
	{
		code: 'lifelong',
		names: localized([
			'Educación a lo largo de la vida',
			'Lifelong Education',
			'Éducation tout au long de la vie',
			'Educação ao longo da vida'
		])
	},
	{
		code: 'labour',
		names: localized(['Inserción sociolaboral', 'Socio-labour Integration', 'Insertion socioprofessionnelle', 'Inserção sociolaboral'])
	},
	{
		code: 'community',
		names: localized([
			'Vida cultural y comunitaria',
			'Cultural and Community Life',
			'Vie culturelle et communautaire',
			'Vida cultural e comunitária'
		])
	}
];

const criterion = (code: string, name: Tx, text: Tx): Criterion => ({
	code,
	weight: 1,
	names: localized(name),
	descriptions: localized(text)
});

// Equal weights: the call lists the six criteria without weighting them.
const criteria: Criterion[] = [
	criterion(
		'relevance',
		['Pertinencia con el tema', 'Relevance to the theme', 'Pertinence par rapport au thème', 'Pertinência em relação ao tema'],
		[
			'En qué medida la iniciativa utiliza la educación para incluir a las personas en riesgo de exclusión y reforzar la cohesión social.',
			'How directly the initiative uses education to include people at risk of exclusion and to strengthen social cohesion.',
			'Dans quelle mesure l’initiative s’appuie sur l’éducation pour inclure les personnes menacées d’exclusion et renforcer la cohésion sociale.',
			'Em que medida a iniciativa utiliza a educação para incluir as pessoas em risco de exclusão e reforçar a coesão social.'
		]
	),
	criterion(
		'impact',
		['Impacto', 'Impact', 'Impact', 'Impacto'],
		[
			'Cambios logrados en las personas participantes y en la ciudad, demostrados con evaluaciones y evidencias.',
			'Changes achieved for the participants and for the city, shown by evaluation and evidence.',
			'Changements obtenus pour les participants et pour la ville, attestés par des évaluations et des données.',
			'Mudanças alcançadas nas pessoas participantes e na cidade, demonstradas por avaliações e evidências.'
		]
	),
	criterion(
		'scope',
		['Alcance', 'Scope', 'Portée', 'Alcance'],
		[
			'Número y diversidad de personas, colectivos y barrios a los que llega la iniciativa, y durante cuánto tiempo.',
			'How many and how varied the people, groups and neighbourhoods the initiative reaches, and for how long.',
			'Nombre et diversité des personnes, des groupes et des quartiers touchés par l’initiative, et sur quelle durée.',
			'Número e diversidade de pessoas, grupos e bairros que a iniciativa alcança, e durante quanto tempo.'
		]
	),
	criterion(
		'government',
		[
			'Implicación del gobierno local y colaboración entre departamentos',
			'Involvement of the local government and collaboration between departments',
			'Implication du gouvernement local et collaboration entre services',
			'Envolvimento do governo local e colaboração entre departamentos'
		],
		[
			'Liderazgo político, presupuesto y personal del ayuntamiento, y trabajo conjunto entre los departamentos municipales.',
			'Political leadership, budget and staff of the city council, and joint work across municipal departments.',
			'Portage politique, budget et personnel de la municipalité, et travail commun entre les services municipaux.',
			'Liderança política, orçamento e pessoal da câmara municipal, e trabalho conjunto entre os departamentos municipais.'
		]
	),
	criterion(
		'participation',
		[
			'Participación de la sociedad civil y de las empresas',
			'Participation of civil society and business',
			'Participation de la société civile et des entreprises',
			'Participação da sociedade civil e das empresas'
		],
		[
			'Papel de las asociaciones, las escuelas, las familias, las personas destinatarias y las empresas en el diseño y el desarrollo de la iniciativa.',
			'Role of associations, schools, families, the people concerned and companies in designing and running the initiative.',
			'Rôle des associations, des écoles, des familles, des personnes concernées et des entreprises dans la conception et la conduite de l’initiative.',
			'Papel das associações, das escolas, das famílias, das pessoas destinatárias e das empresas na conceção e no desenvolvimento da iniciativa.'
		]
	),
	criterion(
		'innovation',
		[
			'Innovación, consolidación y transferibilidad',
			'Innovation, consolidation and transferability',
			'Innovation, consolidation et transférabilité',
			'Inovação, consolidação e transferibilidade'
		],
		[
			'Novedad del enfoque, grado de consolidación y sostenibilidad, y posibilidad de que otras ciudades lo adapten.',
			'Novelty of the approach, how established and sustainable it is, and whether other cities could adapt it.',
			'Nouveauté de l’approche, degré de consolidation et de pérennité, et possibilité pour d’autres villes de l’adapter.',
			'Novidade da abordagem, grau de consolidação e sustentabilidade, e possibilidade de outras cidades a adaptarem.'
		]
	)
];

const questions: CallQuestion[] = [
	{
		code: 'inclusion',
		maxLength: 3000,
		texts: localized([
			'¿Cómo utiliza la iniciativa la educación para fomentar la inclusión y la cohesión social?',
			'How does the initiative use education to foster inclusion and social cohesion?',
			'Comment l’initiative s’appuie-t-elle sur l’éducation pour favoriser l’inclusion et la cohésion sociale ?',
			'Como é que a iniciativa utiliza a educação para promover a inclusão e a coesão social?'
		])
	},
	{
		code: 'results',
		maxLength: 3000,
		texts: localized([
			'¿Qué resultados ha obtenido y qué evidencias los demuestran?',
			'Which results has it achieved, and what evidence shows them?',
			'Quels résultats a-t-elle obtenus et quelles données les attestent ?',
			'Que resultados alcançou e que evidências os demonstram?'
		])
	},
	{
		code: 'transfer',
		maxLength: 3000,
		texts: localized([
			'¿Cómo podría otra ciudad adaptar y transferir la iniciativa?',
			'How could another city adapt and transfer the initiative?',
			'Comment une autre ville pourrait-elle adapter et transférer l’initiative ?',
			'Como poderia outra cidade adaptar e transferir a iniciativa?'
		])
	}
];

/** The 2026 call, from reference/association-history.json; the dates the facts leave open are marked. */
export const demoEdition2026: DemoEditionPlan = {
	year: demoAwardYear,
	status: 'announced',
	texts: {
		es: { theme: theme[0], description: description[0], ceremony: ceremony[0] },
		en: { theme: theme[1], description: description[1], ceremony: ceremony[1] },
		fr: { theme: theme[2], description: description[2], ceremony: ceremony[2] },
		pt: { theme: theme[3], description: description[3], ceremony: ceremony[3] }
	},
	focusAreas,
	criteria,
	questions,
	scaleMin: 1,
	scaleMax: 10,
	// Demo assumption: the facts give no opening date for the call.
	opensOn: '2025-03-01',
	deadline: '2025-10-15T23:59',
	timeZone: 'Europe/Madrid',
	// Demo assumption: the jury starts once the secretariat has checked admissibility.
	juryStartsOn: '2025-11-03',
	// Demo assumption: the facts say "February 2026" only.
	decisionOn: '2026-02-27',
	ceremonyOn: '2026-05-26',
	initiativeStartedBefore: '2023-06-01',
	maxCandidaciesPerCity: 2,
	prizes: 3,
	specialMentions: 2,
	mayDeclareVoid: true,
	blindReview: false,
	jurorsSeeOtherScores: true,
	shareFeedback: true,
	congressHost: { countryCode: 'ES', name: 'Granollers' },
	previousWinners: [
		{ countryCode: 'MX', name: 'Mexico City' },
		{ countryCode: 'PT', name: 'Odivelas' },
		{ countryCode: 'BR', name: 'Santo André' }
	],
	createdAt: '2025-02-10T10:00:00.000Z',
	updatedAt: '2025-02-24T12:30:00.000Z'
};

// --- The rules document ----------------------------------------------------------------------------

export interface RulesSection {
	language: Locale;
	title: string;
	paragraphs: string[];
}

const rulesTitle: Tx = [
	'Premio Ciudades Educadoras 2026: bases (resumen)',
	'Educating Cities Award 2026: rules (summary)',
	'Prix Villes éducatrices 2026 : règlement (résumé)',
	'Prémio Cidades Educadoras 2026: regulamento (resumo)'
];

const rulesEligibility: Tx = [
	'Quién puede presentarse: las ciudades miembro de la Asociación al corriente de sus cuotas, excepto las ciudades del jurado, la ciudad anfitriona del congreso (Granollers) y las ganadoras de la edición anterior (Ciudad de México, Odivelas y Santo André). Cada ciudad puede presentar como máximo dos iniciativas, que deben haberse iniciado antes del 1 de junio de 2023. Las candidaturas se presentan en la plataforma en una de las lenguas oficiales de la Asociación, con una carta de apoyo firmada por la alcaldía (PDF).',
	'Who may apply: member cities of the Association that are up to date with their fees, except the cities on the jury, the host city of the congress (Granollers) and the winners of the previous edition (Mexico City, Odivelas and Santo André). Each city may present at most two initiatives, which must have started before 1 June 2023. Candidacies are filled in on the platform in one of the Association’s official languages, with a support letter signed by the mayor (PDF).',
	'Qui peut se porter candidat : les villes membres de l’Association à jour de leurs cotisations, à l’exception des villes membres du jury, de la ville hôte du congrès (Granollers) et des lauréates de l’édition précédente (Mexico, Odivelas et Santo André). Chaque ville peut présenter au plus deux initiatives, lancées avant le 1er juin 2023. Les candidatures sont déposées sur la plateforme dans l’une des langues officielles de l’Association, avec une lettre de soutien signée par le maire (PDF).',
	'Quem se pode candidatar: as cidades membro da Associação com as quotas em dia, exceto as cidades do júri, a cidade anfitriã do congresso (Granollers) e as vencedoras da edição anterior (Cidade do México, Odivelas e Santo André). Cada cidade pode apresentar no máximo duas iniciativas, iniciadas antes de 1 de junho de 2023. As candidaturas são apresentadas na plataforma numa das línguas oficiais da Associação, com uma carta de apoio assinada pelo presidente da câmara (PDF).'
];

const rulesJury: Tx = [
	'Jurado: dos ciudades del Comité Ejecutivo y tres especialistas, uno de ellos en la presidencia. Cada criterio se puntúa de 1 a 10 con un comentario; todos los criterios pesan lo mismo. Se otorgan tres premios y hasta dos menciones especiales; el jurado puede declarar el premio desierto.',
	'Jury: two Executive Committee cities and three specialists, one of whom chairs it. Each criterion is scored from 1 to 10 with a comment; all criteria weigh the same. Three prizes and up to two special mentions are awarded; the jury may declare the award void.',
	'Jury : deux villes du Comité exécutif et trois spécialistes, dont l’un le préside. Chaque critère est noté de 1 à 10 avec un commentaire ; tous les critères ont le même poids. Trois prix et jusqu’à deux mentions spéciales sont décernés ; le jury peut déclarer le prix non attribué.',
	'Júri: duas cidades do Comité Executivo e três especialistas, um dos quais preside. Cada critério é pontuado de 1 a 10 com um comentário; todos os critérios têm o mesmo peso. São atribuídos três prémios e até duas menções especiais; o júri pode declarar o prémio deserto.'
];

const rulesTimeline: Tx = [
	'Calendario: apertura de la convocatoria el 1 de marzo de 2025; cierre el 15 de octubre de 2025 a las 23:59 (hora de Madrid); deliberación del jurado a partir de noviembre de 2025; decisión en febrero de 2026; entrega en el XVIII Congreso Internacional, Granollers, 26 de mayo de 2026.',
	'Timeline: the call opens on 1 March 2025 and closes on 15 October 2025 at 23:59 (Madrid time); the jury deliberates from November 2025 and decides in February 2026; the prizes are given at the 18th International Congress, Granollers, 26 May 2026.',
	'Calendrier : ouverture de l’appel le 1er mars 2025 ; clôture le 15 octobre 2025 à 23 h 59 (heure de Madrid) ; délibération du jury à partir de novembre 2025 ; décision en février 2026 ; remise des prix lors du XVIIIe Congrès international, à Granollers, le 26 mai 2026.',
	'Calendário: abertura do concurso a 1 de março de 2025; encerramento a 15 de outubro de 2025 às 23h59 (hora de Madrid); deliberação do júri a partir de novembro de 2025; decisão em fevereiro de 2026; entrega no XVIII Congresso Internacional, em Granollers, a 26 de maio de 2026.'
];

const rulesHeadings = {
	focusAreas: ['Ejes', 'Focus areas', 'Axes', 'Eixos'] as Tx,
	criteria: ['Criterios', 'Criteria', 'Critères', 'Critérios'] as Tx,
	questions: ['Preguntas de la convocatoria', 'Questions of the call', 'Questions de l’appel', 'Perguntas do concurso'] as Tx
};

const colon = (language: Locale) => (language === 'fr' ? ' :' : ':');

/**
 * The rules document of the demo: one section per language, from the call's own texts. (The opening
 * date in it is the demo's assumption, like `opensOn`.)
 */
export function demoRulesDocument(): { fileName: string; sections: RulesSection[] } {
	const sections = (['es', 'en', 'fr', 'pt'] as const).map((language) => ({
		language,
		title: tx(rulesTitle, language),
		paragraphs: [
			demoEdition2026.texts[language].theme,
			demoEdition2026.texts[language].description,
			tx(rulesEligibility, language),
			`${tx(rulesHeadings.focusAreas, language)}${colon(language)} ${focusAreas.map((f) => f.names[language]).join('; ')}.`,
			`${tx(rulesHeadings.criteria, language)}${colon(language)}`,
			...criteria.map((c, i) => `${i + 1}. ${c.names[language]}. ${c.descriptions[language]}`),
			`${tx(rulesHeadings.questions, language)}${colon(language)}`,
			...questions.map((q, i) => `${i + 1}. ${q.texts[language]}`),
			tx(rulesJury, language),
			tx(rulesTimeline, language),
			demoEdition2026.texts[language].ceremony,
			tx(letterTexts.footer, language)
		]
	}));
	return { fileName: 'educating-cities-award-2026-rules.pdf', sections };
}

// --- The jury --------------------------------------------------------------------------------------

export interface DemoJurorProfile {
	/** The demo account (demo-data.ts), `<local part>@demo.educatingcities.org`. */
	email: string;
	/** The Executive Committee city the juror sits for; null for a specialist. */
	city: CityRef | null;
	isChair: boolean;
	/** Points added to every score this juror gives: jurors differ in how strict they are. */
	severity: number;
	/** Share of this juror's assignments submitted by now. */
	diligence: number;
	/** Assignments left untouched whatever the diligence (the demo juror's work still to do). */
	keepUnscored: number;
}

const email = (local: string) => `${local}@${demoAwardDomain}`;

export const demoJurorEmail = email('juror');
export const demoChairEmail = email('chair');

/** Two Executive Committee cities and three specialists, as the rules of 2026 ask. */
export const demoJury: readonly DemoJurorProfile[] = [
	{ email: demoChairEmail, city: null, isChair: true, severity: 0, diligence: 1, keepUnscored: 0 },
	{ email: demoJurorEmail, city: null, isChair: false, severity: 0.4, diligence: 0.72, keepUnscored: 7 },
	// The strict one: about a point and a half under the others, which the normalised scores correct.
	{
		email: email('juror.lyon'),
		city: { countryCode: 'FR', name: 'Lyon' },
		isChair: false,
		severity: -1.5,
		diligence: 0.93,
		keepUnscored: 0
	},
	{
		email: email('juror.rosario'),
		city: { countryCode: 'AR', name: 'Rosario' },
		isChair: false,
		severity: 0.6,
		diligence: 0.9,
		keepUnscored: 0
	},
	{ email: email('juror.specialist'), city: null, isChair: false, severity: -0.4, diligence: 0.86, keepUnscored: 0 }
];

// --- Candidacies -----------------------------------------------------------------------------------

/** A published experience of an eligible city, started before the edition's date: what a candidacy is made from. */
export interface AwardPoolEntry {
	experienceId: number;
	cityId: number;
	cityName: string;
	countryCode: string;
	originalLanguage: Locale;
	/** The title in the original language. */
	title: string;
	topics: readonly string[];
	startDate: string;
}

export type DemoCandidacyStatus = 'admitted' | 'rejected' | 'submitted';

export interface DemoCandidacyPlan {
	experienceId: number;
	cityId: number;
	language: Locale;
	status: DemoCandidacyStatus;
	focusArea: string;
	/** One answer per call question, in the candidacy's language. */
	answers: Record<string, string>;
	createdAt: string;
	submittedAt: string;
	/** When the secretariat admitted or rejected it; null while it waits. */
	checkedAt: string | null;
	/** The rejection reason, in the candidacy's language. */
	statusReason: string | null;
	/** How good the candidacy is, on the 1–10 scale, before each juror's own leanings: drives the scores. */
	quality: number;
}

export interface PlanCandidaciesInput {
	pool: readonly AwardPoolEntry[];
	/** How many candidacies (default 60). */
	count?: number;
	/** Cities that should apply if they can (the demo's represented cities), so their accounts see one. */
	preferredCityIds?: readonly number[];
	seed?: number;
}

// Placeholders: {city}, {title}, {since}, {people}, {share}, {partners}.
const inclusionAnswers: readonly Tx[] = [
	[
		'«{title}» parte de las personas a las que la ciudad no llegaba: familias con pocos ingresos, vecinos y vecinas recién llegados y personas con discapacidad. La educación es el punto de encuentro: las actividades son gratuitas, se hacen en los barrios y mezclan a participantes de distintas edades y orígenes, de modo que aprender juntos también crea vínculos entre ellos.',
		'“{title}” starts from the people the city was not reaching: families on low incomes, newly arrived residents and people with disabilities. Education is the meeting point: the activities are free, take place in the neighbourhoods and mix participants of different ages and origins, so that learning together also builds ties between them.',
		'« {title} » part des personnes que la ville ne touchait pas : familles à faibles revenus, habitants nouvellement arrivés et personnes en situation de handicap. L’éducation est le point de rencontre : les activités sont gratuites, se déroulent dans les quartiers et mêlent des participants d’âges et d’origines différents, si bien qu’apprendre ensemble crée aussi des liens entre eux.',
		'«{title}» parte das pessoas que a cidade não alcançava: famílias com baixos rendimentos, moradores recém-chegados e pessoas com deficiência. A educação é o ponto de encontro: as atividades são gratuitas, decorrem nos bairros e juntam participantes de diferentes idades e origens, de modo que aprender em conjunto também cria laços entre eles.'
	],
	[
		'En {city}, la iniciativa abre los espacios educativos municipales a todo el mundo y elimina las barreras habituales (coste, idioma, horario, transporte). Los servicios sociales, las escuelas y las asociaciones derivan a las personas, y cada participante cuenta con una persona de referencia hasta que puede participar por su cuenta.',
		'In {city}, the initiative opens the municipal educational spaces to everyone and removes the usual barriers (cost, language, timetable, transport). Social services, schools and associations refer people to it, and each participant has a reference person until they can take part on their own.',
		'À {city}, l’initiative ouvre les espaces éducatifs municipaux à tous et lève les obstacles habituels (coût, langue, horaires, transport). Les services sociaux, les écoles et les associations orientent les personnes, et chaque participant est suivi par une personne référente jusqu’à ce qu’il puisse participer seul.',
		'Em {city}, a iniciativa abre os espaços educativos municipais a todas as pessoas e elimina as barreiras habituais (custo, língua, horário, transporte). Os serviços sociais, as escolas e as associações encaminham as pessoas, e cada participante tem uma pessoa de referência até conseguir participar de forma autónoma.'
	],
	[
		'El programa entiende la inclusión como una tarea compartida por toda la ciudad: reúne a personas que rara vez se encuentran, les da un proyecto común y reconoce lo que cada una aporta. Mediadores y voluntarios de los propios barrios se aseguran de que nadie se quede fuera.',
		'The programme treats inclusion as a task shared by the whole city: it brings together people who rarely meet, gives them a common project and recognises what each of them brings. Mediators and volunteers from the neighbourhoods themselves make sure that nobody is left out.',
		'Le programme considère l’inclusion comme une tâche partagée par toute la ville : il réunit des personnes qui se croisent rarement, leur donne un projet commun et reconnaît l’apport de chacune. Des médiateurs et des bénévoles issus des quartiers veillent à ce que personne ne reste à l’écart.',
		'O programa entende a inclusão como uma tarefa partilhada por toda a cidade: reúne pessoas que raramente se encontram, dá-lhes um projeto comum e reconhece o contributo de cada uma. Mediadores e voluntários dos próprios bairros garantem que ninguém fica de fora.'
	]
];

const resultsAnswers: readonly Tx[] = [
	[
		'Desde {since} han participado {people} personas, el {share} % de ellas de los barrios con mayor riesgo de exclusión. La evaluación anual, hecha con la universidad local, muestra una mejor asistencia escolar y más participación en la vida comunitaria; los informes son públicos.',
		'Since {since}, {people} people have taken part, {share}% of them from the neighbourhoods most at risk of exclusion. The yearly evaluation, carried out with the local university, shows better school attendance and more participation in community life; the reports are public.',
		'Depuis {since}, {people} personnes ont participé, dont {share} % venant des quartiers les plus exposés à l’exclusion. L’évaluation annuelle, menée avec l’université locale, montre une meilleure assiduité scolaire et une participation accrue à la vie du quartier ; les rapports sont publics.',
		'Desde {since} participaram {people} pessoas, {share} % das quais dos bairros com maior risco de exclusão. A avaliação anual, feita com a universidade local, mostra melhor assiduidade escolar e mais participação na vida comunitária; os relatórios são públicos.'
	],
	[
		'Hasta ahora, {people} participantes y {partners} entidades colaboradoras. Las encuestas de seguimiento seis meses después muestran que el {share} % de los participantes sigue formándose, trabajando o haciendo voluntariado. El ayuntamiento ha ampliado dos veces el presupuesto a la vista de los resultados.',
		'So far, {people} participants and {partners} partner organisations. Follow-up surveys six months later show that {share}% of the participants are still in training, employment or volunteering. The city council has increased the budget twice in view of the results.',
		'À ce jour, {people} participants et {partners} structures partenaires. Les enquêtes de suivi six mois plus tard montrent que {share} % des participants sont en formation, en emploi ou engagés comme bénévoles. La municipalité a augmenté deux fois le budget au vu des résultats.',
		'Até agora, {people} participantes e {partners} entidades parceiras. Os inquéritos de acompanhamento seis meses depois mostram que {share} % dos participantes continuam em formação, a trabalhar ou em voluntariado. A câmara municipal reforçou duas vezes o orçamento em função dos resultados.'
	],
	[
		'El seguimiento combina datos de asistencia ({people} personas en los tres últimos años), entrevistas y grupos de discusión con participantes. El {share} % afirma que ahora conoce a más vecinos de otros orígenes, y la iniciativa se ha incorporado al plan educativo municipal.',
		'Monitoring combines attendance figures ({people} people over the last three years) with interviews and focus groups with participants. {share}% say they now know more neighbours of other origins, and the initiative has become part of the municipal education plan.',
		'Le suivi associe les chiffres de fréquentation ({people} personnes sur les trois dernières années), des entretiens et des groupes de discussion avec les participants. {share} % déclarent connaître davantage de voisins d’autres origines, et l’initiative a été intégrée au projet éducatif municipal.',
		'O acompanhamento combina dados de participação ({people} pessoas nos últimos três anos), entrevistas e grupos focais com participantes. {share} % afirmam conhecer agora mais vizinhos de outras origens, e a iniciativa passou a fazer parte do plano educativo municipal.'
	]
];

const transferAnswers: readonly Tx[] = [
	[
		'El método está recogido en una guía, traducida a varios idiomas, con los protocolos, el calendario y los costes. No necesita infraestructuras específicas: cualquier ciudad con escuelas, una biblioteca y algunas asociaciones puede empezar con una prueba piloto en un barrio.',
		'The method is written up in a guide, translated into several languages, with the protocols, the calendar and the costs. It needs no special facilities: any city with schools, a library and a few associations can start with a pilot in one neighbourhood.',
		'La méthode est décrite dans un guide, traduit en plusieurs langues, avec les protocoles, le calendrier et les coûts. Elle ne demande aucun équipement particulier : toute ville disposant d’écoles, d’une bibliothèque et de quelques associations peut commencer par un projet pilote dans un quartier.',
		'O método está descrito num guia, traduzido em várias línguas, com os protocolos, o calendário e os custos. Não exige equipamentos específicos: qualquer cidade com escolas, uma biblioteca e algumas associações pode começar com um projeto-piloto num bairro.'
	],
	[
		'{city} ya ha compartido la experiencia con otras ciudades de su red nacional, dos de las cuales la están adaptando. Los elementos clave son el convenio de colaboración entre departamentos y la formación de los mediadores; el resto puede ajustarse a cada contexto.',
		'{city} has already shared the experience with other cities of its national network, two of which are adapting it. The key elements are the cooperation agreement between departments and the training of the mediators; the rest can be adjusted to each context.',
		'{city} a déjà partagé l’expérience avec d’autres villes de son réseau national, dont deux l’adaptent actuellement. Les éléments clés sont la convention de coopération entre services et la formation des médiateurs ; le reste peut s’ajuster à chaque contexte.',
		'{city} já partilhou a experiência com outras cidades da sua rede nacional, duas das quais a estão a adaptar. Os elementos-chave são o protocolo de cooperação entre departamentos e a formação dos mediadores; o resto pode ajustar-se a cada contexto.'
	],
	[
		'Lo transferible es la manera de trabajar: un diagnóstico compartido, una mesa local de coordinación y una partida presupuestaria pequeña pero estable a lo largo de los años. Ofrecemos visitas de estudio y los materiales de forma gratuita a cualquier ciudad miembro.',
		'What can be transferred is the way of working: a shared diagnosis, a local coordination table and a small budget line that stays stable over the years. We offer study visits and the materials free of charge to any member city.',
		'Ce qui est transférable, c’est la manière de travailler : un diagnostic partagé, une instance locale de coordination et une petite ligne budgétaire stable dans le temps. Nous proposons des visites d’étude et les supports gratuitement à toute ville membre.',
		'O que é transferível é a forma de trabalhar: um diagnóstico partilhado, uma mesa local de coordenação e uma pequena rubrica orçamental estável ao longo dos anos. Oferecemos visitas de estudo e os materiais gratuitamente a qualquer cidade membro.'
	]
];

const rejectionReasons: readonly Tx[] = [
	[
		'La carta de apoyo está firmada por una concejala y no por la alcaldía, como exigen las bases.',
		'The support letter is signed by a councillor, not by the mayor as the rules require.',
		'La lettre de soutien est signée par une conseillère municipale et non par le maire, comme l’exige le règlement.',
		'A carta de apoio está assinada por uma vereadora e não pelo presidente da câmara, como exige o regulamento.'
	],
	[
		'La iniciativa la gestiona una fundación privada y el ayuntamiento solo cede un local: no es una iniciativa del gobierno local, como piden las bases.',
		'The initiative is run by a private foundation and the city council only lends a venue: it is not a local government initiative, as the rules require.',
		'L’initiative est gérée par une fondation privée et la municipalité ne fait que prêter un local : ce n’est pas une initiative du gouvernement local, comme l’exige le règlement.',
		'A iniciativa é gerida por uma fundação privada e a câmara municipal apenas cede um espaço: não é uma iniciativa do governo local, como exige o regulamento.'
	],
	[
		'Las respuestas a las preguntas de la convocatoria describen un proyecto distinto de la experiencia presentada; la candidatura no puede valorarse así.',
		'The answers to the call’s questions describe a different project from the experience presented; the candidacy cannot be assessed as it stands.',
		'Les réponses aux questions de l’appel décrivent un autre projet que l’expérience présentée ; la candidature ne peut pas être évaluée en l’état.',
		'As respostas às perguntas do concurso descrevem um projeto diferente da experiência apresentada; a candidatura não pode ser avaliada assim.'
	],
	[
		'La carta de apoyo no está fechada ni lleva el membrete del ayuntamiento; las bases piden una carta firmada por la alcaldía.',
		'The support letter is undated and not on the city council’s letterhead; the rules ask for a letter signed by the mayor.',
		'La lettre de soutien n’est pas datée et ne porte pas l’en-tête de la municipalité ; le règlement demande une lettre signée par le maire.',
		'A carta de apoio não está datada nem tem o timbre da câmara municipal; o regulamento pede uma carta assinada pelo presidente da câmara.'
	]
];

/** Which focus area an experience's topics suggest; the others stay possible. */
const focusHints: Record<string, string> = {
	'equal-opportunities': 'labour',
	'social-inclusion': 'labour',
	youth: 'labour',
	gender: 'labour',
	culture: 'community',
	'coexistence-peace': 'community',
	'citizen-participation': 'community',
	sport: 'community',
	'urban-planning-public-space': 'community',
	childhood: 'lifelong',
	elderly: 'lifelong',
	environment: 'lifelong',
	'healthy-living': 'lifelong'
};

function focusAreaOf(random: Random, topics: readonly string[]): string {
	const hinted = topics.map((t) => focusHints[t]).filter(Boolean);
	if (hinted.length && random() < 0.8) return pick(random, hinted);
	return pick(
		random,
		focusAreas.map((f) => f.code)
	);
}

function fillAnswer(text: string, values: Record<string, string>): string {
	return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

function formatCount(language: Locale, value: number): string {
	return new Intl.NumberFormat({ es: 'es-ES', en: 'en-GB', fr: 'fr-FR', pt: 'pt-PT' }[language]).format(value);
}

/**
 * About 60 candidacies from the pool: at most two per city (a few cities present two), mostly admitted,
 * four rejected at the admissibility check and three still waiting for it. Everything was submitted
 * before the deadline; answers are written in the experience's own language.
 */
export function planAwardCandidacies(input: PlanCandidaciesInput): DemoCandidacyPlan[] {
	const random = mulberry32(input.seed ?? awardSeed);
	const count = input.count ?? 60;
	const byCity = new Map<number, AwardPoolEntry[]>();
	// The pool's order must not matter: sort it before drawing.
	const pool = [...input.pool].sort((a, b) => a.experienceId - b.experienceId);
	for (const entry of pool) {
		const list = byCity.get(entry.cityId) ?? [];
		list.push(entry);
		byCity.set(entry.cityId, list);
	}
	const preferred = (input.preferredCityIds ?? []).filter((id) => byCity.has(id));
	const others = shuffled(
		random,
		[...byCity.keys()].filter((id) => !preferred.includes(id)).sort((a, b) => a - b)
	);
	const chosen: AwardPoolEntry[] = [];
	for (const cityId of [...preferred, ...others]) {
		if (chosen.length >= count) break;
		const entries = shuffled(random, byCity.get(cityId)!);
		chosen.push(entries[0]);
		// About one city in eight presents a second initiative, as the rules allow.
		if (entries.length > 1 && chosen.length < count && random() < 0.14) chosen.push(entries[1]);
	}

	// Statuses: four rejected, three waiting, the rest admitted; the represented cities' are admitted.
	const movable = shuffled(
		random,
		chosen.map((_, i) => i).filter((i) => !preferred.includes(chosen[i].cityId))
	);
	const rejected = new Set(movable.slice(0, Math.min(4, Math.max(0, chosen.length - 8))));
	const waiting = new Set(movable.slice(rejected.size, rejected.size + Math.min(3, Math.max(0, chosen.length - 8))));

	return chosen.map((entry, i) => {
		const language = entry.originalLanguage;
		const status: DemoCandidacyStatus = rejected.has(i) ? 'rejected' : waiting.has(i) ? 'submitted' : 'admitted';
		const createdAt = instantBetween(random, '2025-03-20T08:00:00.000Z', '2025-09-20T18:00:00.000Z');
		// Many cities submit in the last days; all before the deadline (23:59 in Madrid, 21:59 UTC).
		const lastMinute = random() < 0.45;
		const submittedAt = lastMinute
			? instantBetween(random, '2025-10-08T07:00:00.000Z', '2025-10-15T20:30:00.000Z')
			: instantBetween(random, addMs(createdAt, 3 * DAY), minIso(addMs(createdAt, 90 * DAY), '2025-10-15T20:30:00.000Z'));
		const checkedAt = status === 'submitted' ? null : instantBetween(random, '2025-10-20T08:00:00.000Z', '2025-10-31T16:00:00.000Z');
		const people = between(random, 4, 120) * (random() < 0.5 ? 10 : 25);
		const values = {
			city: entry.cityName,
			title: entry.title,
			since: entry.startDate.slice(0, 4),
			people: formatCount(language, people),
			share: String(between(random, 38, 86)),
			partners: String(between(random, 4, 46))
		};
		const answers = {
			inclusion: fillAnswer(tx(pick(random, inclusionAnswers), language), values),
			results: fillAnswer(tx(pick(random, resultsAnswers), language), values),
			transfer: fillAnswer(tx(pick(random, transferAnswers), language), values)
		};
		// Mostly middling, a few excellent ones and a few weak ones.
		const quality = Math.round(Math.min(9.3, Math.max(2.8, 6.2 + 1.3 * gaussian(random))) * 100) / 100;
		return {
			experienceId: entry.experienceId,
			cityId: entry.cityId,
			language,
			status,
			focusArea: focusAreaOf(random, entry.topics),
			answers,
			createdAt,
			submittedAt,
			checkedAt,
			statusReason: status === 'rejected' ? tx(rejectionReasons[[...rejected].indexOf(i) % rejectionReasons.length], language) : null,
			quality
		};
	});
}

// --- Support letters -------------------------------------------------------------------------------

export interface SupportLetterText {
	/** File name offered on download. */
	fileName: string;
	lines: string[];
}

const letterTexts = {
	heading: [
		'Al Jurado del Premio Ciudades Educadoras 2026',
		'To the Jury of the Educating Cities Award 2026',
		'Au jury du Prix Villes éducatrices 2026',
		'Ao Júri do Prémio Cidades Educadoras 2026'
	] as Tx,
	body: [
		'En nombre del ayuntamiento de {city}, apoyo la candidatura de la iniciativa «{title}» al Premio Ciudades Educadoras 2026, «{theme}», y confirmo el compromiso del gobierno local con su continuidad.',
		'On behalf of the city council of {city}, I support the candidacy of the initiative “{title}” for the Educating Cities Award 2026, “{theme}”, and confirm the local government’s commitment to its continuity.',
		'Au nom de la municipalité de {city}, je soutiens la candidature de l’initiative « {title} » au Prix Villes éducatrices 2026, « {theme} », et confirme l’engagement du gouvernement local pour sa continuité.',
		'Em nome do município de {city}, apoio a candidatura da iniciativa «{title}» ao Prémio Cidades Educadoras 2026, «{theme}», e confirmo o compromisso do governo local com a sua continuidade.'
	] as Tx,
	footer: [
		'Documento de demostración de la plataforma Ciudades Educadoras.',
		'Demo document of the Educating Cities platform.',
		'Document de démonstration de la plateforme Villes éducatrices.',
		'Documento de demonstração da plataforma Cidades Educadoras.'
	] as Tx,
	fileName: ['carta-de-apoyo', 'support-letter', 'lettre-de-soutien', 'carta-de-apoio'] as Tx
};

/** The text of a city's support letter, in the candidacy's language, dated a few days before submission. */
export function supportLetterText(input: {
	language: Locale;
	cityName: string;
	title: string;
	signatory: { name: string; position: string } | null;
	submittedAt: string;
}): SupportLetterText {
	const { language, cityName, title, signatory } = input;
	const date = new Intl.DateTimeFormat({ es: 'es-ES', en: 'en-GB', fr: 'fr-FR', pt: 'pt-PT' }[language], {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(new Date(Date.parse(input.submittedAt) - 2 * DAY));
	return {
		fileName: `${tx(letterTexts.fileName, language)}.pdf`,
		lines: [
			`${cityName}, ${date}`,
			'',
			tx(letterTexts.heading, language),
			'',
			fillAnswer(tx(letterTexts.body, language), { city: cityName, title, theme: tx(theme, language) }),
			'',
			...(signatory ? [signatory.name, `${signatory.position}, ${cityName}`] : [cityName]),
			'',
			tx(letterTexts.footer, language)
		]
	};
}

// --- Reviews ---------------------------------------------------------------------------------------

export interface ReviewJuror {
	id: number;
	email: string;
	locale: Locale;
}

export interface ReviewCandidacy {
	id: number;
	quality: number;
}

export interface DemoReviewPlan {
	jurorId: number;
	candidacyId: number;
	status: 'assigned' | 'draft' | 'submitted';
	scores: Record<string, CriterionScore>;
	version: number;
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
}

export type Band = 'low' | 'mid' | 'high';

// Two comments per criterion and band, so a juror's comments read like theirs and not like a form.
export const demoReviewComments: Record<string, Record<Band, readonly Tx[]>> = {
	relevance: {
		high: [
			[
				'Plenamente en el tema: la educación es la palanca de la inclusión en todo el proyecto.',
				'Squarely on the theme: education is the lever for inclusion throughout.',
				'En plein dans le thème : l’éducation est le levier de l’inclusion tout au long du projet.',
				'Totalmente dentro do tema: a educação é a alavanca da inclusão em todo o projeto.'
			],
			[
				'Vínculo muy claro entre las actividades educativas y la cohesión social de los barrios.',
				'A very clear link between the educational activities and social cohesion in the neighbourhoods.',
				'Lien très clair entre les activités éducatives et la cohésion sociale des quartiers.',
				'Ligação muito clara entre as atividades educativas e a coesão social dos bairros.'
			]
		],
		mid: [
			[
				'Relacionada con el tema, aunque la inclusión es más un efecto secundario que el objetivo principal.',
				'Related to the theme, although inclusion is more a side effect than the main aim.',
				'En lien avec le thème, même si l’inclusion est davantage un effet secondaire que l’objectif principal.',
				'Relacionada com o tema, embora a inclusão seja mais um efeito secundário do que o objetivo principal.'
			],
			[
				'Pertinente, pero la respuesta a la pregunta de la convocatoria se queda en lo general.',
				'Relevant, but the answer to the call’s question stays general.',
				'Pertinente, mais la réponse à la question de l’appel reste générale.',
				'Pertinente, mas a resposta à pergunta do concurso fica pelo geral.'
			]
		],
		low: [
			[
				'El vínculo con la inclusión y la cohesión social es débil; parece un servicio educativo general.',
				'The link with inclusion and social cohesion is weak; it reads as a general educational service.',
				'Le lien avec l’inclusion et la cohésion sociale est faible ; on dirait un service éducatif général.',
				'A ligação com a inclusão e a coesão social é fraca; parece um serviço educativo geral.'
			],
			[
				'Poco relacionada con el tema de esta edición.',
				'Hardly related to the theme of this edition.',
				'Peu en rapport avec le thème de cette édition.',
				'Pouco relacionada com o tema desta edição.'
			]
		]
	},
	impact: {
		high: [
			[
				'Evidencias de resultados convincentes, con una evaluación externa.',
				'Convincing evidence of results, with an external evaluation.',
				'Des preuves de résultats convaincantes, avec une évaluation externe.',
				'Evidências de resultados convincentes, com uma avaliação externa.'
			],
			[
				'Las cifras y el seguimiento muestran un cambio real para los participantes.',
				'The figures and the follow-up show real change for the participants.',
				'Les chiffres et le suivi montrent un vrai changement pour les participants.',
				'Os números e o acompanhamento mostram uma mudança real para os participantes.'
			]
		],
		mid: [
			[
				'Algunos resultados, pero sobre todo cifras de actividad más que de efectos.',
				'Some results, but mostly activity figures rather than outcomes.',
				'Quelques résultats, mais surtout des chiffres d’activité plutôt que des effets.',
				'Alguns resultados, mas sobretudo números de atividade e não de efeitos.'
			],
			[
				'Efectos prometedores, todavía no medidos de forma sistemática.',
				'Promising effects, not yet measured systematically.',
				'Des effets prometteurs, pas encore mesurés de façon systématique.',
				'Efeitos promissores, ainda não medidos de forma sistemática.'
			]
		],
		low: [
			[
				'No hay evidencias de impacto más allá de la asistencia.',
				'No evidence of impact beyond attendance.',
				'Aucune preuve d’impact au-delà de la fréquentation.',
				'Não há evidências de impacto para além da participação.'
			],
			[
				'Los resultados se afirman, pero no se demuestran.',
				'Results are asserted but not shown.',
				'Les résultats sont affirmés mais pas démontrés.',
				'Os resultados são afirmados, mas não demonstrados.'
			]
		]
	},
	scope: {
		high: [
			[
				'Llega a una población amplia y diversa en toda la ciudad.',
				'Reaches a large and varied population across the whole city.',
				'Touche une population large et diverse dans toute la ville.',
				'Chega a uma população ampla e diversa em toda a cidade.'
			],
			[
				'Gran cobertura, mantenida durante varios años.',
				'Wide coverage, sustained over several years.',
				'Large couverture, maintenue pendant plusieurs années.',
				'Grande cobertura, mantida durante vários anos.'
			]
		],
		mid: [
			[
				'Alcance moderado, concentrado en unos pocos barrios.',
				'Moderate reach, concentrated in a few neighbourhoods.',
				'Portée modérée, concentrée sur quelques quartiers.',
				'Alcance moderado, concentrado em poucos bairros.'
			],
			[
				'Alcance razonable para el tamaño de la ciudad.',
				'Reasonable scope for the size of the city.',
				'Portée raisonnable pour la taille de la ville.',
				'Alcance razoável para a dimensão da cidade.'
			]
		],
		low: [
			[
				'Número de participantes muy reducido.',
				'Very small number of participants.',
				'Nombre de participants très réduit.',
				'Número de participantes muito reduzido.'
			],
			[
				'Limitada a un solo centro y a un periodo corto.',
				'Limited to a single centre and a short period.',
				'Limitée à un seul équipement et à une courte période.',
				'Limitada a um único centro e a um período curto.'
			]
		]
	},
	government: {
		high: [
			[
				'Fuerte liderazgo del ayuntamiento y trabajo real entre departamentos.',
				'Strong leadership by the city council and real work across departments.',
				'Fort portage de la municipalité et véritable travail entre services.',
				'Forte liderança da câmara municipal e trabalho real entre departamentos.'
			],
			[
				'Educación, servicios sociales y empleo comparten presupuesto y dirección.',
				'Education, social services and employment share the budget and the steering.',
				'Éducation, action sociale et emploi partagent le budget et le pilotage.',
				'Educação, ação social e emprego partilham o orçamento e a coordenação.'
			]
		],
		mid: [
			[
				'La lidera un solo departamento; la cooperación con otros es puntual.',
				'Led by one department; cooperation with others is occasional.',
				'Pilotée par un seul service ; la coopération avec les autres est ponctuelle.',
				'Liderada por um só departamento; a cooperação com outros é pontual.'
			],
			[
				'El compromiso municipal es claro; el trabajo transversal, menos.',
				'The council’s commitment is clear; cross-departmental work less so.',
				'L’engagement municipal est clair ; le travail transversal l’est moins.',
				'O compromisso municipal é claro; o trabalho transversal, menos.'
			]
		],
		low: [
			[
				'El papel del ayuntamiento es sobre todo financiero.',
				'The council’s role is mainly financial.',
				'Le rôle de la municipalité est surtout financier.',
				'O papel da câmara municipal é sobretudo financeiro.'
			],
			[
				'Pocas muestras de colaboración entre departamentos.',
				'Little sign of collaboration between departments.',
				'Peu de signes de collaboration entre services.',
				'Poucos sinais de colaboração entre departamentos.'
			]
		]
	},
	participation: {
		high: [
			[
				'Asociaciones, familias y comercios del barrio participan en el diseño, no solo en la ejecución.',
				'Associations, families and local businesses take part in the design, not just the delivery.',
				'Associations, familles et commerces du quartier participent à la conception, pas seulement à la mise en œuvre.',
				'Associações, famílias e comércio local participam na conceção, não apenas na execução.'
			],
			[
				'Excelente implicación de la sociedad civil y de las empresas.',
				'Excellent involvement of civil society and companies.',
				'Excellente implication de la société civile et des entreprises.',
				'Excelente envolvimento da sociedade civil e das empresas.'
			]
		],
		mid: [
			[
				'La sociedad civil participa; las empresas no aparecen.',
				'Civil society takes part; businesses are absent.',
				'La société civile participe ; les entreprises sont absentes.',
				'A sociedade civil participa; as empresas estão ausentes.'
			],
			[
				'Las entidades participan sobre todo como proveedoras de servicios.',
				'Partners are involved mainly as service providers.',
				'Les partenaires interviennent surtout comme prestataires.',
				'As entidades participam sobretudo como prestadoras de serviços.'
			]
		],
		low: [
			[
				'La participación se limita a informar a la ciudadanía.',
				'Participation is limited to informing the public.',
				'La participation se limite à informer le public.',
				'A participação limita-se a informar a população.'
			],
			[
				'Ningún papel para la sociedad civil ni para las empresas.',
				'No role for civil society or business.',
				'Aucun rôle pour la société civile ni pour les entreprises.',
				'Nenhum papel para a sociedade civil nem para as empresas.'
			]
		]
	},
	innovation: {
		high: [
			[
				'Un enfoque original, bien consolidado y fácil de transferir.',
				'An original approach, well consolidated and easy to transfer.',
				'Une approche originale, bien consolidée et facile à transférer.',
				'Uma abordagem original, bem consolidada e fácil de transferir.'
			],
			[
				'Bien documentada y ya adaptada por otras ciudades.',
				'Well documented and already adapted by other cities.',
				'Bien documentée et déjà adaptée par d’autres villes.',
				'Bem documentada e já adaptada por outras cidades.'
			]
		],
		mid: [
			[
				'Consolidada, pero el enfoque es bastante habitual.',
				'Consolidated, but the approach is fairly common.',
				'Consolidée, mais l’approche est assez courante.',
				'Consolidada, mas a abordagem é bastante comum.'
			],
			[
				'Idea interesante; su transferibilidad depende de las condiciones locales.',
				'An interesting idea; whether it transfers depends on local conditions.',
				'Idée intéressante ; sa transférabilité dépend des conditions locales.',
				'Ideia interessante; a transferibilidade depende das condições locais.'
			]
		],
		low: [
			[
				'Un programa convencional con poca novedad.',
				'A conventional programme with little that is new.',
				'Un programme classique, avec peu de nouveauté.',
				'Um programa convencional com pouca novidade.'
			],
			[
				'Demasiado reciente y dependiente de una sola persona para transferirse.',
				'Too recent and too dependent on one person to be transferred.',
				'Trop récente et trop dépendante d’une seule personne pour être transférée.',
				'Demasiado recente e dependente de uma só pessoa para ser transferida.'
			]
		]
	}
};

const bandOf = (score: number, scaleMin: number, scaleMax: number): Band => {
	const position = (score - scaleMin) / (scaleMax - scaleMin);
	return position < 0.4 ? 'low' : position < 0.75 ? 'mid' : 'high';
};

function commentFor(random: Random, code: string, band: Band, language: Locale): string {
	const bank = demoReviewComments[code]?.[band];
	return bank ? tx(pick(random, bank), language) : '';
}

/**
 * One review per juror and admitted candidacy the juror may judge (`blocked` holds `${jurorId}:${candidacyId}`
 * pairs kept apart by a conflict): most submitted with a score and a comment per criterion in the juror's
 * language, a few drafts half done, a few not started. Each juror leans by their profile's severity.
 */
export function planAwardReviews(input: {
	jurors: readonly ReviewJuror[];
	candidacies: readonly ReviewCandidacy[];
	blocked: ReadonlySet<string>;
	criteria: readonly string[];
	scaleMin: number;
	scaleMax: number;
	seed?: number;
}): DemoReviewPlan[] {
	const random = mulberry32((input.seed ?? awardSeed) + 1);
	const { scaleMin, scaleMax } = input;
	const candidacies = [...input.candidacies].sort((a, b) => a.id - b.id);
	// How each candidacy does on each criterion, whoever judges it: strengths and weaknesses.
	const leanings = new Map(candidacies.map((c) => [c.id, input.criteria.map(() => (random() - 0.5) * 2.2)]));
	const plans: DemoReviewPlan[] = [];
	for (const juror of [...input.jurors].sort((a, b) => a.id - b.id)) {
		const profile = demoJury.find((p) => p.email === juror.email) ?? {
			severity: 0,
			diligence: 0.85,
			keepUnscored: 0,
			isChair: false
		};
		const mine = candidacies.filter((c) => !input.blocked.has(`${juror.id}:${c.id}`));
		const order = shuffled(random, mine);
		const untouched = new Set(order.slice(0, Math.min(profile.keepUnscored, order.length)).map((c) => c.id));
		const rest = order.filter((c) => !untouched.has(c.id));
		const submittedCount = profile.diligence >= 1 ? rest.length : Math.round(mine.length * profile.diligence);
		const submitted = new Set(rest.slice(0, Math.min(rest.length, submittedCount)).map((c) => c.id));
		const assignedAt = instantBetween(random, '2025-11-03T08:00:00.000Z', '2025-11-04T18:00:00.000Z');
		for (const candidacy of mine) {
			const lean = leanings.get(candidacy.id)!;
			const raw = input.criteria.map((_, k) => candidacy.quality + lean[k] + profile.severity + 0.8 * gaussian(random));
			const scoreOf = (k: number) => Math.round(Math.min(scaleMax, Math.max(scaleMin, raw[k])));
			if (submitted.has(candidacy.id)) {
				const submittedAt = instantBetween(random, '2025-11-12T08:00:00.000Z', '2026-01-22T20:00:00.000Z');
				plans.push({
					jurorId: juror.id,
					candidacyId: candidacy.id,
					status: 'submitted',
					scores: Object.fromEntries(
						input.criteria.map((code, k) => {
							const score = scoreOf(k);
							return [code, { score, comment: commentFor(random, code, bandOf(score, scaleMin, scaleMax), juror.locale) }];
						})
					),
					version: 3,
					createdAt: assignedAt,
					updatedAt: submittedAt,
					submittedAt
				});
			} else if (!untouched.has(candidacy.id) && random() < 0.5) {
				// A draft: the first criteria scored and commented, the others still empty.
				const done = between(random, 1, input.criteria.length - 1);
				plans.push({
					jurorId: juror.id,
					candidacyId: candidacy.id,
					status: 'draft',
					scores: Object.fromEntries(
						input.criteria.map((code, k) => {
							if (k >= done) return [code, { score: null, comment: '' }];
							const score = scoreOf(k);
							return [code, { score, comment: commentFor(random, code, bandOf(score, scaleMin, scaleMax), juror.locale) }];
						})
					),
					version: 2,
					createdAt: assignedAt,
					updatedAt: instantBetween(random, '2026-01-10T08:00:00.000Z', '2026-01-30T20:00:00.000Z'),
					submittedAt: null
				});
			} else {
				plans.push({
					jurorId: juror.id,
					candidacyId: candidacy.id,
					status: 'assigned',
					scores: {},
					version: 1,
					createdAt: assignedAt,
					updatedAt: assignedAt,
					submittedAt: null
				});
			}
		}
	}
	return plans;
}

// --- The first round: a shortlist --------------------------------------------------------------------

export interface DemoDecisionPlan {
	candidacyId: number;
	outcome: 'shortlisted';
	basis: 'consensus' | 'vote';
	votesFor: number | null;
	votesAgainst: number | null;
	abstentions: number | null;
	note: string | null;
}

export interface DemoRoundPlan {
	number: 1;
	kind: 'shortlist';
	createdAt: string;
	minutesApprovedAt: string;
	closedAt: string;
	decisions: DemoDecisionPlan[];
	minutes: string;
}

const consensusNotes = [
	'Unanimous: exemplary cooperation between departments.',
	'The jury values the external evaluation and the published results.',
	'Strong participation of the people concerned in the design.',
	'Several jurors highlighted how easily it could be transferred.'
];

/**
 * Round 1 of the deliberation, closed: the best-ranked candidacies shortlisted (the first ones by
 * consensus, the last, borderline ones by a vote of the jurors who may judge them), with the minutes the
 * chair approved. The jury works in English, its common language.
 */
export function planShortlistRound(input: {
	/** Admitted candidacy ids, best first (the results' ranking). */
	ranking: readonly number[];
	/** How many jurors may vote on each candidacy (those without a standing conflict). */
	voters: ReadonlyMap<number, number>;
	jury: readonly { name: string; isChair: boolean; cityName: string | null }[];
	counts: { admitted: number; rejected: number; waiting: number; reviews: number; submitted: number };
	size?: number;
	seed?: number;
}): DemoRoundPlan {
	const random = mulberry32((input.seed ?? awardSeed) + 2);
	const size = Math.min(input.size ?? 12, input.ranking.length);
	const shortlisted = input.ranking.slice(0, size);
	const votedFrom = Math.max(0, size - 3);
	const decisions: DemoDecisionPlan[] = shortlisted.map((candidacyId, i) => {
		if (i < votedFrom) {
			return {
				candidacyId,
				outcome: 'shortlisted',
				basis: 'consensus',
				votesFor: null,
				votesAgainst: null,
				abstentions: null,
				note: i % 3 === 0 ? consensusNotes[(i / 3) % consensusNotes.length] : null
			};
		}
		const voters = Math.max(3, input.voters.get(candidacyId) ?? input.jury.length);
		const against = between(random, 1, Math.floor((voters - 1) / 2));
		const abstentions = voters - against > against + 1 && random() < 0.5 ? 1 : 0;
		return {
			candidacyId,
			outcome: 'shortlisted',
			basis: 'vote',
			votesFor: voters - against - abstentions,
			votesAgainst: against,
			abstentions,
			note: 'Borderline: shortlisted by vote after discussing the spread of the scores.'
		};
	});
	const chair = input.jury.find((j) => j.isChair);
	const members = input.jury.filter((j) => !j.isChair).map((j) => (j.cityName ? `${j.name} (${j.cityName})` : `${j.name} (specialist)`));
	const consensus = decisions.filter((d) => d.basis === 'consensus').length;
	const { counts } = input;
	const minutes = [
		'Educating Cities Award 2026 — Jury, first session (shortlist)',
		'Online meeting, 27 January 2026, 15:00–18:30 (Central European Time). Working language: English.',
		'',
		`Present: ${chair ? `${chair.name} (chair), ` : ''}${members.join(', ')}. The secretariat attended without a vote.`,
		'',
		`1. Admissibility. The secretariat reported ${counts.admitted} admitted candidacies, ${counts.rejected} rejected at the admissibility check (the cities were told why) and ${counts.waiting} still being checked.`,
		'2. Conflicts of interest. No juror took part in the discussion of candidacies from their own city. The chair’s decisions on the flagged conflicts (same country, shared networks) are recorded on the jury page; candidacies with a pending conflict were discussed without the juror concerned.',
		`3. Scores. ${counts.submitted} of ${counts.reviews} reviews had been submitted. The jury examined the ranking with raw and normalised scores side by side, and the spread between jurors; it noted that one juror scores consistently lower, which the normalised figures correct. Outstanding reviews will be completed before the second session.`,
		`4. Decisions. The jury shortlisted ${decisions.length} candidacies: ${consensus} by consensus and ${decisions.length - consensus} by vote after discussion. They go forward to the selection of the finalists.`,
		'5. Next session: selection of the finalists and the winners, in February 2026.',
		'',
		`Approved by the chair${chair ? `, ${chair.name}` : ''}, on 27 January 2026.`
	].join('\n');
	return {
		number: 1,
		kind: 'shortlist',
		createdAt: '2026-01-27T13:45:00.000Z',
		minutesApprovedAt: '2026-01-27T17:40:00.000Z',
		closedAt: '2026-01-27T17:45:00.000Z',
		decisions,
		minutes
	};
}
