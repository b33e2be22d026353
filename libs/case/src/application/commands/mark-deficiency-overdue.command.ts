import type { MarkDeficiencyOverdue } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** Timer: deficient materials were not supplied by the supply-by date. */
export class MarkDeficiencyOverdueCommand extends CaseCommandMessage<MarkDeficiencyOverdue> {}
