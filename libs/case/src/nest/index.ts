// `@one-window/case/nest`: the case engine as a Nest module, for the server — the CommandBus door
// (CaseCommands, the handler, the message). The decider, the statechart, the commands, their
// registry and the executor are `@one-window/case` and load no Nest.
export { CaseCommandMessage } from '../application/case-command-message.js';
export { CaseCommands } from '../application/case-commands.service.js';
export { CaseModule, type CaseModuleOptions, type CaseDependency } from '../application/case.module.js';
export { CaseCommandHandler } from '../application/case-command.handler.js';
