import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadServerConfig } from './server-config.js';

/** The server reads its environment once, at start; each bad variable stops it with its own words. */
describe('loadServerConfig', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'server-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const secret = { AUTH_SECRET: 'x'.repeat(32) };

  it.each([
    ['PORT', 'http', /PORT must be an integer between 0 and 65535, got "http"/],
    ['EVENTSTORE_URL', 'http://esdb:2113', /EVENTSTORE_URL must be an esdb:\/\/ connection string/],
    ['EVENTSTORE_SYNCHRONOUS', 'OFF', /EVENTSTORE_SYNCHRONOUS must be FULL or NORMAL, got "OFF"/],
    ['AUTH_SECRET', 'short', /AUTH_SECRET must be at least 32 characters/],
    ['AUTH_SECRET_PREVIOUS', 'short', /every AUTH_SECRET_PREVIOUS key must be at least 32 characters/],
    ['AUTH_TOKEN_TTL_SECONDS', '5', /AUTH_TOKEN_TTL_SECONDS must be an integer between 60/],
    ['BODY_LIMIT_BYTES', '1.5', /BODY_LIMIT_BYTES must be an integer/],
    ['READ_WAIT_MS', '-1', /READ_WAIT_MS must be an integer/],
    ['TIMER_POLL_MS', '10', /TIMER_POLL_MS must be an integer/],
    ['WARNING_WORKING_DAYS', '0', /WARNING_WORKING_DAYS must be an integer/],
    ['CALENDAR_WARNING_FROM', '13-01', /CALENDAR_WARNING_FROM must be a day of the year written MM-DD/],
    ['BLOB_STORE_URL', 'ftp://files', /BLOB_STORE_URL is not a blob store address: .*file:.*s3:/],
    ['BLOB_STORE_URL', 's3://', /BLOB_STORE_URL is not a blob store address/],
    ['BLOB_MAX_FILE_BYTES', '10MB', /BLOB_MAX_FILE_BYTES must be an integer/],
    ['BLOB_MAX_CASE_BYTES', '2048', /BLOB_MAX_CASE_BYTES \(2048\) must be at least BLOB_MAX_FILE_BYTES/],
    [
      'BLOB_UNATTACHED_TTL_HOURS',
      '0',
      /BLOB_UNATTACHED_TTL_HOURS must be an integer between 1 and 8784, got "0"/,
    ],
    ['BLOB_UNATTACHED_TTL_HOURS', '1.5', /BLOB_UNATTACHED_TTL_HOURS must be an integer between 1 and 8784/],
    ['BLOB_UNATTACHED_TTL_HOURS', '1d', /BLOB_UNATTACHED_TTL_HOURS must be an integer between 1 and 8784/],
    ['RATING_LINK_TTL_DAYS', '0', /RATING_LINK_TTL_DAYS must be an integer between 1/],
    ['PUBLIC_BASE_URL', 'ftp://hall.example', /PUBLIC_BASE_URL must be an http\(s\) URL/],
    ['PUBLIC_BASE_URL', 'hall.example', /PUBLIC_BASE_URL must be an http\(s\) URL/],
    ['APPOINTMENT_SEATS', '0', /APPOINTMENT_SEATS must be an integer between 1 and 500/],
    ['APPOINTMENT_REST_DAY_SEATS', '-1', /APPOINTMENT_REST_DAY_SEATS must be an integer between 0 and 500/],
    ['APPOINTMENT_BOOK_AHEAD_DAYS', '91', /APPOINTMENT_BOOK_AHEAD_DAYS must be an integer between 0 and 90/],
    ['CATALOG_CODE_PATTERN', '([a-z', /CATALOG_CODE_PATTERN must be a regular expression, got "\(\[a-z"/],
  ])('refuses a bad %s with an error naming it', (name, value, words) => {
    const env = { ...secret, [name]: value };
    expect(() => loadServerConfig(env, { dataDir })).toThrow(ConfigError);
    expect(() => loadServerConfig(env, { dataDir })).toThrow(words);
  });

  it('reads the catalog settings and the store settings the libs no longer read themselves', () => {
    const config = loadServerConfig(
      {
        ...secret,
        CATALOG_DIR: '/srv/catalog',
        CATALOG_CODE_PATTERN: '^\\d{4}$',
        EVENTSTORE_SYNCHRONOUS: 'normal',
      },
      { dataDir },
    );
    expect(config.catalog.dir).toBe('/srv/catalog');
    expect(config.catalog.codePattern?.test('1234')).toBe(true);
    expect(config.eventStoreSynchronous).toBe('NORMAL');
    expect(loadServerConfig(secret, { dataDir }).catalog).toEqual({ dir: undefined, codePattern: undefined });
  });

  it('reads the blob store and its limits (ADR 16)', () => {
    expect(loadServerConfig(secret, { dataDir }).blobs).toEqual({
      url: undefined,
      maxFileBytes: 20 * 1024 * 1024,
      maxCaseBytes: 100 * 1024 * 1024,
      unattachedTtlHours: 24,
    });
    const s3 = 's3://key:secret@scans/hall?endpoint=http://minio:9000&forcePathStyle=true';
    const config = loadServerConfig(
      {
        ...secret,
        BLOB_STORE_URL: s3,
        BLOB_MAX_FILE_BYTES: '1048576',
        BLOB_MAX_CASE_BYTES: '4194304',
        BLOB_UNATTACHED_TTL_HOURS: '72',
      },
      { dataDir },
    );
    expect(config.blobs).toEqual({
      url: s3,
      maxFileBytes: 1048576,
      maxCaseBytes: 4194304,
      unattachedTtlHours: 72,
    });
  });

  it('reads the rating links’ lifetime and the public pages’ origin (ADR 17)', () => {
    const config = loadServerConfig(secret, { dataDir });
    expect([config.ratingLinkTtlDays, config.publicBaseUrl]).toEqual([90, undefined]);
    const set = loadServerConfig(
      { ...secret, RATING_LINK_TTL_DAYS: '30', PUBLIC_BASE_URL: 'https://zwfw.example.cn/hall/' },
      { dataDir },
    );
    expect([set.ratingLinkTtlDays, set.publicBaseUrl]).toEqual([30, 'https://zwfw.example.cn/hall']);
  });

  it('reads the appointment slots’ seats and the booking window (ADR 17)', () => {
    expect(loadServerConfig(secret, { dataDir }).appointments).toEqual({
      slotMinutes: 60,
      capacity: 4,
      flexCapacity: 2,
      restDayCapacity: 1,
      bookAheadDays: 14,
      halls: {},
    });
    const config = loadServerConfig(
      { ...secret, APPOINTMENT_SEATS: '6', APPOINTMENT_FLEX_SEATS: '1', APPOINTMENT_REST_DAY_SEATS: '0' },
      { dataDir },
    );
    expect(config.appointments).toMatchObject({ capacity: 6, flexCapacity: 1, restDayCapacity: 0 });
  });

  it('gives a hall its own seats with APPOINTMENT_HALL_SEATS, the server’s for what it leaves out', () => {
    const config = loadServerConfig(
      { ...secret, APPOINTMENT_HALL_SEATS: 'hall-150102=6/3/0, hall-150203=2' },
      { dataDir },
    );
    expect(config.appointments.halls).toEqual({
      'hall-150102': { capacity: 6, flexCapacity: 3, restDayCapacity: 0 },
      'hall-150203': { capacity: 2 },
    });
    for (const bad of ['hall-150102', 'hall-150102=0', 'hall-150102=4/2/1/1', '=4', 'hall-150102=x'])
      expect(() => loadServerConfig({ ...secret, APPOINTMENT_HALL_SEATS: bad }, { dataDir })).toThrow(
        /APPOINTMENT_HALL_SEATS must be hall=seats/,
      );
  });
});
