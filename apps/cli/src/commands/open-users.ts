import { demoCatalogDir, type Directory, loadCatalog } from '@one-window/catalog';
import { createEventStore } from '@one-window/event-store';
import { UserInputError, type UserRole, UsersStore } from '@one-window/identity';
import { cliConfig } from '../config.js';

export type Scope = { hall?: string; department?: string };

/** A scope id read against the catalog's directory: a clerk's hall, an approver's department, a reviewer's either. */
export function resolveScope(directory: Directory, role: UserRole, id: string | undefined): Scope {
  if (id === undefined) return {};
  const hall = directory.hall(id);
  const department = directory.department(id);
  const known = (kind: string, ok: unknown): void => {
    if (!ok) throw new UserInputError('scope', `--scope ${id} is not a ${kind} of the catalog's directory`);
  };
  switch (role) {
    case 'clerk':
      known('hall', hall);
      return { hall: id };
    case 'approver':
    case 'head':
      known('department', department);
      return { department: id };
    case 'reviewer':
      known('hall or department', hall ?? department);
      return hall ? { hall: id } : { department: id };
    case 'admin':
      throw new UserInputError('scope', 'an administrator has no scope');
    default: {
      const unknown: never = role;
      throw new UserInputError('role', `unknown role ${String(unknown)}`);
    }
  }
}

/** The users of the store the environment names (EVENTSTORE_URL / DATA_DIR), as the server would see them; `readOnly` for `users list`. */
export async function openUsers(options: { readOnly?: boolean } = {}): Promise<{
  users: UsersStore;
  directory: Directory;
  close: () => Promise<void>;
}> {
  const config = cliConfig();
  const catalog = await loadCatalog(config.catalog.dir ?? demoCatalogDir(), {
    codePattern: config.catalog.codePattern,
  });
  const store = await createEventStore({ ...config.eventStore, readOnly: options.readOnly });
  return { users: new UsersStore(store), directory: catalog.directory, close: () => store.close() };
}
