import type { RectifyObligation } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 整改: the office rectifies (within 15 natural days). */
export class RectifyObligationCommand extends CaseCommandMessage<RectifyObligation> {}
