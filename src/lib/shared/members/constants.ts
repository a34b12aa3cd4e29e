export const cityStatuses = ['candidate', 'active', 'in_arrears', 'suspended', 'withdrawn'] as const;
export type CityStatus = (typeof cityStatuses)[number];

export const regionCodes = ['europe', 'latin-america-caribbean', 'north-america', 'africa', 'asia-pacific', 'middle-east'] as const;
export type RegionCode = (typeof regionCodes)[number];

export const incomeGroups = ['I', 'II', 'III', 'IV'] as const;
export type IncomeGroup = (typeof incomeGroups)[number];

export const contactKinds = ['political', 'technical'] as const;
export type ContactKind = (typeof contactKinds)[number];

export const paymentMethods = ['bank_transfer', 'card', 'cash', 'local_intermediary', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const currencies = ['EUR', 'USD', 'BRL', 'ARS', 'MXN', 'COP', 'CLP', 'KRW', 'CHF', 'GBP'] as const;

export const citySortKeys = ['name', '-name', 'population', '-population', 'country', 'joined', '-joined'] as const;
export type CitySort = (typeof citySortKeys)[number];

/** Cities whose government team changed within this many days are flagged for onboarding training. */
export const recentGovernmentChangeDays = 365;
