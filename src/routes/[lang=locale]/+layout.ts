// Public pages are plain server-rendered HTML: no JavaScript is needed to read, search or filter.
// The member and admin areas turn client-side rendering on for progressive enhancement of forms.
export const csr = false;
