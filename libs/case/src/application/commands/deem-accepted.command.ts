import type { DeemAccepted } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: no correction notice in time — accepted from the day of receipt (Law Art. 32). */
export class DeemAcceptedCommand extends CaseCommandMessage<DeemAccepted> {}
