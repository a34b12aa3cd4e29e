// Experiences for the demo and the benchmark, generated without touching a database: the same inputs
// (cities, count, seed, today) always give the same records. seed.ts loads about 600 of them (most
// published through the bulk loader, a handful taken through the workflow by the service); `npm run
// bench` loads 100,000 published ones.
//
// Texts are composed from phrase banks per topic, written in the four languages of the platform,
// with the city woven in; a record's translations are the same choices rendered in another
// language, so they really are translations. Cities write in their own language where the
// platform has it (Spanish, Portuguese, French), in English otherwise.
import type { Locale } from '../../shared/i18n.ts';
import type { ExperienceFields } from '../../shared/experiences/schemas.ts';
import type { BudgetRange, ExperienceStatus, TerritoryScope, TranslatableField } from '../../shared/experiences/constants.ts';
import { mulberry32, slugify } from './demo-data.ts';

export const experiencesSeed = 20_261_125;

/** A member city records can belong to. */
export interface ExperienceCity {
	id: number;
	name: string;
	countryCode: string;
	/** World region code (members' regionCodes). */
	region: string;
	/** Spoken languages (ISO 639), most used first, as on the city's profile. */
	languages: readonly string[];
	population: number | null;
}

export interface DemoExperience {
	/** Stable key: a second load skips records already there. */
	externalId: string;
	status: ExperienceStatus;
	featured: boolean;
	fields: ExperienceFields;
	/** The city enters its own record (it has a representative in the demo); otherwise the secretariat does. */
	enteredByCity: boolean;
	createdAt: string;
	submittedAt: string | null;
	firstPublishedAt: string | null;
	publishedAt: string | null;
	/** The reviewer's comment of a returned record, in the record's language. */
	returnComment: string | null;
}

export interface GenerateExperiencesInput {
	cities: readonly ExperienceCity[];
	count: number;
	/** YYYY-MM-DD: nothing is published or started after it. */
	today: string;
	seed?: number;
	/** Spread over workflow states (the demo) rather than all published (the benchmark). */
	workflow?: boolean;
	/** Cities with a representative account: they get a few records of their own in draft and returned. */
	representedCityIds?: readonly number[];
	/** How many published records are featured (default 12). */
	featured?: number;
	externalIdPrefix?: string;
}

type Random = () => number;
type Tx = readonly [es: string, en: string, fr: string, pt: string];
const languageIndex: Record<Locale, number> = { es: 0, en: 1, fr: 2, pt: 3 };
const allLanguages: readonly Locale[] = ['es', 'en', 'fr', 'pt'];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
	const total = items.reduce((sum, [, w]) => sum + w, 0);
	let roll = random() * total;
	for (const [item, weight] of items) {
		roll -= weight;
		if (roll < 0) return item;
	}
	return items[items.length - 1][0];
}
function shuffled<T>(random: Random, items: readonly T[]): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}
/** `count` distinct indices of `length`, in random order. */
function sample(random: Random, length: number, count: number): number[] {
	return shuffled(
		random,
		Array.from({ length }, (_, i) => i)
	).slice(0, Math.min(count, length));
}

// --- Phrase banks -------------------------------------------------------------------------------
// Placeholders: {city}; {dept} (the name of a municipal department: Concejalía / Secretaría,
// Departamento / Secretaria Municipal). Aims are infinitive clauses ("to …" in English); activities
// are noun phrases (with their article in French); objectives are sentences.

interface Project {
	title: Tx;
	aim: Tx;
}

interface TopicBank {
	code: string;
	principles: readonly number[];
	targets: readonly string[];
	sdgs: readonly number[];
	projects: readonly Project[];
	context: readonly Tx[];
	activities: readonly Tx[];
	objectives: readonly Tx[];
	agents: readonly Tx[];
}

const project = (title: Tx, aim: Tx): Project => ({ title, aim });

