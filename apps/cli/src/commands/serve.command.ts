import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the server and the console')
    .action(async () => {
      const { startServer } = await import('../../../server/src/server.js');
      const port = Number(process.env.PORT ?? 3000);
      await startServer({ port });
      console.log(`One Window is listening on http://localhost:${port}/`);
    });
}
