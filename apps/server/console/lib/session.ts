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
  try {
    const session = JSON.parse(raw) as Session;
    return new Date(session.expiresAt).getTime() > Date.now() ? session : null;
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
