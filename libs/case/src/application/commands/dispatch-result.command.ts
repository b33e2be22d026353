import type { DispatchResult } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 出件: the result goes out at the window, by courier or electronically. */
export class DispatchResultCommand extends CaseCommandMessage<DispatchResult> {}
