import type { DenyCase } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 不予许可: the last step denies, with reasons and remedies (Art. 38). */
export class DenyCaseCommand extends CaseCommandMessage<DenyCase> {}
