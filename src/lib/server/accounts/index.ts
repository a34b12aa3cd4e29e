// The public surface of the accounts module for other modules.
export { listCityRepresentatives, setJurorGrant, findUserByEmail, findUserById } from './accounts.repository.ts';
