// The public surface of the accounts module for other modules.
export { listCityRepresentatives } from './accounts.repository.ts';
