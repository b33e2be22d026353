import type { Projection } from '../../runner/projection.js';

/**
 * Records every position it is given in a table keyed by position — applying one twice would
 * break the key — and calls `crash` on the `crashAt`-th event it sees in this process.
 */
export function crashProbe(crashAt: number, crash: () => void): Projection {
  let seen = 0;
  return {
    name: 'crash_probe',
    version: 1,
    tables: ['crash_probe'],
    migrate: (db) => db.exec('CREATE TABLE IF NOT EXISTS crash_probe (position INTEGER PRIMARY KEY)'),
    bind: (db) => {
      const insert = db.prepare('INSERT INTO crash_probe (position) VALUES (?)');
      return (event) => {
        if (++seen === crashAt) crash();
        insert.run(event.position);
      };
    },
  };
}
