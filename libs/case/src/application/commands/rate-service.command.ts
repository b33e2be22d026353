import type { RateService } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 好差评: the applicant rates a visit or the case; a bad rating opens an obligation. */
export class RateServiceCommand extends CaseCommandMessage<RateService> {}
