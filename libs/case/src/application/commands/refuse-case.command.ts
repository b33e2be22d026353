import type { RefuseCase } from '../../commands.js';
import { CaseCommandMessage } from '../case-command-message.js';

/** 不予受理: refuse to accept, in writing, naming the competent agency. */
export class RefuseCaseCommand extends CaseCommandMessage<RefuseCase> {}
