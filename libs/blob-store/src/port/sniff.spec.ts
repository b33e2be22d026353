import { sniff } from './sniff.js';

const bytes = (...values: number[]): Buffer => Buffer.from(values);

describe('sniff: the type by the first bytes', () => {
  it.each([
    [Buffer.from('%PDF-1.4'), 'application/pdf'],
    [bytes(0xff, 0xd8, 0xff), 'image/jpeg'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    [Buffer.from('%PD'), 'undecided'],
    [bytes(0xff, 0xd8), 'undecided'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a), 'undecided'],
    [bytes(), 'undecided'],
    [Buffer.from('%PDX-'), 'refused'],
    [Buffer.from('MZ'), 'refused'],
    [bytes(0xff, 0xd8, 0xfe), 'refused'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b), 'refused'],
  ])('%p → %s', (head, verdict) => {
    expect(sniff(head)).toBe(verdict);
  });
});
