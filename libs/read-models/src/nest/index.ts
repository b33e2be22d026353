// `@one-window/read-models/nest`: what a Nest application needs beside the read models' own code
// (`@one-window/read-models`, which loads no Nest). The server wires the read side itself
// (apps/server/src/reads/read-side.module.ts).
export { READ_MODEL_DB } from './read-models.tokens.js';
