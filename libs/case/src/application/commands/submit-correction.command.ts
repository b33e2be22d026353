import type { SubmitCorrection } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The applicant hands in the corrected materials. */
export class SubmitCorrectionCommand extends CaseCommandMessage<SubmitCorrection> {}