const topicBanks: readonly TopicBank[] = [
	{
		code: 'environment',
		principles: [13, 6, 11, 2],
		targets: ['children', 'families', 'general-public', 'educators'],
		sdgs: [13, 11, 15, 12, 4],
		projects: [
			project(
				['Huertos urbanos comunitarios', 'Community urban gardens', 'Jardins partagés de quartier', 'Hortas urbanas comunitárias'],
				[
					'convertir solares en desuso en huertos cuidados por el vecindario y las escuelas',
					'turn disused plots into gardens looked after by neighbours and schools',
					'transformer des terrains délaissés en jardins cultivés par les habitants et les écoles',
					'transformar terrenos abandonados em hortas cuidadas pelos moradores e pelas escolas'
				]
			),
			project(
				['Escuelas por el clima', 'Schools for the climate', 'Écoles pour le climat', 'Escolas pelo clima'],
				[
					'implicar al alumnado en la reducción del consumo energético de sus propios centros',
					'involve pupils in cutting the energy use of their own schools',
					"associer les élèves à la réduction de la consommation d'énergie de leur école",
					'envolver os alunos na redução do consumo de energia das suas próprias escolas'
				]
			),
			project(
				['Compostaje en los barrios', 'Neighbourhood composting', 'Compostage de quartier', 'Compostagem nos bairros'],
				[
					'reducir los residuos orgánicos con compostadoras comunitarias gestionadas por voluntariado',
					'reduce food waste with community composters run by volunteers',
					'réduire les biodéchets grâce à des composteurs collectifs animés par des bénévoles',
					'reduzir os resíduos orgânicos com compostores comunitários geridos por voluntários'
				]
			),
			project(
				[
					'Itinerarios educativos junto al río',
					'Riverside learning trails',
					'Sentiers éducatifs au bord de la rivière',
					'Percursos educativos junto ao rio'
				],
				[
					'dar a conocer la biodiversidad del río a escolares y familias mediante itinerarios guiados',
					"introduce school groups and families to the river's wildlife along guided trails",
					'faire découvrir la biodiversité de la rivière aux scolaires et aux familles par des parcours guidés',
					'dar a conhecer a biodiversidade do rio a escolas e famílias através de percursos guiados'
				]
			)
		],
		context: [
			[
				'{city} quiere que el medio ambiente se aprenda en la calle, en el parque y en el patio, y no solo en los libros de texto.',
				'{city} wants children to learn about the environment in the street, the park and the schoolyard, not only from textbooks.',
				"{city} veut que l'environnement s'apprenne dans la rue, au parc et dans la cour de récréation, et pas seulement dans les manuels.",
				'{city} quer que o ambiente se aprenda na rua, no parque e no recreio, e não apenas nos manuais escolares.'
			],
			[
				'La emergencia climática obliga a actuar desde lo local, y {city} ha decidido hacerlo con la escuela y el vecindario como protagonistas.',
				'The climate emergency calls for local action, and {city} chose to put schools and neighbours at the heart of it.',
				"L'urgence climatique appelle une action locale, et {city} a choisi d'en confier le premier rôle aux écoles et aux habitants.",
				'A emergência climática exige ação local, e {city} decidiu dar o papel principal às escolas e aos moradores.'
			]
		],
		activities: [
			[
				'talleres quincenales de huerto y compostaje en los centros educativos',
				'fortnightly gardening and composting workshops in schools',
				'des ateliers de jardinage et de compostage tous les quinze jours dans les écoles',
				'oficinas quinzenais de horta e compostagem nas escolas'
			],
			[
				'auditorías energéticas hechas por el propio alumnado',
				'energy audits carried out by the pupils themselves',
				'des audits énergétiques réalisés par les élèves eux-mêmes',
				'auditorias energéticas feitas pelos próprios alunos'
			],
			[
				'jornadas de plantación abiertas a las familias',
				'tree-planting days open to families',
				'des journées de plantation ouvertes aux familles',
				'dias de plantação abertos às famílias'
			]
		],
		objectives: [
			[
				'Reducir la huella de carbono de los equipamientos educativos municipales.',
				'Reduce the carbon footprint of municipal educational buildings.',
				"Réduire l'empreinte carbone des équipements éducatifs municipaux.",
				'Reduzir a pegada de carbono dos equipamentos educativos municipais.'
			],
			[
				'Acercar la naturaleza a la infancia que crece en barrios densos.',
				'Bring nature closer to children growing up in dense neighbourhoods.',
				'Rapprocher la nature des enfants qui grandissent dans des quartiers denses.',
				'Aproximar a natureza das crianças que crescem em bairros densos.'
			]
		],
		agents: [
			[
				'{dept} de Medio Ambiente, asociaciones vecinales y escuelas públicas del distrito',
				"Environment Department, residents' associations and the district's state schools",
				"Direction de l'environnement, associations d'habitants et écoles publiques du quartier",
				'{dept} de Ambiente, associações de moradores e escolas públicas do bairro'
			],
			[
				'{dept} de Educación, servicio de parques y jardines y una cooperativa de educación ambiental',
				'Education Department, parks service and an environmental education cooperative',
				"Direction de l'éducation, service des espaces verts et une coopérative d'éducation à l'environnement",
				'{dept} de Educação, serviço de espaços verdes e uma cooperativa de educação ambiental'
			]
		]
	},
	{
		code: 'equal-opportunities',
		principles: [1, 18, 3, 2],
		targets: ['children', 'families', 'adolescents'],
		sdgs: [4, 10, 1],
		projects: [
			project(
				[
					'Plan Municipal de Educación Inclusiva',
					'Municipal Inclusive Education Plan',
					"Plan municipal d'éducation inclusive",
					'Plano Municipal de Educação Inclusiva'
				],
				[
					'garantizar que cada niña y cada niño, también con discapacidad o en situación de pobreza, aprenda en la escuela de su barrio',
					'make sure every child, including those with disabilities or living in poverty, can learn at their local school',
					'garantir que chaque enfant, y compris en situation de handicap ou de pauvreté, puisse apprendre dans l’école de son quartier',
					'garantir que cada criança, incluindo com deficiência ou em situação de pobreza, aprenda na escola do seu bairro'
				]
			),
			project(
				[
					'Becas de comedor y material escolar',
					'School meal and supplies grants',
					'Aides à la cantine et aux fournitures scolaires',
					'Apoios para refeições e material escolar'
				],
				[
					'asegurar que ninguna familia renuncie al comedor o al material escolar por falta de recursos',
					'ensure that no family goes without school meals or supplies for lack of money',
					"veiller à ce qu'aucune famille ne renonce à la cantine ou aux fournitures faute de moyens",
					'assegurar que nenhuma família abdica das refeições ou do material escolar por falta de recursos'
				]
			),
			project(
				[
					'Refuerzo escolar en las bibliotecas',
					'Homework clubs in public libraries',
					'Accompagnement scolaire dans les bibliothèques',
					'Apoio ao estudo nas bibliotecas'
				],
				[
					'ofrecer acompañamiento escolar gratuito por las tardes en las bibliotecas de barrio',
					'offer free after-school homework support in neighbourhood libraries',
					"proposer un accompagnement scolaire gratuit en fin d'après-midi dans les bibliothèques de quartier",
					'oferecer apoio ao estudo gratuito ao fim da tarde nas bibliotecas de bairro'
				]
			),
			project(
				['Brecha digital cero', 'Closing the digital divide', 'Zéro fracture numérique', 'Inclusão digital para todas as famílias'],
				[
					'dotar de dispositivos, conexión y formación a las familias que no pueden seguir la escuela en línea',
					'provide devices, connections and training to families who cannot follow school online',
					"fournir équipements, connexion et formation aux familles qui ne peuvent pas suivre l'école en ligne",
					'dotar de equipamentos, ligação à internet e formação as famílias que não conseguem acompanhar a escola online'
				]
			)
		],
		context: [
			[
				'En {city}, el código postal todavía pesa demasiado en los resultados escolares de niñas y niños.',
				"In {city}, a child's postcode still weighs too heavily on how well they do at school.",
				'À {city}, le quartier où grandit un enfant pèse encore trop lourd sur sa réussite scolaire.',
				'Em {city}, o bairro onde uma criança cresce ainda pesa demasiado nos seus resultados escolares.'
			],
			[
				'La igualdad de oportunidades empieza mucho antes del aula, y {city} ha querido actuar en todo lo que rodea a la escuela.',
				'Equal opportunities start long before the classroom, so {city} decided to act on everything around the school.',
				"L'égalité des chances commence bien avant la salle de classe : {city} a décidé d'agir sur tout ce qui entoure l'école.",
				'A igualdade de oportunidades começa muito antes da sala de aula, e {city} decidiu agir em tudo o que rodeia a escola.'
			]
		],
		activities: [
			[
				'un equipo de apoyo que acompaña a cada centro en la atención a la diversidad',
				'a support team that helps each school cater for diversity',
				"une équipe d'appui qui aide chaque école à accueillir la diversité",
				'uma equipa de apoio que acompanha cada escola na resposta à diversidade'
			],
			[
				'tardes de estudio acompañadas por voluntariado universitario',
				'study afternoons supported by university volunteers',
				"des après-midi d'étude encadrés par des bénévoles étudiants",
				'tardes de estudo acompanhadas por voluntários universitários'
			],
			[
				'un fondo municipal de ayudas tramitado directamente desde la escuela',
				'a municipal grant fund that schools can apply to directly',
				"un fonds municipal d'aides sollicité directement par l'école",
				'um fundo municipal de apoios pedido diretamente pela escola'
			]
		],
		objectives: [
			[
				'Reducir el abandono escolar temprano en los barrios con más dificultades.',
				'Reduce early school leaving in the neighbourhoods facing the most difficulties.',
				'Réduire le décrochage scolaire dans les quartiers les plus en difficulté.',
				'Reduzir o abandono escolar precoce nos bairros com mais dificuldades.'
			],
			[
				'Que ninguna niña ni ningún niño quede fuera de una actividad por motivos económicos.',
				'Make sure no child is left out of an activity for financial reasons.',
				"Qu'aucun enfant ne soit exclu d'une activité pour des raisons financières.",
				'Que nenhuma criança fique de fora de uma atividade por razões económicas.'
			]
		],
		agents: [
			[
				'{dept} de Educación, servicios sociales municipales, escuelas públicas y asociaciones de familias',
				"Education Department, municipal social services, state schools and parents' associations",
				"Direction de l'éducation, services sociaux municipaux, écoles publiques et associations de parents d'élèves",
				'{dept} de Educação, serviços sociais municipais, escolas públicas e associações de pais'
			],
			[
				'{dept} de Educación, red de bibliotecas municipales y la universidad',
				'Education Department, the municipal library network and the university',
				"Direction de l'éducation, réseau des bibliothèques municipales et l'université",
				'{dept} de Educação, rede de bibliotecas municipais e a universidade'
			]
		]
	},
	{
		code: 'childhood',
		principles: [1, 2, 5, 11, 8],
		targets: ['early-childhood', 'children', 'families'],
		sdgs: [4, 3, 10],
		projects: [
			project(
				['La ciudad de las niñas y los niños', 'The city of children', 'La ville des enfants', 'A cidade das crianças'],
				[
					'mirar la ciudad a la altura de la infancia y cambiarla según lo que proponen niñas y niños',
					'look at the city from a child’s height and change it according to what children propose',
					'regarder la ville à hauteur d’enfant et la transformer selon leurs propositions',
					'olhar a cidade à altura das crianças e mudá-la de acordo com as suas propostas'
				]
			),
			project(
				[
					'Espacios de crianza compartida',
					'Shared parenting spaces for under-threes',
					'Lieux d’accueil enfants-parents',
					'Espaços de partilha para famílias com bebés'
				],
				[
					'ofrecer a las familias con bebés lugares de encuentro, juego y orientación en cada distrito',
					'give families with babies places to meet, play and get advice in every district',
					'offrir aux familles avec de jeunes enfants des lieux de rencontre, de jeu et de conseil dans chaque quartier',
					'oferecer às famílias com bebés espaços de encontro, brincadeira e orientação em cada bairro'
				]
			),
			project(
				['Patios escolares abiertos', 'Open schoolyards', 'Cours d’école ouvertes', 'Recreios escolares abertos'],
				[
					'abrir los patios de las escuelas como espacios de juego para el barrio fuera del horario lectivo',
					'open school playgrounds to the neighbourhood as play areas outside school hours',
					'ouvrir les cours d’école au quartier comme espaces de jeu en dehors du temps scolaire',
					'abrir os recreios das escolas ao bairro como espaços de brincadeira fora do horário letivo'
				]
			),
			project(
				['Calles para jugar', 'Street play days', 'Rues aux enfants', 'Brincar na rua'],
				[
					'cerrar calles al tráfico de forma periódica para que la infancia recupere el juego en la calle',
					'close streets to traffic regularly so that children can play outside again',
					'fermer régulièrement des rues à la circulation pour que les enfants retrouvent le jeu dehors',
					'fechar ruas ao trânsito com regularidade para que as crianças voltem a brincar na rua'
				]
			)
		],
		context: [
			[
				'{city} asume que una ciudad buena para la infancia es una ciudad buena para todas las personas.',
				'{city} believes that a city that is good for children is a city that is good for everyone.',
				'{city} part du principe qu’une ville bonne pour les enfants est bonne pour tout le monde.',
				'{city} parte do princípio de que uma cidade boa para as crianças é boa para todas as pessoas.'
			],
			[
				'Los primeros años de vida son decisivos, y en {city} muchas familias jóvenes crían sin red de apoyo cercana.',
				'The first years of life are decisive, and many young families in {city} are raising children without support nearby.',
				'Les premières années sont décisives, et à {city} beaucoup de jeunes familles élèvent leurs enfants sans entourage proche.',
				'Os primeiros anos de vida são decisivos, e em {city} muitas famílias jovens criam os filhos sem rede de apoio próxima.'
			]
		],
		activities: [
			[
				'un consejo de la infancia que se reúne cada mes con el equipo de gobierno',
				"a children's council that meets the mayor's team every month",
				'un conseil des enfants qui rencontre chaque mois l’équipe municipale',
				'um conselho das crianças que reúne todos os meses com o executivo municipal'
			],
			[
				'sesiones de juego libre acompañadas por educadoras y educadores de calle',
				'free-play sessions run by street educators',
				'des séances de jeu libre encadrées par des éducateurs de rue',
				'sessões de brincadeira livre acompanhadas por educadores de rua'
			],
			[
				'grupos de familias con bebés coordinados por profesionales de la salud y la educación',
				'groups for parents of babies led by health and education professionals',
				'des groupes de parents de bébés animés par des professionnels de la santé et de l’éducation',
				'grupos de pais com bebés orientados por profissionais de saúde e educação'
			]
		],
		objectives: [
			[
				'Escuchar la voz de la infancia en las decisiones que le afectan.',
				'Give children a say in the decisions that affect them.',
				'Faire entendre la voix des enfants dans les décisions qui les concernent.',
				'Dar voz às crianças nas decisões que lhes dizem respeito.'
			],
			[
				'Acompañar a las familias en la crianza desde el nacimiento.',
				'Support families in bringing up their children from birth.',
				'Accompagner les familles dans l’éducation de leurs enfants dès la naissance.',
				'Acompanhar as famílias na educação dos filhos desde o nascimento.'
			]
		],
		agents: [
			[
				'{dept} de Infancia, escuelas infantiles municipales, centros de salud y asociaciones de familias',
				'Children’s Services, municipal nurseries, health centres and family associations',
				'Direction de la petite enfance, crèches municipales, centres de santé et associations familiales',
				'{dept} da Infância, creches municipais, centros de saúde e associações de famílias'
			],
			[
				'{dept} de Urbanismo, {dept} de Educación y un grupo de niñas y niños asesores',
				'Planning and Education Departments and a panel of child advisers',
				'Directions de l’urbanisme et de l’éducation et un groupe d’enfants conseillers',
				'{dept} de Urbanismo, {dept} de Educação e um grupo de crianças conselheiras'
			]
		]
	},
	{
		code: 'youth',
		principles: [16, 19, 20, 8],
		targets: ['youth', 'adolescents'],
		sdgs: [8, 4, 16],
		projects: [
			project(
				[
					'Presupuestos participativos juveniles',
					'Youth participatory budgeting',
					'Budget participatif des jeunes',
					'Orçamento participativo jovem'
				],
				[
					'que las personas jóvenes decidan en qué se invierte una parte del presupuesto municipal',
					'let young people decide how part of the municipal budget is spent',
					'permettre aux jeunes de décider de l’utilisation d’une partie du budget municipal',
					'deixar os jovens decidir como se investe uma parte do orçamento municipal'
				]
			),
			project(
				[
					'Puntos de información juvenil en los institutos',
					'Youth information points in secondary schools',
					'Points information jeunesse dans les lycées',
					'Pontos de informação juvenil nas escolas secundárias'
				],
				[
					'acercar la información sobre estudios, empleo, salud y ocio a los institutos, de joven a joven',
					'bring information on studies, jobs, health and leisure into secondary schools, from young people to young people',
					'apporter dans les lycées une information sur les études, l’emploi, la santé et les loisirs, de jeune à jeune',
					'levar às escolas secundárias informação sobre estudos, emprego, saúde e lazer, de jovem para jovem'
				]
			),
			project(
				['Primera experiencia laboral', 'First job programme', 'Premier emploi', 'Programa primeiro emprego'],
				[
					'ofrecer a jóvenes sin experiencia un primer contrato acompañado de formación',
					'offer young people without experience a first job contract with training attached',
					'proposer aux jeunes sans expérience un premier contrat accompagné d’une formation',
					'oferecer aos jovens sem experiência um primeiro contrato acompanhado de formação'
				]
			),
			project(
				['Espacios jóvenes autogestionados', 'Youth-run community spaces', 'Espaces jeunes autogérés', 'Espaços jovens autogeridos'],
				[
					'ceder equipamientos municipales a colectivos juveniles que los gestionan con apoyo técnico',
					'hand municipal buildings over to youth groups who run them with professional support',
					'confier des équipements municipaux à des collectifs de jeunes qui les gèrent avec un appui professionnel',
					'ceder equipamentos municipais a coletivos juvenis que os gerem com apoio técnico'
				]
			)
		],
		context: [
			[
				'En {city}, muchos jóvenes sentían que la ciudad decidía por ellos sin contar con ellos.',
				'Many young people in {city} felt that the city made decisions for them without involving them.',
				'À {city}, beaucoup de jeunes avaient le sentiment que la ville décidait pour eux sans eux.',
				'Em {city}, muitos jovens sentiam que a cidade decidia por eles sem contar com eles.'
			],
			[
				'El paro juvenil y la falta de espacios propios son dos preocupaciones constantes de la juventud de {city}.',
				'Youth unemployment and the lack of spaces of their own are two constant concerns of young people in {city}.',
				'Le chômage des jeunes et le manque de lieux à eux sont deux préoccupations constantes de la jeunesse de {city}.',
				'O desemprego jovem e a falta de espaços próprios são duas preocupações constantes da juventude de {city}.'
			]
		],
		activities: [
			[
				'asambleas abiertas en institutos y centros juveniles',
				'open assemblies in secondary schools and youth centres',
				'des assemblées ouvertes dans les lycées et les maisons de jeunes',
				'assembleias abertas nas escolas secundárias e centros de juventude'
			],
			[
				'tutorías individuales con personal de orientación laboral',
				'one-to-one mentoring with careers advisers',
				'des entretiens individuels avec des conseillers en insertion',
				'tutorias individuais com técnicos de orientação profissional'
			],
			[
				'una votación en línea y presencial de los proyectos propuestos por jóvenes',
				'an online and in-person vote on the projects proposed by young people',
				'un vote en ligne et en présentiel sur les projets proposés par les jeunes',
				'uma votação online e presencial dos projetos propostos pelos jovens'
			]
		],
		objectives: [
			[
				'Reconocer a las personas jóvenes como ciudadanía de pleno derecho.',
				'Recognise young people as full citizens.',
				'Reconnaître les jeunes comme des citoyens à part entière.',
				'Reconhecer os jovens como cidadãos de pleno direito.'
			],
			[
				'Facilitar la transición de la escuela al empleo.',
				'Ease the transition from school to work.',
				'Faciliter le passage de l’école à l’emploi.',
				'Facilitar a transição da escola para o emprego.'
			]
		],
		agents: [
			[
				'{dept} de Juventud, institutos de secundaria y el consejo local de la juventud',
				'Youth Department, secondary schools and the local youth council',
				'Direction de la jeunesse, lycées et collèges, et le conseil local des jeunes',
				'{dept} da Juventude, escolas secundárias e o conselho municipal de juventude'
			],
			[
				'{dept} de Empleo, {dept} de Juventud, empresas del territorio y entidades de inserción',
				'Employment and Youth Departments, local businesses and job-placement organisations',
				'Directions de l’emploi et de la jeunesse, entreprises locales et structures d’insertion',
				'{dept} do Emprego, {dept} da Juventude, empresas locais e entidades de inserção'
			]
		]
	},
	{
		code: 'elderly',
		principles: [5, 1, 14, 10],
		targets: ['older-people', 'children', 'families'],
		sdgs: [3, 10, 4],
		projects: [
			project(
				['Aulas de la experiencia', 'University of the third age', 'Université du temps libre', 'Universidade sénior'],
				[
					'ofrecer a las personas mayores cursos y actividades para seguir aprendiendo y participando',
					'offer older people courses and activities so they keep learning and taking part',
					'proposer aux seniors des cours et des activités pour continuer à apprendre et à participer',
					'oferecer às pessoas idosas cursos e atividades para continuarem a aprender e a participar'
				]
			),
			project(
				['Abuelas y abuelos en la escuela', 'Grandparents in the classroom', 'Les grands-parents à l’école', 'Avós na escola'],
				[
					'llevar a las aulas el saber y la memoria de las personas mayores del barrio',
					"bring the knowledge and memories of the neighbourhood's older people into classrooms",
					'faire entrer dans les classes le savoir et la mémoire des aînés du quartier',
					'levar para as salas de aula o saber e a memória das pessoas mais velhas do bairro'
				]
			),
			project(
				[
					'Convivencia intergeneracional',
					'Intergenerational home sharing',
					'Cohabitation intergénérationnelle',
					'Partilha de casa entre gerações'
				],
				[
					'poner en contacto a estudiantes que buscan alojamiento con personas mayores que viven solas',
					'match students looking for a room with older people who live alone',
					'mettre en relation des étudiants qui cherchent un logement et des personnes âgées vivant seules',
					'pôr em contacto estudantes à procura de alojamento e pessoas idosas que vivem sozinhas'
				]
			),
			project(
				['Memoria de los barrios', 'Neighbourhood memory archive', 'Mémoire des quartiers', 'Memória dos bairros'],
				[
					'recoger con el alumnado los testimonios de las personas mayores sobre la historia de cada barrio',
					"collect older people's stories about the history of each neighbourhood together with pupils",
					'recueillir avec les élèves les témoignages des aînés sur l’histoire de chaque quartier',
					'recolher com os alunos os testemunhos das pessoas idosas sobre a história de cada bairro'
				]
			)
		],
		context: [
			[
				'{city} envejece, y cada vez más personas mayores viven solas y lejos de la vida del barrio.',
				'{city} is ageing, and more and more older people live alone, cut off from neighbourhood life.',
				'{city} vieillit, et de plus en plus de personnes âgées vivent seules, à l’écart de la vie du quartier.',
				'{city} está a envelhecer, e cada vez mais pessoas idosas vivem sozinhas e afastadas da vida do bairro.'
			],
			[
				'En {city}, abuelas, abuelos y nietos comparten cada vez menos tiempo y espacios.',
				'In {city}, grandparents and grandchildren share less and less time and space.',
				'À {city}, grands-parents et petits-enfants partagent de moins en moins de temps et d’espaces.',
				'Em {city}, avós e netos partilham cada vez menos tempo e espaços.'
			]
		],
		activities: [
			[
				'sesiones semanales en las que mayores y escolares aprenden juntos',
				'weekly sessions where older people and schoolchildren learn together',
				'des séances hebdomadaires où aînés et écoliers apprennent ensemble',
				'sessões semanais em que idosos e alunos aprendem juntos'
			],
			[
				'cursos de competencias digitales impartidos por estudiantes',
				'digital skills courses taught by students',
				'des cours de compétences numériques donnés par des étudiants',
				'cursos de competências digitais dados por estudantes'
			],
			[
				'un archivo sonoro abierto con las entrevistas realizadas',
				'an open sound archive of the interviews recorded',
				'une archive sonore ouverte des entretiens enregistrés',
				'um arquivo sonoro aberto com as entrevistas realizadas'
			]
		],
		objectives: [
			[
				'Combatir la soledad no deseada de las personas mayores.',
				'Tackle loneliness among older people.',
				'Lutter contre l’isolement des personnes âgées.',
				'Combater a solidão não desejada das pessoas idosas.'
			],
			[
				'Reconocer a las personas mayores como agentes educativos de la ciudad.',
				'Recognise older people as educators in their own right.',
				'Reconnaître les aînés comme des acteurs éducatifs de la ville.',
				'Reconhecer as pessoas idosas como agentes educativos da cidade.'
			]
		],
		agents: [
			[
				'{dept} de Personas Mayores, centros de día, escuelas de primaria y la universidad',
				'Older People’s Services, day centres, primary schools and the university',
				'Service des aînés, accueils de jour, écoles élémentaires et l’université',
				'{dept} de Ação Social, centros de dia, escolas do primeiro ciclo e a universidade'
			],
			[
				'{dept} de Servicios Sociales, asociaciones de jubilados y el archivo municipal',
				"Social Services, pensioners' associations and the municipal archive",
				'Services sociaux, associations de retraités et les archives municipales',
				'{dept} de Ação Social, associações de reformados e o arquivo municipal'
			]
		]
	},
	{
		code: 'gender',
		principles: [3, 17, 20, 15],
		targets: ['women', 'adolescents', 'educators'],
		sdgs: [5, 10, 16],
		projects: [
			project(
				['Coeducación en las escuelas', 'Co-education in schools', 'Coéducation à l’école', 'Coeducação nas escolas'],
				[
					'revisar con los equipos docentes los materiales, los patios y las rutinas para educar en igualdad',
					'review teaching materials, playgrounds and routines with teachers so that schools educate for equality',
					'revoir avec les équipes enseignantes les supports, les cours de récréation et les habitudes pour éduquer à l’égalité',
					'rever com os professores os materiais, os recreios e as rotinas para educar para a igualdade'
				]
			),
			project(
				[
					'Puntos violeta en las fiestas',
					'Safe points against sexual harassment at festivals',
					'Points d’écoute contre les violences sexistes en fête',
					'Pontos violeta nas festas'
				],
				[
					'prevenir las agresiones machistas en las fiestas populares e informar a quien las sufre',
					'prevent sexist aggression at local festivals and help anyone who suffers it',
					'prévenir les violences sexistes lors des fêtes populaires et aider les personnes qui en sont victimes',
					'prevenir as agressões sexistas nas festas populares e apoiar quem as sofre'
				]
			),
			project(
				['Chicas y tecnología', 'Girls in technology', 'Les filles et le numérique', 'Raparigas e tecnologia'],
				[
					'despertar vocaciones científicas y tecnológicas entre las chicas de secundaria',
					'spark interest in science and technology careers among secondary school girls',
					'susciter des vocations scientifiques et techniques chez les collégiennes et les lycéennes',
					'despertar vocações científicas e tecnológicas entre as raparigas do ensino secundário'
				]
			),
			project(
				[
					'Urbanismo con perspectiva de género',
					'Gender-aware urban planning',
					'Urbanisme et égalité femmes-hommes',
					'Urbanismo com perspetiva de género'
				],
				[
					'rediseñar calles y plazas a partir de marchas exploratorias con mujeres del barrio',
					'redesign streets and squares after exploratory walks with women from the neighbourhood',
					'réaménager rues et places à partir de marches exploratoires avec des habitantes',
					'redesenhar ruas e praças a partir de marchas exploratórias com mulheres do bairro'
				]
			)
		],
		context: [
			[
				'Los estereotipos de género se aprenden pronto, y {city} ha decidido trabajarlos desde la escuela y el espacio público.',
				'Gender stereotypes are learned early, so {city} decided to address them at school and in public space.',
				'Les stéréotypes de genre s’apprennent tôt : {city} a décidé de les travailler à l’école et dans l’espace public.',
				'Os estereótipos de género aprendem-se cedo, e {city} decidiu trabalhá-los na escola e no espaço público.'
			],
			[
				'Las encuestas municipales de {city} mostraban que muchas mujeres evitaban ciertas calles y horarios.',
				"{city}'s municipal surveys showed that many women avoided certain streets at certain times.",
				'Les enquêtes municipales de {city} montraient que beaucoup de femmes évitaient certaines rues à certaines heures.',
				'Os inquéritos municipais de {city} mostravam que muitas mulheres evitavam certas ruas e horários.'
			]
		],
		activities: [
			[
				'formación en coeducación para los equipos docentes',
				'co-education training for teaching staff',
				'des formations à la coéducation pour les équipes enseignantes',
				'formação em coeducação para os professores'
			],
			[
				'marchas exploratorias nocturnas con vecinas de cada distrito',
				'night-time exploratory walks with women from each district',
				'des marches exploratoires nocturnes avec des habitantes de chaque quartier',
				'marchas exploratórias noturnas com moradoras de cada bairro'
			],
			[
				'talleres de programación y robótica solo para chicas',
				'coding and robotics workshops for girls only',
				'des ateliers de programmation et de robotique réservés aux filles',
				'oficinas de programação e robótica só para raparigas'
			]
		],
		objectives: [
			[
				'Prevenir la violencia de género desde las edades más tempranas.',
				'Prevent gender-based violence from the earliest ages.',
				'Prévenir les violences de genre dès le plus jeune âge.',
				'Prevenir a violência de género desde as idades mais precoces.'
			],
			[
				'Aumentar la presencia de mujeres en los estudios científicos y técnicos.',
				'Increase the number of women in science and technical studies.',
				'Augmenter la part des femmes dans les études scientifiques et techniques.',
				'Aumentar a presença de mulheres nos estudos científicos e técnicos.'
			]
		],
		agents: [
			[
				'{dept} de Igualdad, centros educativos y asociaciones de mujeres',
				"Equality Department, schools and women's associations",
				'Mission égalité femmes-hommes, établissements scolaires et associations féministes',
				'{dept} da Igualdade, escolas e associações de mulheres'
			],
			[
				'{dept} de Igualdad, comisiones de fiestas y la policía local',
				'Equality Department, festival committees and the local police',
				'Mission égalité, comités des fêtes et police municipale',
				'{dept} da Igualdade, comissões de festas e a polícia municipal'
			]
		]
	},
	{
		code: 'culture',
		principles: [4, 10, 1, 7],
		targets: ['children', 'adolescents', 'general-public'],
		sdgs: [4, 11, 10],
		projects: [
			project(
				['Música en los barrios', 'Music in every neighbourhood', 'Orchestres de quartier', 'Música nos bairros'],
				[
					'crear orquestas infantiles gratuitas en los barrios con menos oferta cultural',
					'set up free children’s orchestras in neighbourhoods with few cultural activities',
					'créer des orchestres d’enfants gratuits dans les quartiers les moins dotés en offre culturelle',
					'criar orquestras infantis gratuitas nos bairros com menos oferta cultural'
				]
			),
			project(
				['El museo va a la escuela', 'The museum goes to school', 'Le musée à l’école', 'O museu vai à escola'],
				[
					'llevar las colecciones de los museos municipales a las aulas y las aulas a los museos',
					'bring the collections of the municipal museums into classrooms, and classes into the museums',
					'faire entrer les collections des musées municipaux dans les classes, et les classes dans les musées',
					'levar as coleções dos museus municipais às salas de aula e as turmas aos museus'
				]
			),
			project(
				['Bibliotecas vivas', 'Living libraries', 'Bibliothèques vivantes', 'Bibliotecas vivas'],
				[
					'convertir las bibliotecas en centros culturales de proximidad abiertos a todas las edades',
					'turn libraries into local cultural centres open to all ages',
					'faire des bibliothèques des lieux culturels de proximité ouverts à tous les âges',
					'transformar as bibliotecas em centros culturais de proximidade abertos a todas as idades'
				]
			),
			project(
				[
					'Artistas en residencia en los centros educativos',
					'Artists in residence in schools',
					'Artistes en résidence dans les écoles',
					'Artistas residentes nas escolas'
				],
				[
					'que artistas locales creen obra junto al alumnado durante todo un curso escolar',
					'have local artists create work alongside pupils for a whole school year',
					'permettre à des artistes locaux de créer avec les élèves pendant toute une année scolaire',
					'pôr artistas locais a criar com os alunos durante todo um ano letivo'
				]
			)
		],
		context: [
			[
				'El acceso a la cultura sigue siendo desigual en {city}: depende del barrio y del bolsillo de cada familia.',
				"Access to culture is still unequal in {city}: it depends on the neighbourhood and on each family's income.",
				'L’accès à la culture reste inégal à {city} : il dépend du quartier et des moyens de chaque famille.',
				'O acesso à cultura continua desigual em {city}: depende do bairro e dos recursos de cada família.'
			],
			[
				'{city} cuenta con un rico patrimonio cultural que muchos de sus habitantes más jóvenes no conocían.',
				'{city} has a rich cultural heritage that many of its youngest residents did not know.',
				'{city} possède un riche patrimoine culturel que beaucoup de ses plus jeunes habitants ne connaissaient pas.',
				'{city} tem um rico património cultural que muitos dos seus habitantes mais jovens não conheciam.'
			]
		],
		activities: [
			[
				'ensayos semanales y conciertos trimestrales abiertos al barrio',
				'weekly rehearsals and quarterly concerts open to the neighbourhood',
				'des répétitions hebdomadaires et des concerts trimestriels ouverts au quartier',
				'ensaios semanais e concertos trimestrais abertos ao bairro'
			],
			[
				'maletas didácticas con piezas y documentos de los museos',
				'teaching kits with objects and documents from the museums',
				'des mallettes pédagogiques avec des objets et des documents des musées',
				'malas pedagógicas com peças e documentos dos museus'
			],
			[
				'clubes de lectura y creación en varias lenguas',
				'reading and creative writing clubs in several languages',
				'des clubs de lecture et d’écriture en plusieurs langues',
				'clubes de leitura e escrita criativa em várias línguas'
			]
		],
		objectives: [
			[
				'Garantizar el derecho a la cultura de toda la infancia de la ciudad.',
				'Guarantee every child in the city the right to culture.',
				'Garantir le droit à la culture de tous les enfants de la ville.',
				'Garantir o direito à cultura de todas as crianças da cidade.'
			],
			[
				'Fortalecer la identidad y el sentimiento de pertenencia a la ciudad.',
				'Strengthen people’s sense of identity and belonging to the city.',
				'Renforcer l’identité et le sentiment d’appartenance à la ville.',
				'Reforçar a identidade e o sentimento de pertença à cidade.'
			]
		],
		agents: [
			[
				'{dept} de Cultura, escuelas municipales de música, museos y bibliotecas',
				'Culture Department, municipal music schools, museums and libraries',
				'Direction des affaires culturelles, conservatoire, musées et bibliothèques',
				'{dept} de Cultura, escolas municipais de música, museus e bibliotecas'
			],
			[
				'{dept} de Cultura, {dept} de Educación y colectivos artísticos locales',
				'Culture and Education Departments and local artists’ collectives',
				'Directions de la culture et de l’éducation et collectifs d’artistes locaux',
				'{dept} de Cultura, {dept} de Educação e coletivos artísticos locais'
			]
		]
	},
	{
		code: 'coexistence-peace',
		principles: [17, 20, 3, 19],
		targets: ['adolescents', 'youth', 'educators', 'general-public'],
		sdgs: [16, 10, 4],
		projects: [
			project(
				[
					'Mediación escolar y comunitaria',
					'School and community mediation',
					'Médiation scolaire et de quartier',
					'Mediação escolar e comunitária'
				],
				[
					'formar a alumnado, profesorado y vecindario para resolver los conflictos mediante el diálogo',
					'train pupils, teachers and residents to resolve conflicts through dialogue',
					'former élèves, enseignants et habitants à résoudre les conflits par le dialogue',
					'formar alunos, professores e moradores para resolver os conflitos através do diálogo'
				]
			),
			project(
				['Escuelas de paz', 'Schools of peace', 'Écoles de la paix', 'Escolas de paz'],
				[
					'hacer de cada escuela un espacio de educación para la paz y los derechos humanos',
					'make every school a place of education for peace and human rights',
					'faire de chaque école un lieu d’éducation à la paix et aux droits humains',
					'fazer de cada escola um espaço de educação para a paz e os direitos humanos'
				]
			),
			project(
				[
					'Itinerarios de memoria y derechos humanos',
					'Memory and human rights trails',
					'Parcours mémoire et droits humains',
					'Percursos de memória e direitos humanos'
				],
				[
					'recorrer con el alumnado los lugares de memoria de la ciudad para reflexionar sobre el presente',
					"walk pupils through the city's places of memory to reflect on the present",
					'parcourir avec les élèves les lieux de mémoire de la ville pour réfléchir au présent',
					'percorrer com os alunos os lugares de memória da cidade para refletir sobre o presente'
				]
			),
			project(
				['Convivencia en los barrios', 'Good neighbours programme', 'Bien vivre ensemble dans les quartiers', 'Convivência nos bairros'],
				[
					'mejorar la convivencia vecinal con agentes cívicos y actividades compartidas en la calle',
					'improve relations between neighbours with community wardens and shared activities in the street',
					'améliorer les relations de voisinage grâce à des médiateurs et à des activités partagées dans la rue',
					'melhorar a convivência entre vizinhos com mediadores e atividades partilhadas na rua'
				]
			)
		],
		context: [
			[
				'{city} es una ciudad diversa en la que convivir también se aprende.',
				'{city} is a diverse city where living together is also something people learn.',
				'{city} est une ville diverse où le vivre-ensemble s’apprend aussi.',
				'{city} é uma cidade diversa onde a convivência também se aprende.'
			],
			[
				'Tras varios conflictos en el espacio público, {city} decidió apostar por la prevención y el diálogo.',
				'After several conflicts in public space, {city} decided to invest in prevention and dialogue.',
				'Après plusieurs conflits dans l’espace public, {city} a choisi de miser sur la prévention et le dialogue.',
				'Depois de vários conflitos no espaço público, {city} decidiu apostar na prevenção e no diálogo.'
			]
		],
		activities: [
			[
				'equipos de mediación entre iguales en cada instituto',
				'peer mediation teams in every secondary school',
				'des équipes de médiation par les pairs dans chaque collège',
				'equipas de mediação entre pares em cada escola secundária'
			],
			[
				'visitas guiadas a lugares de memoria con materiales didácticos propios',
				'guided visits to places of memory with purpose-made teaching materials',
				'des visites guidées de lieux de mémoire avec des supports pédagogiques dédiés',
				'visitas guiadas a lugares de memória com materiais pedagógicos próprios'
			],
			[
				'fiestas vecinales organizadas con las comunidades de cada barrio',
				'street parties organised with the communities of each neighbourhood',
				'des fêtes de quartier organisées avec les habitants de chaque communauté',
				'festas de bairro organizadas com as comunidades de cada zona'
			]
		],
		objectives: [
			[
				'Reducir los conflictos de convivencia en centros educativos y en la calle.',
				'Reduce conflicts in schools and in the street.',
				'Réduire les conflits dans les établissements scolaires et dans la rue.',
				'Reduzir os conflitos nas escolas e na rua.'
			],
			[
				'Educar en el respeto a los derechos humanos y la memoria democrática.',
				'Educate for respect for human rights and democratic memory.',
				'Éduquer au respect des droits humains et à la mémoire démocratique.',
				'Educar para o respeito pelos direitos humanos e pela memória democrática.'
			]
		],
		agents: [
			[
				'{dept} de Convivencia, institutos, servicio de mediación y entidades vecinales',
				"Community Relations Department, secondary schools, the mediation service and residents' groups",
				'Service de la tranquillité publique, collèges, service de médiation et associations de quartier',
				'{dept} de Coesão Social, escolas secundárias, serviço de mediação e associações de moradores'
			],
			[
				'{dept} de Derechos Humanos, archivo municipal y asociaciones memorialistas',
				'Human Rights Office, the municipal archive and remembrance associations',
				'Mission droits humains, archives municipales et associations de mémoire',
				'{dept} de Direitos Humanos, arquivo municipal e associações de memória'
			]
		]
	},
	{
		code: 'citizen-participation',
		principles: [8, 19, 7, 9],
		targets: ['general-public', 'children', 'youth'],
		sdgs: [16, 11, 17],
		projects: [
			project(
				[
					'Escuela de participación ciudadana',
					'School of citizen participation',
					'École de la participation citoyenne',
					'Escola de participação cidadã'
				],
				[
					'formar a vecinas, vecinos y asociaciones para que participen con más fuerza en las decisiones municipales',
					'train residents and associations to take a stronger part in municipal decisions',
					'former habitants et associations pour qu’ils prennent davantage part aux décisions municipales',
					'formar moradores e associações para que participem com mais força nas decisões municipais'
				]
			),
			project(
				[
					'Foros de participación infantil',
					"Children's participation forums",
					'Forums de participation des enfants',
					'Fóruns de participação infantil'
				],
				[
					'que niñas y niños debatan y presenten propuestas al pleno municipal cada año',
					'have children debate and present proposals to the city council every year',
					'permettre aux enfants de débattre et de présenter chaque année des propositions au conseil municipal',
					'pôr as crianças a debater e a apresentar propostas à assembleia municipal todos os anos'
				]
			),
			project(
				[
					'Presupuestos participativos en las escuelas',
					'Participatory budgeting in schools',
					'Budget participatif dans les écoles',
					'Orçamento participativo nas escolas'
				],
				[
					'que el alumnado decida, proponga y vote cómo mejorar su escuela con un presupuesto propio',
					'let pupils propose and vote on how to improve their school with a budget of their own',
					'permettre aux élèves de proposer et de voter des améliorations pour leur école avec un budget dédié',
					'deixar os alunos propor e votar como melhorar a sua escola com um orçamento próprio'
				]
			),
			project(
				['Consejos de barrio', 'Neighbourhood councils', 'Conseils de quartier', 'Conselhos de bairro'],
				[
					'crear en cada barrio un órgano estable de diálogo entre vecindario, entidades y gobierno municipal',
					'set up in each neighbourhood a standing forum for dialogue between residents, associations and the council',
					'créer dans chaque quartier une instance permanente de dialogue entre habitants, associations et municipalité',
					'criar em cada bairro um órgão permanente de diálogo entre moradores, associações e município'
				]
			)
		],
		context: [
			[
				'La participación en {city} se limitaba a unas pocas entidades de siempre; hacía falta abrirla a más voces.',
				'Participation in {city} was limited to a few long-standing organisations; it had to open up to more voices.',
				'À {city}, la participation se limitait à quelques associations historiques ; il fallait l’ouvrir à d’autres voix.',
				'A participação em {city} limitava-se a poucas associações de sempre; era preciso abri-la a mais vozes.'
			],
			[
				'{city} entiende la participación como un aprendizaje que empieza en la escuela.',
				'{city} sees participation as something people learn, starting at school.',
				'{city} conçoit la participation comme un apprentissage qui commence à l’école.',
				'{city} entende a participação como uma aprendizagem que começa na escola.'
			]
		],
		activities: [
			[
				'sesiones de formación sobre cómo funciona el ayuntamiento',
				'training sessions on how the city council works',
				'des formations sur le fonctionnement de la mairie',
				'sessões de formação sobre o funcionamento do município'
			],
			[
				'asambleas de clase y de centro para elaborar propuestas',
				'class and school assemblies to draw up proposals',
				'des assemblées de classe et d’école pour élaborer des propositions',
				'assembleias de turma e de escola para elaborar propostas'
			],
			[
				'una plataforma digital de propuestas y votaciones',
				'a digital platform for proposals and votes',
				'une plateforme numérique de propositions et de votes',
				'uma plataforma digital de propostas e votações'
			]
		],
		objectives: [
			[
				'Ampliar y diversificar la participación ciudadana.',
				'Broaden and diversify citizen participation.',
				'Élargir et diversifier la participation citoyenne.',
				'Alargar e diversificar a participação cidadã.'
			],
			[
				'Que las propuestas de la ciudadanía se conviertan en decisiones y presupuesto.',
				"Turn residents' proposals into decisions and budget lines.",
				'Transformer les propositions des habitants en décisions et en budget.',
				'Transformar as propostas dos cidadãos em decisões e orçamento.'
			]
		],
		agents: [
			[
				'{dept} de Participación Ciudadana, consejos de barrio y centros educativos',
				'Citizen Participation Office, neighbourhood councils and schools',
				'Direction de la démocratie participative, conseils de quartier et écoles',
				'{dept} de Participação Cidadã, conselhos de bairro e escolas'
			],
			[
				'{dept} de Participación, {dept} de Educación y la federación de asociaciones vecinales',
				"Participation and Education Departments and the federation of residents' associations",
				'Directions de la participation et de l’éducation et la fédération des associations d’habitants',
				'{dept} de Participação, {dept} de Educação e a federação de associações de moradores'
			]
		]
	},
	{
		code: 'social-inclusion',
		principles: [17, 3, 18, 16],
		targets: ['migrants', 'disabilities', 'families', 'adults'],
		sdgs: [10, 1, 4, 8],
		projects: [
			project(
				[
					'Acogida de familias recién llegadas',
					'Welcoming newly arrived families',
					'Accueil des familles nouvellement arrivées',
					'Acolhimento de famílias recém-chegadas'
				],
				[
					'acompañar a las familias recién llegadas en sus primeros meses en la ciudad y en la escuela',
					'support newly arrived families through their first months in the city and at school',
					'accompagner les familles nouvellement arrivées pendant leurs premiers mois dans la ville et à l’école',
					'acompanhar as famílias recém-chegadas nos primeiros meses na cidade e na escola'
				]
			),
			project(
				['Ocio inclusivo', 'Inclusive leisure', 'Loisirs inclusifs', 'Lazer inclusivo'],
				[
					'que niñas y niños con discapacidad participen en las mismas actividades de ocio que el resto',
					'make sure children with disabilities take part in the same leisure activities as everyone else',
					'permettre aux enfants en situation de handicap de participer aux mêmes loisirs que les autres',
					'garantir que as crianças com deficiência participam nas mesmas atividades de lazer que as outras'
				]
			),
			project(
				[
					'Aprender la lengua en el barrio',
					'Language learning in the neighbourhood',
					'Apprendre la langue dans le quartier',
					'Aprender a língua no bairro'
				],
				[
					'ofrecer clases de lengua cercanas y gratuitas a personas adultas de origen extranjero',
					'offer free local language classes to adults of foreign origin',
					'proposer des cours de langue gratuits et de proximité aux adultes d’origine étrangère',
					'oferecer aulas de língua gratuitas e de proximidade a adultos de origem estrangeira'
				]
			),
			project(
				['Segunda oportunidad educativa', 'Second-chance education', 'École de la deuxième chance', 'Segunda oportunidade educativa'],
				[
					'devolver a la formación a jóvenes que dejaron la escuela sin titulación',
					'bring young people who left school without qualifications back into education',
					'ramener vers la formation des jeunes sortis de l’école sans diplôme',
					'trazer de volta à formação jovens que deixaram a escola sem qualificações'
				]
			)
		],
		context: [
			[
				'En la última década, {city} ha recibido a muchas familias de otros países que necesitan un primer punto de apoyo.',
				'Over the last decade {city} has welcomed many families from other countries who need somewhere to start.',
				'Au cours de la dernière décennie, {city} a accueilli de nombreuses familles venues d’autres pays qui ont besoin d’un premier appui.',
				'Na última década, {city} recebeu muitas famílias de outros países que precisam de um primeiro apoio.'
			],
			[
				'{city} quiere que la diversidad funcional y de origen se viva como una riqueza y no como una barrera.',
				'{city} wants differences of ability and origin to be seen as a strength rather than a barrier.',
				'{city} veut que la diversité des capacités et des origines soit vécue comme une richesse et non comme un obstacle.',
				'{city} quer que a diversidade funcional e de origem seja vivida como uma riqueza e não como uma barreira.'
			]
		],
		activities: [
			[
				'un servicio de acogida con mediación intercultural en varias lenguas',
				'a welcome service with intercultural mediation in several languages',
				'un service d’accueil avec médiation interculturelle en plusieurs langues',
				'um serviço de acolhimento com mediação intercultural em várias línguas'
			],
			[
				'monitores de apoyo en colonias, campamentos y actividades deportivas',
				'support workers at holiday clubs, camps and sports activities',
				'des animateurs d’appui dans les centres de loisirs, les colonies et les activités sportives',
				'monitores de apoio em colónias de férias, campos e atividades desportivas'
			],
			[
				'itinerarios formativos personalizados con prácticas en empresas',
				'tailored training pathways with work placements',
				'des parcours de formation personnalisés avec des stages en entreprise',
				'percursos formativos personalizados com estágios em empresas'
			]
		],
		objectives: [
			[
				'Facilitar la plena participación en la vida de la ciudad de las personas recién llegadas.',
				'Help newcomers take a full part in the life of the city.',
				'Faciliter la pleine participation des nouveaux arrivants à la vie de la ville.',
				'Facilitar a plena participação das pessoas recém-chegadas na vida da cidade.'
			],
			[
				'Eliminar las barreras que excluyen a las personas con discapacidad del ocio y la formación.',
				'Remove the barriers that keep people with disabilities out of leisure and training.',
				'Lever les obstacles qui excluent les personnes handicapées des loisirs et de la formation.',
				'Eliminar as barreiras que excluem as pessoas com deficiência do lazer e da formação.'
			]
		],
		agents: [
			[
				'{dept} de Servicios Sociales, oficina de acogida, escuelas de adultos y entidades de apoyo a personas migrantes',
				"Social Services, the welcome office, adult schools and migrants' support organisations",
				'Services sociaux, bureau d’accueil, centres de formation pour adultes et associations d’aide aux migrants',
				'{dept} de Ação Social, gabinete de acolhimento, escolas de adultos e associações de apoio a migrantes'
			],
			[
				'{dept} de Inclusión, federaciones de entidades de discapacidad y clubes deportivos',
				'Inclusion Department, disability federations and sports clubs',
				'Direction de l’inclusion, fédérations d’associations du handicap et clubs sportifs',
				'{dept} de Inclusão, federações de associações de pessoas com deficiência e clubes desportivos'
			]
		]
	},
	{
		code: 'healthy-living',
		principles: [14, 11, 13, 12],
		targets: ['children', 'families', 'adolescents'],
		sdgs: [3, 2, 12],
		projects: [
			project(
				[
					'Comedores escolares saludables y sostenibles',
					'Healthy, sustainable school meals',
					'Cantines scolaires saines et durables',
					'Refeições escolares saudáveis e sustentáveis'
				],
				[
					'servir en los comedores escolares menús saludables con producto local y de temporada',
					'serve healthy school meals made with local, seasonal produce',
					'servir dans les cantines des repas équilibrés à base de produits locaux et de saison',
					'servir nas cantinas escolares refeições saudáveis com produtos locais e da época'
				]
			),
			project(
				['Salud emocional adolescente', 'Adolescent mental health', 'Santé mentale des adolescents', 'Saúde mental dos adolescentes'],
				[
					'ofrecer a adolescentes y familias un espacio gratuito de escucha y apoyo psicológico',
					'offer teenagers and their families a free place to talk and get psychological support',
					'offrir aux adolescents et à leurs familles un lieu gratuit d’écoute et de soutien psychologique',
					'oferecer aos adolescentes e às famílias um espaço gratuito de escuta e apoio psicológico'
				]
			),
			project(
				['Rutas saludables por la ciudad', 'Healthy walking routes', 'Parcours santé en ville', 'Percursos saudáveis na cidade'],
				[
					'señalizar recorridos a pie por la ciudad y animar a caminar a todas las edades',
					'signpost walking routes across the city and encourage people of all ages to walk',
					'baliser des parcours à pied dans la ville et inciter tous les âges à marcher',
					'sinalizar percursos a pé pela cidade e incentivar todas as idades a caminhar'
				]
			),
			project(
				[
					'Desayunos saludables en la escuela',
					'Healthy breakfast clubs',
					'Petits déjeuners équilibrés à l’école',
					'Pequenos-almoços saudáveis na escola'
				],
				[
					'garantizar un desayuno completo a niñas y niños antes de empezar las clases',
					'make sure children have a proper breakfast before lessons start',
					'garantir aux enfants un petit déjeuner complet avant le début des cours',
					'garantir às crianças um pequeno-almoço completo antes do início das aulas'
				]
			)
		],
		context: [
			[
				'El sobrepeso infantil y el malestar emocional de adolescentes preocupan a los servicios de salud de {city}.',
				"Childhood obesity and teenagers' emotional distress worry {city}'s health services.",
				'Le surpoids des enfants et le mal-être des adolescents inquiètent les services de santé de {city}.',
				'O excesso de peso infantil e o mal-estar emocional dos adolescentes preocupam os serviços de saúde de {city}.'
			],
			[
				'{city} entiende la salud como algo que se aprende en la escuela, en la mesa y en la calle.',
				'{city} sees health as something learned at school, at the table and in the street.',
				'{city} considère la santé comme quelque chose qui s’apprend à l’école, à table et dans la rue.',
				'{city} entende a saúde como algo que se aprende na escola, à mesa e na rua.'
			]
		],
		activities: [
			[
				'compra pública de alimentos a productores de la comarca',
				'public procurement of food from local producers',
				'des achats publics de denrées auprès de producteurs locaux',
				'compras públicas de alimentos a produtores locais'
			],
			[
				'talleres de cocina para familias en los centros cívicos',
				'cooking workshops for families in community centres',
				'des ateliers de cuisine pour les familles dans les centres sociaux',
				'oficinas de cozinha para famílias nos centros comunitários'
			],
			[
				'un servicio de atención psicológica sin cita previa para jóvenes',
				'a walk-in psychological support service for young people',
				'un service d’écoute psychologique sans rendez-vous pour les jeunes',
				'um serviço de apoio psicológico sem marcação para jovens'
			]
		],
		objectives: [
			[
				'Reducir la obesidad infantil y mejorar los hábitos alimentarios.',
				'Reduce childhood obesity and improve eating habits.',
				'Réduire l’obésité infantile et améliorer les habitudes alimentaires.',
				'Reduzir a obesidade infantil e melhorar os hábitos alimentares.'
			],
			[
				'Detectar a tiempo el malestar emocional de adolescentes y jóvenes.',
				'Spot emotional distress in teenagers and young people early.',
				'Repérer à temps le mal-être des adolescents et des jeunes.',
				'Detetar a tempo o mal-estar emocional de adolescentes e jovens.'
			]
		],
		agents: [
			[
				'{dept} de Salud Pública, {dept} de Educación, centros de salud y comedores escolares',
				'Public Health and Education Departments, health centres and school kitchens',
				'Directions de la santé publique et de l’éducation, centres de santé et restauration scolaire',
				'{dept} de Saúde Pública, {dept} de Educação, centros de saúde e cantinas escolares'
			],
			[
				'{dept} de Salud, servicio de juventud y colegios profesionales de psicología',
				'Health Department, youth service and the professional association of psychologists',
				'Direction de la santé, service jeunesse et l’ordre des psychologues',
				'{dept} de Saúde, serviço de juventude e a ordem dos psicólogos'
			]
		]
	},
	{
		code: 'sport',
		principles: [14, 17, 11, 3],
		targets: ['children', 'adolescents', 'disabilities', 'women'],
		sdgs: [3, 5, 10],
		projects: [
			project(
				['Deporte en la escuela', 'Sport after school', 'Sport après l’école', 'Desporto na escola'],
				[
					'ofrecer deporte gratuito por las tardes en los patios y gimnasios escolares',
					'offer free after-school sport in school playgrounds and gyms',
					'proposer du sport gratuit après la classe dans les cours et gymnases scolaires',
					'oferecer desporto gratuito ao fim da tarde nos recreios e pavilhões escolares'
				]
			),
			project(
				['Deporte femenino de base', "Girls' grassroots sport", 'Sport féminin de proximité', 'Desporto feminino de base'],
				[
					'aumentar el número de chicas que practican deporte y que siguen haciéndolo en la adolescencia',
					'get more girls playing sport and keep them playing through their teenage years',
					'augmenter le nombre de filles qui font du sport et qui continuent à l’adolescence',
					'aumentar o número de raparigas que praticam desporto e que continuam na adolescência'
				]
			),
			project(
				[
					'Deporte adaptado para todas las personas',
					'Adapted sport for everyone',
					'Sport adapté pour tous',
					'Desporto adaptado para todos'
				],
				[
					'abrir las instalaciones deportivas municipales a personas con discapacidad con monitores formados',
					'open municipal sports facilities to people with disabilities, with trained coaches',
					'ouvrir les équipements sportifs municipaux aux personnes handicapées avec des éducateurs formés',
					'abrir as instalações desportivas municipais a pessoas com deficiência, com monitores formados'
				]
			),
			project(
				[
					'Juegos tradicionales en la plaza',
					'Traditional games in the square',
					'Jeux traditionnels sur la place',
					'Jogos tradicionais na praça'
				],
				[
					'recuperar los juegos tradicionales como actividad física compartida entre generaciones',
					'revive traditional games as physical activity shared between generations',
					'faire revivre les jeux traditionnels comme activité physique partagée entre générations',
					'recuperar os jogos tradicionais como atividade física partilhada entre gerações'
				]
			)
		],
		context: [
			[
				'En {city}, la práctica deportiva cae bruscamente a partir de los doce años, sobre todo entre las chicas.',
				'In {city}, the number of children doing sport drops sharply from the age of twelve, especially among girls.',
				'À {city}, la pratique sportive chute fortement à partir de douze ans, surtout chez les filles.',
				'Em {city}, a prática desportiva cai bruscamente a partir dos doze anos, sobretudo entre as raparigas.'
			],
			[
				'{city} considera el deporte una herramienta educativa de primer orden, más allá de la competición.',
				'{city} sees sport as a first-rate educational tool, beyond competition.',
				'{city} voit dans le sport un outil éducatif de premier plan, au-delà de la compétition.',
				'{city} considera o desporto uma ferramenta educativa de primeira ordem, para além da competição.'
			]
		],
		activities: [
			[
				'ligas escolares mixtas con reglas de juego limpio',
				'mixed school leagues with fair-play rules',
				'des championnats scolaires mixtes avec des règles de fair-play',
				'ligas escolares mistas com regras de jogo limpo'
			],
			[
				'formación en deporte adaptado para entrenadores y monitores',
				'adapted-sport training for coaches and instructors',
				'des formations au sport adapté pour les entraîneurs et les animateurs',
				'formação em desporto adaptado para treinadores e monitores'
			],
			[
				'jornadas de juegos en la calle con personas mayores y escolares',
				'street games days with older people and schoolchildren',
				'des journées de jeux dans la rue avec des aînés et des écoliers',
				'jornadas de jogos na rua com idosos e alunos'
			]
		],
		objectives: [
			[
				'Que la práctica deportiva no dependa del nivel económico de la familia.',
				"Make sure playing sport does not depend on a family's income.",
				'Que la pratique sportive ne dépende pas des revenus de la famille.',
				'Que a prática desportiva não dependa do nível económico da família.'
			],
			[
				'Reducir el abandono deportivo de las chicas adolescentes.',
				'Reduce the number of teenage girls who give up sport.',
				'Réduire l’abandon de la pratique sportive chez les adolescentes.',
				'Reduzir o abandono desportivo das raparigas adolescentes.'
			]
		],
		agents: [
			[
				'{dept} de Deportes, clubes deportivos del barrio y asociaciones de familias',
				"Sports Department, local sports clubs and parents' associations",
				'Direction des sports, clubs sportifs du quartier et associations de parents',
				'{dept} de Desporto, clubes desportivos do bairro e associações de pais'
			],
			[
				'{dept} de Deportes, federaciones de deporte adaptado y centros educativos',
				'Sports Department, adapted sport federations and schools',
				'Direction des sports, fédérations de sport adapté et établissements scolaires',
				'{dept} de Desporto, federações de desporto adaptado e escolas'
			]
		]
	},
	{
		code: 'urban-planning-public-space',
		principles: [11, 6, 12, 10],
		targets: ['children', 'general-public', 'older-people'],
		sdgs: [11, 3, 13],
		projects: [
			project(
				['Caminos escolares seguros', 'Safe routes to school', 'Chemins de l’école sûrs', 'Caminhos escolares seguros'],
				[
					'lograr que niñas y niños vayan a la escuela a pie o en bicicleta de forma autónoma y segura',
					'help children walk or cycle to school on their own, safely',
					'permettre aux enfants d’aller à l’école à pied ou à vélo, en autonomie et en sécurité',
					'permitir que as crianças vão para a escola a pé ou de bicicleta, com autonomia e segurança'
				]
			),
			project(
				['Entornos escolares pacificados', 'Car-free school streets', 'Rues scolaires apaisées', 'Ruas escolares sem carros'],
				[
					'liberar de coches las calles de las escuelas y convertirlas en plazas para jugar y encontrarse',
					'free school streets from cars and turn them into places to play and meet',
					'libérer les abords des écoles des voitures et en faire des places pour jouer et se retrouver',
					'libertar de carros as ruas das escolas e transformá-las em praças para brincar e conviver'
				]
			),
			project(
				[
					'Diseño participativo de plazas',
					'Co-designing public squares',
					'Co-conception des places publiques',
					'Desenho participado de praças'
				],
				[
					'diseñar las nuevas plazas con el vecindario y el alumnado de las escuelas cercanas',
					'design new squares together with residents and pupils from nearby schools',
					'concevoir les nouvelles places avec les habitants et les élèves des écoles voisines',
					'desenhar as novas praças com os moradores e os alunos das escolas vizinhas'
				]
			),
			project(
				['La ciudad como aula', 'The city as a classroom', 'La ville comme salle de classe', 'A cidade como sala de aula'],
				[
					'ofrecer a las escuelas un programa de actividades en equipamientos, calles y servicios de la ciudad',
					"offer schools a programme of activities in the city's facilities, streets and services",
					'proposer aux écoles un programme d’activités dans les équipements, les rues et les services de la ville',
					'oferecer às escolas um programa de atividades nos equipamentos, ruas e serviços da cidade'
				]
			)
		],
		context: [
			[
				'Las calles de {city} se diseñaron durante décadas pensando en el coche y no en quienes caminan.',
				"For decades {city}'s streets were designed for cars rather than for the people who walk them.",
				'Pendant des décennies, les rues de {city} ont été pensées pour la voiture plutôt que pour les piétons.',
				'Durante décadas, as ruas de {city} foram desenhadas a pensar no automóvel e não em quem anda a pé.'
			],
			[
				'{city} entiende el espacio público como el primer espacio educativo de la ciudad.',
				"{city} sees public space as the city's first place of learning.",
				'{city} considère l’espace public comme le premier espace éducatif de la ville.',
				'{city} entende o espaço público como o primeiro espaço educativo da cidade.'
			]
		],
		activities: [
			[
				'mapas de recorridos escolares elaborados con el alumnado',
				'maps of school routes drawn up with pupils',
				'des cartes des trajets scolaires réalisées avec les élèves',
				'mapas dos percursos escolares elaborados com os alunos'
			],
			[
				'comercios amigos que acogen a la infancia en caso de necesidad',
				'friendly shops where children can go if they need help',
				'des commerces amis qui accueillent les enfants en cas de besoin',
				'lojas amigas que acolhem as crianças em caso de necessidade'
			],
			[
				'urbanismo táctico con pintura, mobiliario y vegetación en los accesos escolares',
				'tactical urbanism with paint, street furniture and plants at school gates',
				'de l’urbanisme tactique avec peinture, mobilier et végétation aux abords des écoles',
				'urbanismo tático com pintura, mobiliário e vegetação nos acessos às escolas'
			]
		],
		objectives: [
			[
				'Recuperar la autonomía de la infancia en sus desplazamientos diarios.',
				'Give children back their independence on their daily journeys.',
				'Rendre aux enfants leur autonomie dans leurs déplacements quotidiens.',
				'Devolver às crianças a autonomia nas deslocações diárias.'
			],
			[
				'Reducir el tráfico y la contaminación en los entornos escolares.',
				'Cut traffic and pollution around schools.',
				'Réduire la circulation et la pollution aux abords des écoles.',
				'Reduzir o trânsito e a poluição junto às escolas.'
			]
		],
		agents: [
			[
				'{dept} de Movilidad, {dept} de Educación, policía local y asociaciones de familias',
				"Transport and Education Departments, the local police and parents' associations",
				'Directions de la mobilité et de l’éducation, police municipale et associations de parents d’élèves',
				'{dept} de Mobilidade, {dept} de Educação, polícia municipal e associações de pais'
			],
			[
				'{dept} de Urbanismo, escuelas del barrio y un equipo de arquitectura social',
				'Planning Department, local schools and a community architecture team',
				'Direction de l’urbanisme, écoles du quartier et une équipe d’architectes participatifs',
				'{dept} de Urbanismo, escolas do bairro e uma equipa de arquitetura participativa'
			]
		]
	}
];

