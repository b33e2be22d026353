import type { ExplainObligation } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The office explains where the complaint has no legal basis. */
export class ExplainObligationCommand extends CaseCommandMessage<ExplainObligation> {}
