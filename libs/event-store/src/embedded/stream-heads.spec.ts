import { StreamHeads } from './stream-heads.js';

describe('StreamHeads: a read may skip SQLite only when its answer is known to be empty', () => {
  it('knows nothing of a stream it has not written', () => {
    expect(new StreamHeads().endsBefore('case-1', 0)).toBe(false);
  });

  it('after a written append: empty from past its head, read at or before it', () => {
    const heads = new StreamHeads();
    heads.sent('case-1');
    heads.answered('case-1', 4);
    expect(heads.endsBefore('case-1', 5)).toBe(true);
    expect(heads.endsBefore('case-1', 4)).toBe(false);
    expect(heads.endsBefore('case-1', 0)).toBe(false);
  });

  it('reads while an append to the stream is in flight', () => {
    const heads = new StreamHeads();
    heads.sent('case-1');
    heads.answered('case-1', 4);
    heads.sent('case-1');
    expect(heads.endsBefore('case-1', 5)).toBe(false);
    heads.answered('case-1', 5);
    expect(heads.endsBefore('case-1', 6)).toBe(true);
  });

  it('forgets a stream on any answer but a write, and the oldest past its capacity', () => {
    const heads = new StreamHeads(1);
    heads.sent('case-1');
    heads.answered('case-1', 4);
    heads.sent('case-1');
    heads.answered('case-1', undefined);
    expect(heads.endsBefore('case-1', 5)).toBe(false);
    heads.sent('case-1');
    heads.answered('case-1', 6);
    heads.sent('case-2');
    heads.answered('case-2', 0);
    expect(heads.endsBefore('case-1', 7)).toBe(false);
    expect(heads.endsBefore('case-2', 1)).toBe(true);
  });
});
