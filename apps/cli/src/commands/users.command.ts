import type { Command } from 'commander';

interface CreateOptions {
  username: string;
  role: string;
  scope?: string;
  name?: string;
  passwordStdin?: boolean;
}

const ROLES = ['clerk', 'approver', 'head', 'reviewer', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

/**
 * `one-window users create|list`: the only way real deployments get users. The password is typed
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
      const { promptHidden, readLineFromStdin } = await import('./read-secret.js');
      let password: string;
      if (options.passwordStdin) password = await readLineFromStdin();
      else {
        password = await promptHidden(`Password for ${options.username}: `);
        if ((await promptHidden('Again: ')) !== password)
          throw new Error('the passwords differ; nothing was created');
      }
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
          `cli:${process.env.USER ?? 'unknown'}`,
        );
        console.log(`created ${user.username} (${user.role}${options.scope ? `, ${options.scope}` : ''})`);
      } finally {
        await close();
      }
    });

  users
    .command('list')
    .description('list users')
    .action(async () => {
      const { openUsers } = await import('./open-users.js');
      const { users: store, close } = await openUsers();
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
