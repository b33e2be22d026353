import 'reflect-metadata';
import { Command } from 'commander';
import { commandRegistrations } from './commands/index.js';

const program = new Command('one-window').description(
  'One Window: one-window case handling for government service halls',
);
for (const register of commandRegistrations) register(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // One line for the person at the terminal; DEBUG=1 shows where it came from.
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `one-window: ${process.env.DEBUG && error instanceof Error ? (error.stack ?? message) : message}`,
  );
  process.exitCode = 1;
}
