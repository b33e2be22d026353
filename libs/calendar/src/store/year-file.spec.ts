import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidYearScheduleError } from '../errors.js';
import { isExampleSchedule, readYearScheduleFile } from './year-file.js';

const sample = fileURLToPath(new URL('../../data/2027.example.json', import.meta.url));

describe('year import files', () => {
  it('the shipped 2027 sample is valid and marked as an example, not official dates', async () => {
    const schedule = await readYearScheduleFile(sample);
    expect(schedule.year).toBe(2027);
    expect(isExampleSchedule(schedule)).toBe(true);
  });

  it('a file that is not JSON is refused with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'year-file-'));
    try {
      writeFileSync(join(dir, 'bad.json'), '{ year: 2027');
      await expect(readYearScheduleFile(join(dir, 'bad.json'))).rejects.toThrow(InvalidYearScheduleError);
      await expect(readYearScheduleFile(join(dir, 'bad.json'))).rejects.toThrow(/is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an official schedule is not mistaken for an example', async () => {
    const schedule = { ...(await readYearScheduleFile(sample)), source: '国办发明电〔2026〕1号' };
    expect(isExampleSchedule(schedule)).toBe(false);
  });
});