const topicByCode = new Map(topicBanks.map((t) => [t.code, t]));
export const demoTopicCodes: readonly string[] = topicBanks.map((t) => t.code);

/** Target groups as a plural noun phrase with its article (none in English). */
const targetPhrases: Record<string, Tx> = {
	'early-childhood': ['la primera infancia', 'young children', 'la petite enfance', 'a primeira infância'],
	children: ['las niñas y los niños', 'children', 'les enfants', 'as crianças'],
	adolescents: ['los y las adolescentes', 'teenagers', 'les adolescents', 'os adolescentes'],
	youth: ['las personas jóvenes', 'young people', 'les jeunes', 'os jovens'],
	adults: ['las personas adultas', 'adults', 'les adultes', 'os adultos'],
	'older-people': ['las personas mayores', 'older people', 'les personnes âgées', 'as pessoas idosas'],
	families: ['las familias', 'families', 'les familles', 'as famílias'],
	women: ['las mujeres', 'women', 'les femmes', 'as mulheres'],
	migrants: [
		'las personas migrantes y refugiadas',
		'migrants and refugees',
		'les personnes migrantes et réfugiées',
		'as pessoas migrantes e refugiadas'
	],
	disabilities: [
		'las personas con discapacidad',
		'people with disabilities',
		'les personnes en situation de handicap',
		'as pessoas com deficiência'
	],
	educators: [
		'el profesorado y los equipos educativos',
		'teachers and educators',
		'les enseignants et les éducateurs',
		'os professores e educadores'
	],
	'municipal-staff': ['el personal municipal', 'municipal staff', 'les agents municipaux', 'os técnicos municipais'],
	'general-public': ['la ciudadanía', 'residents', 'les habitants', 'a população']
};

