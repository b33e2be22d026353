/** The read-model SQLite connection, as the server's read side provides it. */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
