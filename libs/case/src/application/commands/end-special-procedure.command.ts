import type { EndSpecialProcedure } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The special procedure ends: due dates move by the suspended working days. */
export class EndSpecialProcedureCommand extends CaseCommandMessage<EndSpecialProcedure> {}
