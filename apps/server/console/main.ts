import { whenUnauthorized } from './lib/api.js';
import { loadCommands } from './lib/commands.js';
import { $, h, mount } from './lib/dom.js';
import { currentLang, setLang, t } from './lib/i18n.js';
import { departmentName, hallName } from './lib/directory.js';
import { clearSession, loadSession, type SessionUser } from './lib/session.js';
import { loadQueueCounts } from './lib/queue-counts.js';
import { navigate, problemBox } from './lib/ui.js';
import { routes, homeOf, navOf } from './routes.js';

/** The scope's name instead of its id, once the directory has loaded. */
function showScopeName(user: SessionUser): void {
  const id = user.hall ?? user.department;
  if (!id) return;
  void (user.hall ? hallName(id) : departmentName(id))
    .then((name) => {
      const scope = document.getElementById('user-scope');
      if (scope) scope.textContent = name;
    })
    .catch(() => undefined);
}

function renderShell(user: SessionUser | null): void {
  $('#brand-name').textContent = t('appName');
  $('#brand-tagline').textContent = t('appTagline');
  document.title = `${t('appName')} · One Window`;
  const current = location.hash.split('/')[1] ?? '';
  mount(
    $('#nav'),
    user
      ? navOf(user).map(([key, hash]) =>
          h('a', { href: hash, class: hash.split('/')[1] === current ? 'active' : '' }, t(`nav.${key}`)),
        )
      : [],
  );
  mount(
    $('#userbox'),
    user
      ? h(
          'span',
          {},
          `${user.name} · ${t(`role.${user.role}`)}`,
          user.hall || user.department
            ? [' · ', h('span', { id: 'user-scope' }, user.hall ?? user.department ?? '')]
            : null,
        )
      : null,
    h('button', { type: 'button', id: 'lang-switch', on: { click: () => switchLang() } }, t('language')),
    user
      ? h(
          'button',
          {
            type: 'button',
            id: 'sign-out',
            on: {
              click: () => {
                clearSession();
                document.getElementById('toast')?.replaceChildren();
                navigate('#/login');
              },
            },
          },
          t('signOut'),
        )
      : null,
  );
}

function switchLang(): void {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  void route();
}

async function route(): Promise<void> {
  const session = loadSession();
  const hash = location.hash || '#/';
  if (!session && hash !== '#/login') return navigate('#/login');
  if (session && (hash === '#/' || hash === '#/login')) return navigate(homeOf(session.user));
  renderShell(session?.user ?? null);
  if (session) showScopeName(session.user);
  // The queue view loads its own counts (after its lists); elsewhere the menu loads them.
  if (session && !hash.startsWith('#/queue')) void loadQueueCounts(session.user);
  // Each route renders into its own element: a view still loading when the clerk moves on
  // mounts into a detached one instead of over the next screen.
  const root = h('div', { class: 'route' });
  $('#app').replaceChildren(root);
  try {
    await loadCommands();
  } catch (error) {
    root.replaceChildren(problemBox(error));
    return;
  }
  const path = hash.slice(1);
  for (const [pattern, view] of routes) {
    const match = pattern.exec(path);
    if (match) {
      root.replaceChildren(h('p', { class: 'muted' }, t('loading')));
      try {
        await view(
          root,
          match.slice(1).map((v) => (v === undefined ? '' : decodeURIComponent(v))),
          session?.user ?? null,
        );
      } catch (error) {
        root.replaceChildren(problemBox(error));
      }
      return;
    }
  }
  navigate(session ? homeOf(session.user) : '#/login');
}

setLang(currentLang());
whenUnauthorized(() => navigate('#/login'));
window.addEventListener('hashchange', () => void route());
void route();
