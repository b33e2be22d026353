export { EsdbFixtureServer, type EsdbFixtureOptions } from './esdb-fixture-server.js';
export { InMemoryLog, type LogRecord } from './in-memory-log.js';