const partnerPhrases: readonly Tx[] = [
	[
		'las escuelas públicas del barrio',
		"the neighbourhood's state schools",
		'les écoles publiques du quartier',
		'as escolas públicas do bairro'
	],
	['las asociaciones vecinales', "residents' associations", 'les associations d’habitants', 'as associações de moradores'],
	['las entidades sociales del distrito', 'local charities', 'les associations du quartier', 'as instituições sociais da zona'],
	['la universidad', 'the university', 'l’université', 'a universidade'],
	['las asociaciones de madres y padres', "parents' associations", 'les associations de parents d’élèves', 'as associações de pais'],
	['los centros de salud', 'health centres', 'les centres de santé', 'os centros de saúde'],
	['las bibliotecas municipales', 'the municipal libraries', 'les bibliothèques municipales', 'as bibliotecas municipais']
];

const genericActivities: readonly Tx[] = [
	[
		'formación específica para el personal municipal y docente',
		'dedicated training for municipal staff and teachers',
		'des formations dédiées aux agents municipaux et aux enseignants',
		'formação específica para técnicos municipais e professores'
	],
	[
		'una guía de buenas prácticas para otros barrios',
		'a good-practice guide for other neighbourhoods',
		'un guide de bonnes pratiques pour les autres quartiers',
		'um guia de boas práticas para outros bairros'
	],
	[
		'encuentros trimestrales con las familias',
		'quarterly meetings with families',
		'des rencontres trimestrielles avec les familles',
		'encontros trimestrais com as famílias'
	],
	[
		'una muestra final abierta a toda la ciudad',
		'a final exhibition open to the whole city',
		'une exposition finale ouverte à toute la ville',
		'uma mostra final aberta a toda a cidade'
	]
];

