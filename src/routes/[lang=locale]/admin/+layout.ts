// The admin area runs the client router so that `use:enhance` can improve its forms; every form
// still posts and works without JavaScript.
export const csr = true;
