import type { StartSpecialProcedure } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 特别程序 starts: the decision clock stops (Art. 45). */
export class StartSpecialProcedureCommand extends CaseCommandMessage<StartSpecialProcedure> {}
