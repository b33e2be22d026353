import { v5 } from 'uuid';
import { nameUuid, ONE_WINDOW_NAMESPACE } from './name-uuid.js';

describe('nameUuid (RFC 9562 version 5)', () => {
  const reference = (kind: string, ...parts: (string | number)[]): string =>
    v5([kind, ...parts].join('\u0000'), ONE_WINDOW_NAMESPACE);

  it("gives the uuid package's v5 ids for the same name, whatever the parts", () => {
    const samples: [string, ...(string | number)[]][] = [
      ['case'],
      ['case', 'cmd-1'],
      ['case-0f3c', 'b1e2', 0],
      ['timer', 'case-9', 'deadline', 17],
      ['case', '王伟-申请-Ünïcödé-😀'],
      ['', ''],
      ['x', ...Array.from({ length: 40 }, (_, i) => `part-${i}`)],
    ];
    for (let i = 0; i < 500; i++) samples.push(['case', `${Math.random().toString(36)}-${i}`, i]);
    for (const [kind, ...parts] of samples) {
      expect(nameUuid(kind, ...parts)).toBe(reference(kind, ...parts));
    }
  });

  it('is a version 5, RFC-variant UUID', () => {
    expect(nameUuid('case', 'abc')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
