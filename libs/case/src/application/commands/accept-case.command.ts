import type { AcceptCase } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 受理: accept a complete application (Law Art. 32). */
export class AcceptCaseCommand extends CaseCommandMessage<AcceptCase> {}