/** First phase of the methodology: a clause. */
const diagnosisPhrases: readonly Tx[] = [
	[
		'un diagnóstico participativo con el vecindario y los centros educativos identifica necesidades y recursos',
		'a participatory assessment with residents and schools maps needs and resources',
		'un diagnostic partagé avec les habitants et les écoles recense les besoins et les ressources',
		'um diagnóstico participativo com os moradores e as escolas identifica necessidades e recursos'
	],
	[
		'un grupo motor formado por técnicos municipales y entidades define el plan de trabajo',
		'a steering group of municipal staff and local organisations draws up the work plan',
		'un groupe de pilotage réunissant agents municipaux et associations définit le plan de travail',
		'um grupo dinamizador de técnicos municipais e entidades define o plano de trabalho'
	],
	[
		'una prueba piloto en dos barrios permite ajustar el proyecto',
		'a pilot in two neighbourhoods is used to fine-tune the project',
		'une phase pilote dans deux quartiers permet d’ajuster le projet',
		'um projeto-piloto em dois bairros permite ajustar a iniciativa'
	]
];

/** Last phase of the methodology: a clause. */
const evaluationPhrases: readonly Tx[] = [
	[
		'una comisión de seguimiento con todas las entidades revisa los resultados cada curso',
		'a monitoring committee of all the partners reviews the results every school year',
		'un comité de suivi réunissant tous les partenaires examine les résultats chaque année scolaire',
		'uma comissão de acompanhamento com todas as entidades avalia os resultados em cada ano letivo'
	],
	[
		'la evaluación combina indicadores cuantitativos con grupos de discusión con participantes',
		'the evaluation combines figures with focus groups of participants',
		'l’évaluation croise des indicateurs chiffrés et des groupes de discussion avec les participants',
		'a avaliação combina indicadores quantitativos com grupos de discussão com participantes'
	],
	[
		'la universidad acompaña la evaluación y publica un informe anual',
		'the university supports the evaluation and publishes a yearly report',
		'l’université accompagne l’évaluation et publie un rapport annuel',
		'a universidade acompanha a avaliação e publica um relatório anual'
	]
];

