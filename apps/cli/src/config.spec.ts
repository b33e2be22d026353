import { CliConfigError, loadCliConfig } from './config.js';

/** The CLI reads its environment once, at start, and names every bad variable in one error. */
describe('loadCliConfig', () => {
  it('reads the store, read-model folder, catalog and operator', () => {
    const config = loadCliConfig({
      DATA_DIR: '/var/one-window',
      EVENTSTORE_SYNCHRONOUS: 'NORMAL',
      CATALOG_DIR: '/srv/catalog',
      USER: 'ops',
    });
    expect(config.eventStore).toEqual({
      eventStoreUrl: undefined,
      dataDir: '/var/one-window',
      synchronous: 'NORMAL',
    });
    expect(config.dataDir).toBe('/var/one-window');
    expect(config.catalog.dir).toBe('/srv/catalog');
    expect(config.operator).toBe('cli:ops');
    expect(config.debug).toBe(false);
  });

  it('refuses bad variables, each named with what it must be', () => {
    const bad = () =>
      loadCliConfig({
        EVENTSTORE_SYNCHRONOUS: 'sometimes',
        CATALOG_CODE_PATTERN: '(',
      });
    expect(bad).toThrow(CliConfigError);
    expect(bad).toThrow(/EVENTSTORE_SYNCHRONOUS: must be FULL or NORMAL, got "sometimes"/);
    expect(bad).toThrow(/CATALOG_CODE_PATTERN must be a regular expression, got "\("/);
    expect(() => loadCliConfig({ EVENTSTORE_URL: 'http://x' })).toThrow(
      /EVENTSTORE_URL must be an esdb:\/\/ connection string, got "http:\/\/x"/,
    );
  });
});
