import 'reflect-metadata';
import { Command } from 'commander';
import { commandRegistrations } from './commands/index.js';

const program = new Command('one-window').description(
  'One Window: one-window case handling for government service halls',
);
for (const register of commandRegistrations) register(program);
await program.parseAsync(process.argv);
