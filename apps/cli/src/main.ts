import 'reflect-metadata';
import { Command } from 'commander';
import { commandRegistrations } from './commands/index.js';
import { cliConfig } from './config.js';

const program = new Command('one-window').description(
  'One Window: one-window case handling for government service halls',
);
for (const register of commandRegistrations) register(program);
let debug = false;
try {
  debug = cliConfig().debug; // read and checked once, before any command runs
  await program.parseAsync(process.argv);
} catch (error) {
  // One line for the person at the terminal; DEBUG=1 shows where it came from.
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `one-window: ${debug && error instanceof Error ? (error.stack ?? message) : message}`,
  );
  process.exitCode = 1;
}