const genericObjectives: readonly Tx[] = [
	[
		'Reforzar la colaboración entre los servicios municipales y los centros educativos.',
		'Strengthen cooperation between municipal services and schools.',
		'Renforcer la coopération entre les services municipaux et les établissements scolaires.',
		'Reforçar a colaboração entre os serviços municipais e as escolas.'
	],
	[
		'Implicar a las familias en la vida educativa del barrio.',
		'Involve families in the educational life of the neighbourhood.',
		'Associer les familles à la vie éducative du quartier.',
		'Envolver as famílias na vida educativa do bairro.'
	],
	[
		'Hacer visible el potencial educativo de la ciudad.',
		'Make the educational potential of the city visible.',
		'Rendre visible le potentiel éducatif de la ville.',
		'Tornar visível o potencial educativo da cidade.'
	],
	[
		'Crear una red estable de entidades comprometidas con el proyecto.',
		'Build a lasting network of organisations committed to the project.',
		'Constituer un réseau durable de partenaires engagés dans le projet.',
		'Criar uma rede estável de entidades comprometidas com o projeto.'
	],
	[
		'Evaluar el impacto con indicadores compartidos y públicos.',
		'Measure the impact with shared, public indicators.',
		'Mesurer l’impact à l’aide d’indicateurs partagés et publics.',
		'Avaliar o impacto com indicadores partilhados e públicos.'
	]
];

const lessonPhrases: readonly Tx[] = [
	[
		'Implicar a las escuelas desde el diseño, y no solo en la ejecución, fue decisivo para que el proyecto arraigara.',
		'Involving schools from the design stage, not just in delivery, was what made the project take root.',
		'Associer les écoles dès la conception, et pas seulement à la mise en œuvre, a été décisif pour que le projet s’enracine.',
		'Envolver as escolas desde o desenho, e não só na execução, foi decisivo para que o projeto se enraizasse.'
	],
	[
		'La coordinación entre áreas municipales necesita una figura técnica estable que haga de puente.',
		'Coordination between municipal departments needs a permanent staff member who acts as a bridge.',
		'La coordination entre services municipaux demande un référent technique stable qui fasse le lien.',
		'A coordenação entre serviços municipais precisa de um técnico estável que faça a ponte.'
	],
	[
		'Escuchar a niñas, niños y jóvenes cambió nuestras prioridades: pidieron cosas más sencillas y útiles de lo previsto.',
		'Listening to children and young people changed our priorities: they asked for simpler, more useful things than we expected.',
		'Écouter les enfants et les jeunes a changé nos priorités : ils ont demandé des choses plus simples et plus utiles que prévu.',
		'Ouvir as crianças e os jovens mudou as nossas prioridades: pediram coisas mais simples e úteis do que o previsto.'
	],
	[
		'Sin evaluación desde el primer año es difícil defender la continuidad del presupuesto.',
		'Without evaluation from the first year it is hard to argue for the budget to continue.',
		'Sans évaluation dès la première année, il est difficile de défendre la reconduction du budget.',
		'Sem avaliação desde o primeiro ano é difícil defender a continuidade do orçamento.'
	],
	[
		'Los horarios deben adaptarse a las familias que trabajan; si no, se pierde a quienes más lo necesitan.',
		'Timetables have to suit working families; otherwise you lose the people who need it most.',
		'Les horaires doivent convenir aux familles qui travaillent, sinon on perd ceux qui en ont le plus besoin.',
		'Os horários têm de se adaptar às famílias que trabalham; caso contrário, perdem-se as que mais precisam.'
	],
	[
		'Comunicar en varias lenguas multiplicó la participación de las familias recién llegadas.',
		'Communicating in several languages multiplied the participation of newly arrived families.',
		'Communiquer en plusieurs langues a multiplié la participation des familles nouvellement arrivées.',
		'Comunicar em várias línguas multiplicou a participação das famílias recém-chegadas.'
	],
	[
		'Empezar a pequeña escala en un barrio piloto permitió corregir errores antes de extender la experiencia.',
		'Starting small in a pilot neighbourhood let us correct mistakes before scaling up.',
		'Commencer petit dans un quartier pilote a permis de corriger les erreurs avant d’étendre l’expérience.',
		'Começar em pequena escala num bairro-piloto permitiu corrigir erros antes de alargar a experiência.'
	],
	[
		'Las entidades del barrio conocen mejor que nadie a las personas a las que queremos llegar.',
		'Local organisations know the people we want to reach better than anyone.',
		'Les associations du quartier connaissent mieux que quiconque les personnes que nous voulons toucher.',
		'As entidades do bairro conhecem melhor do que ninguém as pessoas que queremos alcançar.'
	]
];

const fundingPhrases: readonly Tx[] = [
	[
		'Presupuesto municipal del área de Educación.',
		"The Education Department's own budget.",
		'Budget municipal de la direction de l’éducation.',
		'Orçamento municipal da área da Educação.'
	],
	[
		'Fondos municipales y una subvención del gobierno regional.',
		'Municipal funds and a grant from the regional government.',
		'Fonds municipaux et une subvention de la région.',
		'Fundos municipais e um apoio do governo regional.'
	],
	[
		'Presupuesto municipal y aportaciones de fundaciones privadas.',
		'Municipal budget plus contributions from private foundations.',
		'Budget municipal et contributions de fondations privées.',
		'Orçamento municipal e contributos de fundações privadas.'
	],
	[
		'Convenio entre el gobierno local y el Ministerio de Educación.',
		'An agreement between the city and the Ministry of Education.',
		'Convention entre la ville et le ministère de l’Éducation.',
		'Protocolo entre o município e o Ministério da Educação.'
	],
	[
		'Recursos municipales, con el trabajo voluntario de las entidades participantes.',
		'Municipal resources, with volunteer work from the partner organisations.',
		'Ressources municipales et bénévolat des associations partenaires.',
		'Recursos municipais, com o trabalho voluntário das entidades participantes.'
	]
];
const europeanFunding: Tx = [
	'Cofinanciado por fondos europeos y presupuesto municipal.',
	'Co-funded by European funds and the municipal budget.',
	'Cofinancé par des fonds européens et le budget municipal.',
	'Cofinanciado por fundos europeus e orçamento municipal.'
];

const returnComments: readonly Tx[] = [
	[
		'Gracias por el envío. Antes de publicarla, ¿podrían añadir resultados con datos concretos (participantes, centros, evaluación) y completar la financiación?',
		'Thank you for sending this. Before we publish it, could you add results with concrete figures (participants, schools, evaluation) and complete the funding section?',
		'Merci pour l’envoi. Avant publication, pourriez-vous ajouter des résultats chiffrés (participants, écoles, évaluation) et compléter le financement ?',
		'Obrigado pelo envio. Antes de publicar, podem acrescentar resultados com dados concretos (participantes, escolas, avaliação) e completar o financiamento?'
	],
	[
		'El resumen es demasiado general: por favor, expliquen en dos o tres frases qué hace el proyecto, con quién y desde cuándo.',
		'The summary is too general: please explain in two or three sentences what the project does, with whom and since when.',
		'Le résumé est trop général : merci d’expliquer en deux ou trois phrases ce que fait le projet, avec qui et depuis quand.',
		'O resumo é demasiado geral: expliquem, em duas ou três frases, o que faz o projeto, com quem e desde quando.'
	],
	[
		'Falta relacionar la experiencia con los principios de la Carta: indiquen cuáles trabaja y revisen los temas elegidos.',
		'Please link the experience to the principles of the Charter it works on, and check the topics you chose.',
		'Merci de relier l’expérience aux principes de la Charte sur lesquels elle porte et de revoir les thèmes choisis.',
		'Falta relacionar a experiência com os princípios da Carta: indiquem quais trabalha e revejam os temas escolhidos.'
	]
];

// --- Sentences -----------------------------------------------------------------------------------

interface Place {
	city: string;
	/** The city's government with its article: "el Ayuntamiento", "la Prefeitura", … */
	council: Tx;
	/** Name of a municipal department in agents lists (Spanish and Portuguese only). */
	dept: { es: string; pt: string };
}

const spanishCouncils: Record<string, string> = {
	ES: 'el Ayuntamiento',
	AR: 'la Municipalidad',
	UY: 'la Intendencia',
	MX: 'el Gobierno Municipal',
	CO: 'la Alcaldía',
	VE: 'la Alcaldía',
	PR: 'el Municipio'
};

