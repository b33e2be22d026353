/** A resource a test opens and then gets rid of, by `dispose()` or by `close()`. */
export type Closable = { dispose(): unknown } | { close(): unknown };

/**
 * What the tests of the enclosing `describe` share, opened before each of them (`each`) or once
 * before all (`all`), and disposed (or closed) after. The object returned stands for the one open
 * now: read it inside the tests and hooks, not while the describe is being declared.
 */
export function openForTests<T extends Closable>(when: 'each' | 'all', open: () => Promise<T>): T {
  let current: T | undefined;
  (when === 'each' ? beforeEach : beforeAll)(async () => {
    current = await open();
  });
  (when === 'each' ? afterEach : afterAll)(async () => {
    const opened = current;
    current = undefined;
    if (opened) await ('dispose' in opened ? opened.dispose() : opened.close());
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!current) throw new Error('Opened only while the tests of its describe run');
      const value: unknown = Reflect.get(current, key, current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
