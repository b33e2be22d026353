import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the server and the console (EVENTSTORE_URL, DATA_DIR, PORT, AUTH_SECRET)')
    .action(async () => {
      const {
        bootstrapToken: tokenOf,
        loadServerConfig,
        startServer,
      } = await import('../../../server/src/index.js');
      const config = loadServerConfig(process.env); // the server's own configuration, read once here
      const app = await startServer({ config });
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const store = config.eventStoreUrl ? 'EventStoreDB' : `the embedded store in ${config.dataDir}`;
      console.log(`One Window is running on ${store}.`);
      console.log(`  console: http://${host}:${port}/`);
      console.log(`  API:     http://${host}:${port}/api/docs`);
      const bootstrapToken = tokenOf(app);
      if (bootstrapToken !== null) {
        console.log('  no users yet: make the first administrator (README "First administrator") with');
        console.log(
          `  POST /api/auth/bootstrap {"token": "${bootstrapToken}", "username", "name", "password"}`,
        );
        console.log(
          '  (the token works once, and only until this server stops) or `one-window users create --role admin`',
        );
      } else if (config.seedDemoUsers)
        console.log(
          '  demo users: clerk1 / demo-clerk1, approver1 / demo-approver1, admin / demo-admin (README)',
        );
    });
}
