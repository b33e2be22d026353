export { READ_MODEL_DB } from '../../nest/read-models.tokens.js';
/** Optional: where due timers' commands go (see `caseCommandSender`); without it no scheduler runs. */
export const TIMER_COMMAND_SENDER = Symbol('TIMER_COMMAND_SENDER');
/** Options given to `ReadModelsModule.forRoot`. */
export const READ_MODELS_OPTIONS = Symbol('READ_MODELS_OPTIONS');
