import type { RequestCorrection } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 一次性告知补正: one complete correction notice, within 5 working days of receipt. */
export class RequestCorrectionCommand extends CaseCommandMessage<RequestCorrection> {}
