// Plain form posts, without the client router: a checked file travels back in the page (to import it
// with one button), and client-side rendering would send it a second time as page data.
export const csr = false;
