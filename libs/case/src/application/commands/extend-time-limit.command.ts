import type { ExtendTimeLimit } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 延期: the head extends the statutory limit once, with a reason (Law Art. 42). */
export class ExtendTimeLimitCommand extends CaseCommandMessage<ExtendTimeLimit> {}
