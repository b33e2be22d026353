import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { EmbeddedEventStore } from '@one-window/event-store';
import {
  calendarCoverage,
  calendarDue,
  calendarImport,
  type CalendarCliDeps,
  EXIT_INVALID,
  EXIT_UNCOVERED,
  registerCalendar,
} from './calendar.command.js';

const sample2027 = fileURLToPath(
  new URL('../../../../libs/calendar/data/2027.example.json', import.meta.url),
);

describe('one-window calendar (on a real embedded store in a temp DATA_DIR)', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  let deps: CalendarCliDeps;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'calendar-cli-'));
    out = [];
    err = [];
    deps = {
      openStore: () => EmbeddedEventStore.open({ dataDir: dir }),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('due prints the DOMAIN §5 example and the source it counted on', async () => {
    expect(await calendarDue('2025-09-26', '20', {}, deps)).toBe(0);
    expect(out[0]).toBe('2025-10-30');
    expect(out[2]).toMatch(/^calendar: 2025 \(chinese-days \d/);
  });

  it('due into an uncovered year exits 2 with a message telling the administrator to load it', async () => {
    expect(await calendarDue('2026-12-28', '5', {}, deps)).toBe(EXIT_UNCOVERED);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/does not cover 2027.*one-window calendar import/);
  });

  it('due --provisional answers Monday–Friday for 2027 and says so', async () => {
    expect(await calendarDue('2026-12-28', '5', { provisional: true }, deps)).toBe(0);
    expect(out[0]).toBe('2027-01-04');
    expect(out.at(-1)).toMatch(/^PROVISIONAL: no official schedule is loaded for 2027/);
  });

  it('due refuses a bad date or day count', async () => {
    expect(await calendarDue('2026-02-30', '5', {}, deps)).toBe(EXIT_INVALID);
    expect(await calendarDue('2026-03-02', 'five', {}, deps)).toBe(EXIT_INVALID);
    expect(err).toHaveLength(2);
  });

  it('import refuses the example file unless told it is a test system', async () => {
    expect(await calendarImport(sample2027, {}, deps)).toBe(EXIT_INVALID);
    expect(err[0]).toMatch(/marked as an example/);
    expect(await calendarDue('2026-12-28', '5', {}, deps)).toBe(EXIT_UNCOVERED);
  });

  it('import loads a year into the store, and due then counts on it', async () => {
    expect(await calendarImport(sample2027, { allowExample: true, actor: 'admin-test' }, deps)).toBe(0);
    expect(out[0]).toMatch(/^loaded 2027: 29 holidays, 6 make-up working days/);
    out.length = 0;
    expect(await calendarDue('2026-12-28', '5', {}, deps)).toBe(0);
    expect(out[0]).toBe('2027-01-05');
    expect(out[2]).toMatch(/2027 \(loaded: EXAMPLE ONLY/);
    out.length = 0;
    await calendarCoverage({}, deps);
    expect(out.at(-1)).toMatch(/^2027\tloaded\tEXAMPLE ONLY/);
  });

  it('import lists every problem of an invalid file and loads nothing', async () => {
    const file = join(dir, '2027.json');
    writeFileSync(
      file,
      JSON.stringify({ year: 2027, holidays: ['2026-12-31'], workingWeekends: ['2027-01-05'] }),
    );
    expect(await calendarImport(file, {}, deps)).toBe(EXIT_INVALID);
    expect(err[0]).toMatch(/inside the schedule’s year: 2026-12-31.*Saturdays or Sundays.*source/);
    expect(await calendarImport(join(dir, 'missing.json'), {}, deps)).toBe(EXIT_INVALID);
    expect(err[1]).toMatch(/no such file/);
  });

  it('is wired into commander as `calendar due`', async () => {
    const program = new Command('one-window').exitOverride();
    registerCalendar(program, deps);
    await program.parseAsync(['calendar', 'due', '2026-02-12', '5', '--builtin-only'], { from: 'user' });
    expect(out[0]).toBe('2026-02-26');
  });
});
