// The jury area runs the client router so that `use:enhance` can improve its forms (scores, conflicts);
// every form still posts and works without JavaScript.
export const csr = true;
