import type { MarkDecisionWarning } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: a decision due date is near (yellow). */
export class MarkDecisionWarningCommand extends CaseCommandMessage<MarkDecisionWarning> {}