function placeOf(city: ExperienceCity): Place {
	const es = spanishCouncils[city.countryCode] ?? (city.region === 'latin-america-caribbean' ? 'la Municipalidad' : 'el Ayuntamiento');
	const pt = city.countryCode === 'BR' ? 'a Prefeitura' : 'a Câmara Municipal';
	return {
		city: city.name,
		council: [es, 'the city council', 'la ville', pt],
		dept: {
			es: city.countryCode === 'ES' ? 'Concejalía' : 'Secretaría',
			pt: city.countryCode === 'BR' ? 'Secretaria Municipal' : 'Departamento'
		}
	};
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "de Lyon", "d’Angers"; also before an infinitive: "afin d’ouvrir". */
const frOf = (name: string) => (/^[aeiouyhàâéèêîôûAEIOUYHÀÂÉÈÊÎÔÛ]/.test(name) ? `d’${name}` : `de ${name}`);

/** "a las familias", "al profesorado"; "aux familles"; "às famílias"; English needs no change. */
function dative(language: Locale, phrase: string): string {
	switch (language) {
		case 'es':
			return phrase.startsWith('el ') ? `al ${phrase.slice(3)}` : `a ${phrase}`;
		case 'fr':
			return phrase.startsWith('les ') ? `aux ${phrase.slice(4)}` : phrase.startsWith('le ') ? `au ${phrase.slice(3)}` : `à ${phrase}`;
		case 'pt':
			return phrase.startsWith('os ')
				? `aos ${phrase.slice(3)}`
				: phrase.startsWith('as ')
					? `às ${phrase.slice(3)}`
					: phrase.startsWith('a ')
						? `à ${phrase.slice(2)}`
						: phrase.startsWith('o ')
							? `ao ${phrase.slice(2)}`
							: `a ${phrase}`;
		default:
			return phrase;
	}
}

const conjunction: Record<Locale, string> = { es: 'y', en: 'and', fr: 'et', pt: 'e' };
function joinList(language: Locale, items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	const last = items[items.length - 1];
	// Spanish "y" becomes "e" before an i- sound.
	const and = language === 'es' && /^h?i[^aeiouáéó]/i.test(last) ? 'e' : conjunction[language];
	return `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

function fill(text: string, place: Place, language: Locale): string {
	return text.replaceAll('{city}', place.city).replaceAll('{dept}', language === 'pt' ? place.dept.pt : place.dept.es);
}

const tx = (phrase: Tx, language: Locale) => phrase[languageIndex[language]];

/** Every choice a record's texts are made of; rendered once per language. */
interface TextPlan {
	topic: TopicBank;
	project: Project;
	titleForm: number;
	summaryForm: number;
	context: Tx;
	targets: string[];
	partners: Tx[];
	startYear: number;
	endYear: number | null;
	ongoing: boolean;
	activities: Tx[];
	diagnosis: Tx;
	evaluation: Tx;
	objectives: Tx[];
	agents: Tx;
	funding: Tx;
	results: { form: number; values: Record<string, number> }[];
	lessons: Tx[];
	/** Fields left empty (never title, summary or description of a published record). */
	missing: Set<TranslatableField>;
}

function renderTitle(plan: TextPlan, place: Place, language: Locale): string {
	const name = tx(plan.project.title, language);
	const city = place.city;
	switch (plan.titleForm) {
		case 1:
			return { es: `${name} en ${city}`, en: `${name} in ${city}`, fr: `${name} à ${city}`, pt: `${name} em ${city}` }[language];
		case 2:
			return `${city}: ${name}`;
		case 3:
			return { es: `${name} (${city})`, en: `${name} (${city})`, fr: `${name} (${city})`, pt: `${name} (${city})` }[language];
		default:
			return name;
	}
}

function renderSummary(plan: TextPlan, place: Place, language: Locale): string {
	const aim = tx(plan.project.aim, language);
	const city = place.city;
	const council = tx(place.council, language);
	const year = plan.startYear;
	const targets = joinList(
		language,
		plan.targets.map((t) => tx(targetPhrases[t], language))
	);
	const toTargets = joinList(
		language,
		plan.targets.map((t) => dative(language, tx(targetPhrases[t], language)))
	);
	const partners = joinList(
		language,
		plan.partners.map((p) => tx(p, language))
	);
	switch (language) {
		case 'es':
			return [
				`Desde ${year}, ${council} de ${city} trabaja para ${aim}, junto a ${partners}.`,
				`Iniciativa municipal de ${city} para ${aim}. Se dirige ${toTargets} y se desarrolla con ${partners}.`,
				`${city} impulsa un programa para ${aim}, pensado para ${targets}.`,
				`Un proyecto de ${city}, iniciado en ${year}, que busca ${aim} con la implicación de ${partners}.`
			][plan.summaryForm];
		case 'en':
			return [
				`Since ${year}, ${city} City Council has been working to ${aim}, together with ${partners}.`,
				`A municipal initiative in ${city} to ${aim}. It is aimed at ${targets} and run with ${partners}.`,
				`${city} runs a programme to ${aim}, designed for ${targets}.`,
				`A project from ${city}, started in ${year}, that sets out to ${aim} with the help of ${partners}.`
			][plan.summaryForm];
		case 'fr':
			return [
				`Depuis ${year}, la ville ${frOf(city)} s’emploie à ${aim}, avec ${partners}.`,
				`Une initiative municipale ${frOf(city)} pour ${aim}. Elle s’adresse ${toTargets} et associe ${partners}.`,
				`${city} mène un programme pour ${aim}, conçu pour ${targets}.`,
				`Un projet ${frOf(city)}, lancé en ${year}, qui vise à ${aim} avec ${partners}.`
			][plan.summaryForm];
		case 'pt':
			return [
				`Desde ${year}, ${council} de ${city} trabalha para ${aim}, em conjunto com ${partners}.`,
				`Uma iniciativa municipal de ${city} para ${aim}. Dirige-se ${toTargets} e é desenvolvida com ${partners}.`,
				`${city} promove um programa para ${aim}, pensado para ${targets}.`,
				`Um projeto de ${city}, iniciado em ${year}, que procura ${aim} com o envolvimento de ${partners}.`
			][plan.summaryForm];
	}
}

function renderDescription(plan: TextPlan, place: Place, language: Locale): string {
	const aim = tx(plan.project.aim, language);
	const city = place.city;
	const council = tx(place.council, language);
	const year = plan.startYear;
	const toTargets = joinList(
		language,
		plan.targets.map((t) => dative(language, tx(targetPhrases[t], language)))
	);
	const targets = joinList(
		language,
		plan.targets.map((t) => tx(targetPhrases[t], language))
	);
	const partners = joinList(
		language,
		plan.partners.map((p) => tx(p, language))
	);
	const activities = joinList(
		language,
		plan.activities.map((a) => tx(a, language))
	);
	const context = fill(tx(plan.context, language), place, language);
	const paragraphs: string[] = [context];
	switch (language) {
		case 'es':
			paragraphs.push(
				`${capitalise(council)} de ${city} puso en marcha la iniciativa en ${year} con el objetivo de ${aim}. Se dirige especialmente ${toTargets}, y cuenta con ${partners}.`,
				`Entre sus acciones destacan ${activities}.`,
				plan.ongoing
					? 'La experiencia sigue en marcha y se revisa cada año con las entidades participantes.'
					: plan.endYear
						? `Se desarrolló entre ${year} y ${plan.endYear}; parte de sus acciones se han incorporado a los servicios municipales ordinarios.`
						: `Tras una primera etapa, ${council} estudia cómo extenderla a toda la ciudad.`
			);
			break;
		case 'en':
			paragraphs.push(
				`${city} City Council launched the initiative in ${year} to ${aim}. It is aimed above all at ${targets}, and works with ${partners}.`,
				`Its main activities include ${activities}.`,
				plan.ongoing
					? 'The experience is still running and is reviewed every year with the partner organisations.'
					: plan.endYear
						? `It ran from ${year} to ${plan.endYear}; some of its activities are now part of the city's regular services.`
						: 'After a first phase, the council is studying how to extend it to the whole city.'
			);
			break;
		case 'fr':
			paragraphs.push(
				`La ville ${frOf(city)} a lancé l’initiative en ${year} afin ${frOf(aim)}. Elle s’adresse en priorité ${toTargets} et s’appuie sur ${partners}.`,
				`Parmi ses actions figurent ${activities}.`,
				plan.ongoing
					? 'L’expérience se poursuit et fait l’objet d’un bilan annuel avec les partenaires.'
					: plan.endYear
						? `Elle s’est déroulée de ${year} à ${plan.endYear} ; une partie de ses actions a été intégrée aux services municipaux.`
						: 'Après une première phase, la ville étudie comment l’étendre à l’ensemble de son territoire.'
			);
			break;
		case 'pt':
			paragraphs.push(
				`${capitalise(council)} de ${city} lançou a iniciativa em ${year} com o objetivo de ${aim}. Dirige-se sobretudo ${toTargets} e conta com ${partners}.`,
				`Entre as suas ações destacam-se ${activities}.`,
				plan.ongoing
					? 'A experiência continua em curso e é revista todos os anos com as entidades participantes.'
					: plan.endYear
						? `Decorreu entre ${year} e ${plan.endYear}; parte das suas ações foi integrada nos serviços municipais regulares.`
						: `Depois de uma primeira fase, ${council} estuda como alargá-la a toda a cidade.`
			);
			break;
	}
	return paragraphs.join('\n\n');
}

function renderMethodology(plan: TextPlan, language: Locale): string {
	const diagnosis = tx(plan.diagnosis, language);
	const evaluation = tx(plan.evaluation, language);
	const activities = joinList(
		language,
		plan.activities.map((a) => tx(a, language))
	);
	switch (language) {
		case 'es':
			return `El trabajo se organiza en tres fases. Primero, ${diagnosis}. Después, el proyecto pone en marcha ${activities}. Por último, ${evaluation}.`;
		case 'en':
			return `The work is organised in three phases. First, ${diagnosis}. Then the project sets up ${activities}. Finally, ${evaluation}.`;
		case 'fr':
			return `Le travail s’organise en trois temps. D’abord, ${diagnosis}. Ensuite, le projet met en place ${activities}. Enfin, ${evaluation}.`;
		case 'pt':
			return `O trabalho organiza-se em três fases. Primeiro, ${diagnosis}. Depois, o projeto põe em marcha ${activities}. Por fim, ${evaluation}.`;
	}
}

const resultForms: Record<Locale, ((v: Record<string, number>) => string)[]> = {
	es: [
		(v) => `Desde el inicio han participado ${v.people} personas y ${v.groups} entidades del territorio.`,
		(v) => `El proyecto ha llegado a ${v.schools} centros educativos y a unas ${v.families} familias.`,
		(v) => `El ${v.pct} % de las personas participantes valora la experiencia como buena o muy buena en la encuesta anual.`,
		(v) => `La experiencia se ha extendido a ${v.districts} barrios y forma parte ya de la programación municipal estable.`,
		(v) => `Se han formado ${v.trained} profesionales de la educación y del ámbito social.`
	],
	en: [
		(v) => `Since it began, ${v.people} people and ${v.groups} local organisations have taken part.`,
		(v) => `The project has reached ${v.schools} schools and around ${v.families} families.`,
		(v) => `${v.pct}% of participants rate the experience as good or very good in the yearly survey.`,
		(v) => `It has spread to ${v.districts} neighbourhoods and is now part of the city's regular programme.`,
		(v) => `${v.trained} education and social-work professionals have been trained.`
	],
	fr: [
		(v) => `Depuis le début, ${v.people} personnes et ${v.groups} structures locales y ont participé.`,
		(v) => `Le projet a touché ${v.schools} écoles et environ ${v.families} familles.`,
		(v) => `${v.pct} % des participants jugent l’expérience bonne ou très bonne dans l’enquête annuelle.`,
		(v) => `L’expérience s’est étendue à ${v.districts} quartiers et fait désormais partie de la programmation municipale.`,
		(v) => `${v.trained} professionnels de l’éducation et du travail social ont été formés.`
	],
	pt: [
		(v) => `Desde o início, participaram ${v.people} pessoas e ${v.groups} entidades locais.`,
		(v) => `O projeto chegou a ${v.schools} escolas e a cerca de ${v.families} famílias.`,
		(v) => `${v.pct}% dos participantes avaliam a experiência como boa ou muito boa no inquérito anual.`,
		(v) => `A experiência alargou-se a ${v.districts} bairros e faz hoje parte da programação municipal regular.`,
		(v) => `Foram formados ${v.trained} profissionais da educação e da área social.`
	]
};

/** The record's texts in one language; `full` false gives the title and summary only. */
function renderTexts(
	plan: TextPlan,
	place: Place,
	language: Locale,
	extent: 'full' | 'description' | 'summary'
): Partial<Record<TranslatableField, string>> {
	const texts: Partial<Record<TranslatableField, string>> = {
		title: renderTitle(plan, place, language),
		summary: renderSummary(plan, place, language)
	};
	if (extent === 'summary') return texts;
	if (!plan.missing.has('description')) texts.description = renderDescription(plan, place, language);
	if (extent === 'description') return texts;
	if (!plan.missing.has('objectives')) texts.objectives = plan.objectives.map((o) => tx(o, language)).join('\n');
	if (!plan.missing.has('methodology')) texts.methodology = renderMethodology(plan, language);
	if (!plan.missing.has('agents')) texts.agents = fill(tx(plan.agents, language), place, language);
	if (!plan.missing.has('funding')) texts.funding = tx(plan.funding, language);
	if (!plan.missing.has('results')) texts.results = plan.results.map((r) => resultForms[language][r.form](r.values)).join(' ');
	if (!plan.missing.has('lessons')) texts.lessons = plan.lessons.map((l) => tx(l, language)).join('\n');
	return texts;
}

// --- Records -------------------------------------------------------------------------------------

/** The language a city writes its records in, among the platform's four. */
function originalLanguageOf(random: Random, city: ExperienceCity): Locale {
	for (const language of city.languages) {
		if (language === 'es' || language === 'pt' || language === 'fr' || language === 'en') return language;
		// Catalan- and Italian-speaking cities write in Spanish or English.
		if (language === 'ca' || language === 'it') return random() < 0.5 ? 'es' : 'en';
	}
	return 'en';
}

const regionWeights: Record<string, number> = { europe: 1, 'latin-america-caribbean': 2 };

/** Cities weighted like the bank: Europe first, a large share from Latin America, larger cities more. */
function citySampler(cities: readonly ExperienceCity[]): (random: Random) => ExperienceCity {
	const cumulative: number[] = [];
	let total = 0;
	for (const city of cities) {
		const size = Math.log10(Math.max(city.population ?? 0, 10_000) / 10_000);
		total += (regionWeights[city.region] ?? 0.8) * (0.6 + size);
		cumulative.push(total);
	}
	return (random) => {
		const roll = random() * total;
		let low = 0;
		let high = cumulative.length - 1;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (cumulative[mid] <= roll) low = mid + 1;
			else high = mid;
		}
		return cities[low];
	};
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const toIsoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
function timestamp(random: Random, dayMs: number): string {
	return new Date(dayMs + between(random, 8 * 60, 19 * 60) * 60_000 + between(random, 0, 59) * 1000).toISOString();
}

const startYears: readonly (readonly [number, number])[] = Array.from({ length: 22 }, (_, i) => [2005 + i, 1 + i * 0.15] as const);

interface Pin {
	status: ExperienceStatus;
	cityId?: number;
	/** Must-have published examples: a project forced in a given language. */
	language?: Locale;
	topic?: string;
	project?: number;
	withEnglish?: boolean;
}

