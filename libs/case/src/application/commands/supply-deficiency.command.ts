import type { SupplyDeficiency } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** The applicant supplies materials missing at 容缺 acceptance. */
export class SupplyDeficiencyCommand extends CaseCommandMessage<SupplyDeficiency> {}
