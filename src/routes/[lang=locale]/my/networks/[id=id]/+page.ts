// Client-side rendering lets `use:enhance` improve the forms; each still posts and works without JavaScript.
export const csr = true;