/** The records; a generator, so that 100,000 of them never sit in memory at once. */
export function* generateExperiences(input: GenerateExperiencesInput): Generator<DemoExperience> {
	const seed = input.seed ?? experiencesSeed;
	const random = mulberry32(seed);
	const cities = input.cities;
	if (!cities.length) return;
	const sampleCity = citySampler(cities);
	const byId = new Map(cities.map((c) => [c.id, c]));
	const prefix = input.externalIdPrefix ?? 'demo-';
	const todayMs = toMs(input.today);
	const count = input.count;

	// Which record is in which state: the must-haves first, the represented cities' own records, then
	// the others spread at random.
	const pins: Pin[] = [
		{ status: 'published', language: 'es', topic: 'equal-opportunities', project: 0, withEnglish: true },
		{ status: 'published', language: 'pt', topic: 'citizen-participation', project: 0, withEnglish: true },
		{ status: 'published', language: 'pt', topic: 'citizen-participation', project: 1 }
	];
	const workflowCounts: Partial<Record<ExperienceStatus, number>> = {};
	if (input.workflow) {
		const [own, ...others] = (input.representedCityIds ?? []).filter((id) => byId.has(id));
		if (own !== undefined)
			for (const status of ['published', 'published', 'published', 'draft', 'draft', 'returned', 'returned', 'submitted'] as const)
				pins.push({ status, cityId: own });
		for (const cityId of others)
			for (const status of ['published', 'published', 'draft', 'returned'] as const) pins.push({ status, cityId });
		const share: Partial<Record<ExperienceStatus, number>> = {
			draft: 0.045,
			submitted: 0.025,
			in_review: 0.02,
			returned: 0.025,
			archived: 0.02
		};
		for (const [status, part] of Object.entries(share) as [ExperienceStatus, number][]) {
			const pinned = pins.filter((p) => p.status === status).length;
			workflowCounts[status] = Math.max(0, Math.round(count * part) - pinned);
		}
	}
	const statusRandom = mulberry32(seed + 1);
	const rest: ExperienceStatus[] = [];
	for (const [status, n] of Object.entries(workflowCounts) as [ExperienceStatus, number][]) for (let i = 0; i < n; i++) rest.push(status);
	const unpinned = Math.max(0, count - pins.length);
	while (rest.length < unpinned) rest.push('published');
	const plannedStatuses = shuffled(statusRandom, rest.slice(0, unpinned));
	const plan: Pin[] = [...pins.slice(0, count), ...plannedStatuses.map((status) => ({ status }))];
	const publishedIndexes = plan.flatMap((p, i) => (p.status === 'published' ? [i] : []));
	const featuredCount = input.featured ?? 12;
	// The must-have examples are featured, so the demo's front page shows them.
	const featured = new Set<number>(publishedIndexes.slice(0, Math.min(2, featuredCount)));
	for (const i of sample(statusRandom, publishedIndexes.length, featuredCount * 2)) {
		if (featured.size >= featuredCount) break;
		featured.add(publishedIndexes[i]);
	}

	for (let index = 0; index < plan.length; index++) {
		const pin = plan[index];
		let city: ExperienceCity;
		if (pin.cityId !== undefined) city = byId.get(pin.cityId)!;
		else if (pin.language) {
			const candidates = cities.filter((c) => c.languages[0] === pin.language || (pin.language === 'pt' && c.countryCode === 'BR'));
			city = candidates.length ? candidates[Math.floor(random() * candidates.length)] : sampleCity(random);
		} else city = sampleCity(random);
		const place = placeOf(city);
		let originalLanguage: Locale = pin.language ?? originalLanguageOf(random, city);
		// A few cities write some records in English for international partners.
		if (!pin.language && random() < 0.04) originalLanguage = 'en';

		const topic = pin.topic ? topicByCode.get(pin.topic)! : pick(random, topicBanks);
		const chosenProject = pin.project !== undefined ? topic.projects[pin.project] : pick(random, topic.projects);
		const status = pin.status;
		const published = status === 'published' || status === 'archived';
		const submitted = status !== 'draft';

		// Dates.
		let startYear = pickWeighted(random, startYears);
		let startMs = toMs(`${startYear}-01-01`) + between(random, 0, 364) * DAY;
		if (submitted && startMs > todayMs) startMs = todayMs - between(random, 30, 400) * DAY;
		startYear = Number(toIsoDate(startMs).slice(0, 4));
		const roll = random();
		let ongoing = roll < (startYear >= 2023 ? 0.6 : 0.35);
		let endMs: number | null = null;
		if (!ongoing && roll < 0.8) {
			endMs = startMs + between(random, 240, 6 * 365) * DAY;
			if (endMs > todayMs) {
				endMs = null;
				ongoing = true;
			}
		}
		const endYear = endMs === null ? null : Number(toIsoDate(endMs).slice(0, 4));

		// Classification.
		const topicCodes = [topic.code];
		const extraTopics = pickWeighted(random, [
			[0, 45],
			[1, 40],
			[2, 15]
		] as const);
		for (let i = 0; i < extraTopics; i++) {
			const other = pick(random, topicBanks).code;
			if (!topicCodes.includes(other)) topicCodes.push(other);
		}
		const principles: number[] = [pick(random, topic.principles)];
		const principleCount = pickWeighted(random, [
			[1, 20],
			[2, 35],
			[3, 30],
			[4, 15]
		] as const);
		for (let tries = 0; principles.length < principleCount && tries < 12; tries++) {
			const from = random() < 0.6 ? topicByCode.get(pick(random, topicCodes))!.principles : null;
			const p = from ? pick(random, from) : between(random, 1, 20);
			if (!principles.includes(p)) principles.push(p);
		}
		const targetGroups: string[] = [];
		const targetCount = between(random, 1, 3);
		for (let tries = 0; targetGroups.length < targetCount && tries < 8; tries++) {
			const t = random() < 0.8 ? pick(random, topic.targets) : pick(random, Object.keys(targetPhrases));
			if (!targetGroups.includes(t)) targetGroups.push(t);
		}
		const sdgs: number[] = [];
		const sdgCount = pickWeighted(random, [
			[0, 10],
			[1, 30],
			[2, 40],
			[3, 20]
		] as const);
		for (let tries = 0; sdgs.length < sdgCount && tries < 8; tries++) {
			const s = random() < 0.25 ? 4 : pick(random, topic.sdgs);
			if (!sdgs.includes(s)) sdgs.push(s);
		}
		const latinAmerican = city.region === 'latin-america-caribbean';
		const iberian = city.countryCode === 'ES' || city.countryCode === 'PT';
		const banks: ExperienceFields['banks'] = latinAmerican
			? random() < 0.2
				? ['international', 'latin_american']
				: ['latin_american']
			: iberian && random() < 0.03
				? ['international', 'latin_american']
				: ['international'];
		let coLeadCityIds: number[] = [];
		if (random() < 0.04) {
			const partner = sampleCity(random);
			if (partner.id !== city.id) coLeadCityIds = [partner.id];
		}

		// Texts.
		const missing = new Set<TranslatableField>();
		const maybeMissing: [TranslatableField, number][] = [
			['objectives', 0.08],
			['methodology', 0.08],
			['agents', 0.05],
			['funding', 0.2],
			['results', 0.1],
			['lessons', 0.2]
		];
		for (const [field, chance] of maybeMissing) if (random() < (status === 'draft' ? chance * 3 : chance)) missing.add(field);
		if (status === 'draft' && random() < 0.3) missing.add('description');
		const activities = sample(random, topic.activities.length, between(random, 2, 3)).map((i) => topic.activities[i]);
		if (activities.length < 3 && random() < 0.5) activities.push(pick(random, genericActivities));
		const objectives = [
			...sample(random, topic.objectives.length, between(random, 1, 2)).map((i) => topic.objectives[i]),
			...sample(random, genericObjectives.length, between(random, 1, 2)).map((i) => genericObjectives[i])
		];
		const textPlan: TextPlan = {
			topic,
			project: chosenProject,
			titleForm: pickWeighted(random, [
				[0, 50],
				[1, 25],
				[2, 15],
				[3, 10]
			] as const),
			summaryForm: between(random, 0, 3),
			context: pick(random, topic.context),
			targets: targetGroups.slice(0, 2),
			partners: sample(random, partnerPhrases.length, 2).map((i) => partnerPhrases[i]),
			startYear,
			endYear,
			ongoing,
			activities,
			diagnosis: pick(random, diagnosisPhrases),
			evaluation: pick(random, evaluationPhrases),
			objectives,
			agents: pick(random, topic.agents),
			funding: city.region === 'europe' && random() < 0.25 ? europeanFunding : pick(random, fundingPhrases),
			results: sample(random, 5, between(random, 2, 3)).map((form) => ({
				form,
				values: {
					people: between(random, 8, 120) * 25,
					groups: between(random, 4, 60),
					schools: between(random, 3, 45),
					families: between(random, 6, 90) * 10,
					pct: between(random, 78, 97),
					districts: between(random, 2, 14),
					trained: between(random, 12, 260)
				}
			})),
			lessons: sample(random, lessonPhrases.length, between(random, 2, 3)).map((i) => lessonPhrases[i]),
			missing
		};
		const texts: ExperienceFields['texts'] = { [originalLanguage]: renderTexts(textPlan, place, originalLanguage, 'full') };
		const translationRoll = random();
		if (translationRoll < 0.03) {
			// A few records in all four languages, the others with their title, summary and description.
			for (const language of allLanguages)
				if (language !== originalLanguage) texts[language] = renderTexts(textPlan, place, language, 'description');
		} else if (translationRoll < 0.3 || pin.withEnglish) {
			const other: Locale = originalLanguage === 'en' ? 'es' : 'en';
			texts[other] = renderTexts(textPlan, place, other, 'summary');
		}

		const citySlug = slugify(city.name) || `city-${city.id}`;
		const projectSlug = slugify(tx(chosenProject.title, originalLanguage));
		const contact = random() < 0.85 ? contactPerson(random, originalLanguage) : null;
		const links = random() < 0.7 ? [`https://www.${citySlug}.example/${projectSlug}`] : [];
		if (random() < 0.15) links.push(`https://www.${citySlug}.example/${projectSlug}/memoria-${startYear}.pdf`);
		const videoLinks = random() < 0.1 ? [`https://video.example.org/${citySlug}-${projectSlug}`] : [];
		const budgetRange =
			random() < 0.1
				? undefined
				: pickWeighted<BudgetRange>(random, [
						['none', 8],
						['under_10k', 22],
						['10k_50k', 30],
						['50k_200k', 22],
						['200k_1m', 12],
						['over_1m', 6]
					]);
		const territoryScope =
			random() < 0.08
				? undefined
				: pickWeighted<TerritoryScope>(random, [
						['neighbourhood', 20],
						['district', 25],
						['city', 45],
						['metropolitan', 10]
					]);

		const fields: ExperienceFields = {
			cityId: city.id,
			coLeadCityIds,
			originalLanguage,
			texts,
			startDate: toIsoDate(startMs),
			endDate: endMs === null ? undefined : toIsoDate(endMs),
			ongoing,
			budgetRange,
			territoryScope,
			contactName: contact ? contact.name : undefined,
			contactEmail: contact ? `${contact.mailbox}@${citySlug}.example.org` : undefined,
			contactPhone: undefined,
			links,
			videoLinks,
			principles,
			topics: topicCodes,
			targetGroups,
			sdgs,
			banks
		};

		// Timestamps: entered a few weeks before submission; published after the start (or just before
		// it, for projects announced ahead), never after today.
		const earliest = Math.max(startMs + between(random, 20, 400) * DAY, toMs('2008-03-01'));
		const publishedDay = Math.min(
			earliest + Math.floor(random() * Math.max(1, (todayMs - earliest) / DAY)) * DAY,
			todayMs - between(random, 0, 20) * DAY
		);
		const submittedDay = publishedDay - between(random, 1, 25) * DAY;
		const createdDay = submittedDay - between(random, 2, 60) * DAY;
		const publishedAt = published ? timestamp(random, publishedDay) : null;
		// Some records were revised and published again later.
		const firstPublishedAt = published && random() < 0.1 ? timestamp(random, publishedDay - between(random, 90, 900) * DAY) : publishedAt;

		yield {
			externalId: `${prefix}${String(index + 1).padStart(6, '0')}`,
			status,
			featured: featured.has(index),
			fields,
			enteredByCity: pin.cityId !== undefined,
			createdAt: timestamp(random, Math.min(createdDay, firstPublishedAt ? Date.parse(firstPublishedAt) - DAY : createdDay)),
			submittedAt: submitted ? timestamp(random, submittedDay) : null,
			firstPublishedAt,
			publishedAt,
			returnComment: status === 'returned' ? tx(pick(random, returnComments), originalLanguage) : null
		};
	}
}

const contactNames: Record<Locale, { first: readonly string[]; last: readonly string[] }> = {
	es: {
		first: ['María', 'Carmen', 'Lucía', 'Elena', 'Ana Belén', 'Javier', 'Miguel Ángel', 'Andrés', 'Sergio', 'Raúl', 'Inés', 'Óscar'],
		last: ['García', 'Martínez', 'López', 'Sánchez', 'Fernández', 'Gómez', 'Ramírez', 'Núñez', 'Ibáñez', 'Muñoz', 'Peña', 'Cortés']
	},
	pt: {
		first: ['Ana', 'Joana', 'Inês', 'Mariana', 'Conceição', 'João', 'António', 'Luís', 'Sebastião', 'Rui', 'Fábio', 'Márcia'],
		last: ['Silva', 'Santos', 'Gonçalves', 'Conceição', 'Araújo', 'Magalhães', 'Simões', 'Brandão', 'Assunção', 'Lopes', 'Ribeiro', 'Leão']
	},
	fr: {
		first: ['Claire', 'Hélène', 'Élodie', 'Céline', 'Anaïs', 'François', 'Jérôme', 'Benoît', 'Loïc', 'Thierry', 'Noémie', 'Gaëlle'],
		last: [
			'Martin',
			'Lefèvre',
			'Girard',
			'Mercier',
			'Boucher',
			'Rousseau',
			'Fournier',
			'Chevalier',
			'Lemaître',
			'Gauthier',
			'Barbier',
			'Perrin'
		]
	},
	en: {
		first: ['Sarah', 'Emma', 'Laura', 'Hannah', 'Grace', 'James', 'Daniel', 'Peter', 'Thomas', 'Oliver', 'Nadia', 'Jonas'],
		last: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Clarke', 'Walker', 'Novak', 'Jensen', 'Müller', 'Kowalski', 'Rossi', 'Papadopoulos']
	}
};

function contactPerson(random: Random, language: Locale): { name: string; mailbox: string } {
	const pool = contactNames[language];
	const first = pick(random, pool.first);
	const last = pick(random, pool.last);
	return { name: `${first} ${last}`, mailbox: `${slugify(first)}.${slugify(last)}`.replace(/-/g, '') };
}

/** Every generated record in a list (the demo's few hundred; use the generator for large numbers). */
export function generateExperienceList(input: GenerateExperiencesInput): DemoExperience[] {
	return [...generateExperiences(input)];
}
