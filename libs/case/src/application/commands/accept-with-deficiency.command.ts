import type { AcceptWithDeficiency } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 容缺受理: accept with non-key materials missing, against a signed commitment. */
export class AcceptWithDeficiencyCommand extends CaseCommandMessage<AcceptWithDeficiency> {}
