import type { ReceiveApplication } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 收件: receive an application at a hall; allocates the case number. */
export class ReceiveApplicationCommand extends CaseCommandMessage<ReceiveApplication> {}
