import type { RecordCallback } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 回访核实: the review officer calls the applicant back (within 48 hours). */
export class RecordCallbackCommand extends CaseCommandMessage<RecordCallback> {}
