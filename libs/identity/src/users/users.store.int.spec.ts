import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEventStore } from '@one-window/event-store';
import { verifyPassword } from '../sign-in/password.js';
import { UserInputError, UsersStore } from './users.store.js';

describe('UsersStore (the users stream of a real embedded store)', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let users: UsersStore;
  const clerk = {
    username: 'clerk7',
    name: '刘芳',
    role: 'clerk' as const,
    hall: 'hall-150102',
    password: 'a-long-enough-one',
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'users-store-'));
    store = await EmbeddedEventStore.open({ dataDir: dir, synchronous: 'NORMAL' });
    users = new UsersStore(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a user once: a second writer racing for the same username loses', async () => {
    const other = new UsersStore(store);
    const results = await Promise.allSettled([users.create(clerk, 'test'), other.create(clerk, 'test')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [failure] = results.filter((r) => r.status === 'rejected');
    expect(failure.reason).toBeInstanceOf(UserInputError);
    expect(await users.list()).toEqual([
      expect.objectContaining({ username: 'clerk7', role: 'clerk', hall: 'hall-150102' }),
    ]);
  });

  it('refuses a weak password, a bad username and a scope that does not fit the role', async () => {
    await expect(users.create({ ...clerk, password: 'short' }, 't')).rejects.toMatchObject({
      field: 'password',
    });
    await expect(users.create({ ...clerk, username: 'No Spaces' }, 't')).rejects.toMatchObject({
      field: 'username',
    });
    await expect(users.create({ ...clerk, hall: undefined }, 't')).rejects.toMatchObject({ field: 'scope' });
    await expect(users.create({ ...clerk, role: 'approver' }, 't')).rejects.toMatchObject({ field: 'scope' });
    expect(await users.count()).toBe(0);
  });

  it('creates several users in one append, all or none: a taken or repeated username writes nothing', async () => {
    const clerk8 = { ...clerk, username: 'clerk8', password: 'another-long-one' };
    await users.createAll([clerk, clerk8], 'demo-seed');
    const stream = await store.readStream('users');
    expect(stream.map((e) => (e.data as { username: string }).username)).toEqual(['clerk7', 'clerk8']);
    expect(new Set(stream.map((e) => e.position)).size).toBe(2);
    expect(
      await verifyPassword('another-long-one', (await users.findByUsername('clerk8'))!.passwordHash),
    ).toBe(true);
    const clerk9 = { ...clerk, username: 'clerk9' };
    await expect(users.createAll([clerk9, clerk8], 't')).rejects.toMatchObject({ field: 'username' });
    await expect(users.createAll([clerk9, clerk9], 't')).rejects.toMatchObject({ field: 'username' });
    await expect(users.createAll([clerk9, { ...clerk, username: 'x y' }], 't')).rejects.toMatchObject({
      field: 'username',
    });
    expect(await users.count()).toBe(2);
  });

  it('changes a password and disables a user, as events other instances see', async () => {
    await users.create(clerk, 'test');
    await users.changePassword('clerk7', 'another-long-one');
    const elsewhere = new UsersStore(store);
    const changed = await elsewhere.findByUsername('clerk7');
    expect(await verifyPassword('another-long-one', changed!.passwordHash)).toBe(true);
    expect(await verifyPassword(clerk.password, changed!.passwordHash)).toBe(false);
    await users.disable('clerk7', 'test');
    expect((await elsewhere.findByUsername('clerk7'))!.disabled).toBe(true);
    await expect(users.disable('nobody', 'test')).rejects.toMatchObject({ field: 'username' });
    expect((await store.readStream('users')).map((e) => e.type)).toEqual([
      'user.Created',
      'user.PasswordChanged',
      'user.Disabled',
    ]);
  });
});
