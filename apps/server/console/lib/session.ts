/** The signed-in user, kept for the browser tab (sessionStorage: closing the tab signs out). */
export interface SessionUser {
  readonly userId: string;
  readonly username: string;
  readonly name: string;
  readonly role: 'clerk' | 'approver' | 'head' | 'reviewer' | 'admin';
  readonly hall?: string;
  readonly department?: string;
}

export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SessionUser;
}

const KEY = 'one-window.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  // Expiry is the server's call (a 401 signs the tab out): the browser's clock may differ from it.
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
