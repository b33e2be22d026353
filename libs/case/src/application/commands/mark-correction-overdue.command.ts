import type { MarkCorrectionOverdue } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: the correction was not supplied by its deadline. */
export class MarkCorrectionOverdueCommand extends CaseCommandMessage<MarkCorrectionOverdue> {}
