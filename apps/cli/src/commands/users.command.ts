import type { Command } from 'commander';
import { cliConfig } from '../config.js';

interface CreateOptions {
  username: string;
  role: string;
  scope?: string;
  name?: string;
  passwordStdin?: boolean;
}

const ROLES = ['clerk', 'approver', 'head', 'reviewer', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

async function readPassword(username: string, fromStdin: boolean | undefined): Promise<string> {
  const { promptHidden, readLineFromStdin } = await import('./read-secret.js');
  if (fromStdin) return readLineFromStdin();
  const password = await promptHidden(`Password for ${username}: `);
  if ((await promptHidden('Again: ')) !== password)
    throw new Error('the passwords differ; nothing was changed');
  return password;
}

/**
 * `one-window users create|passwd|disable|list`: the only way real deployments get users. The password is typed
 * at a hidden prompt (twice) or piped with --password-stdin; there is never a default.
 */
export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description('manage who may sign in (stored in the event store stream "users")');

  users
    .command('create')
    .description('create a user; asks for the password')
    .requiredOption('--username <username>', '3–32 lowercase letters, digits, ".", "_" or "-"')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option(
      '--scope <id>',
      'hall id for a clerk; department id for an approver or head (optional for a reviewer)',
    )
    .option('--name <name>', 'display name (defaults to the username)')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (options: CreateOptions) => {
      const { openUsers, resolveScope } = await import('./open-users.js');
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      }
      const role = options.role as RoleName;
      const password = await readPassword(options.username, options.passwordStdin);
      const { users: store, directory, close } = await openUsers();
      try {
        const scope = resolveScope(directory, role, options.scope);
        const user = await store.create(
          {
            username: options.username,
            name: options.name ?? options.username,
            role,
            ...scope,
            password,
          },
          cliConfig().operator,
        );
        console.log(`created ${user.username} (${user.role}${options.scope ? `, ${options.scope}` : ''})`);
      } finally {
        await close();
      }
    });

  users
    .command('passwd')
    .description("set a user's password; asks for it")
    .requiredOption('--username <username>')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (options: { username: string; passwordStdin?: boolean }) => {
      const { openUsers } = await import('./open-users.js');
      const password = await readPassword(options.username, options.passwordStdin);
      const { users: store, close } = await openUsers();
      try {
        await store.changePassword(options.username, password);
        console.log(`password of ${options.username} changed`);
      } finally {
        await close();
      }
    });

  users
    .command('role')
    .description('give a user another role and scope (their tokens stop working; they sign in again)')
    .requiredOption('--username <username>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--scope <id>', 'hall id for a clerk; department id for an approver or head')
    .action(async (options: { username: string; role: string; scope?: string }) => {
      const { openUsers, resolveScope } = await import('./open-users.js');
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      }
      const role = options.role as RoleName;
      const { users: store, directory, close } = await openUsers();
      try {
        const scope = resolveScope(directory, role, options.scope);
        await store.changeRole(options.username, { role, ...scope }, cliConfig().operator);
        console.log(`${options.username} is now ${role}${options.scope ? ` (${options.scope})` : ''}`);
      } finally {
        await close();
      }
    });

  users
    .command('disable')
    .description('stop a user from signing in (their tokens stop working too)')
    .requiredOption('--username <username>')
    .action(async (options: { username: string }) => {
      const { openUsers } = await import('./open-users.js');
      const { users: store, close } = await openUsers();
      try {
        await store.disable(options.username, cliConfig().operator);
        console.log(`${options.username} disabled`);
      } finally {
        await close();
      }
    });

  users
    .command('list')
    .description('list users')
    .action(async () => {
      const { openUsers } = await import('./open-users.js');
      const { users: store, close } = await openUsers({ readOnly: true });
      try {
        for (const u of await store.list()) {
          console.log(
            [u.username, u.role, u.hall ?? u.department ?? '-', u.name, u.disabled ? 'disabled' : '']
              .join('\t')
              .trim(),
          );
        }
      } finally {
        await close();
      }
    });
}
