import { ApiError, post } from '../lib/api.js';
import { formValues, h, mount } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { type Session, saveSession } from '../lib/session.js';
import { navigate, problemBox } from '../lib/ui.js';

export async function loginView(root: HTMLElement): Promise<void> {
  const message = h('div', {});
  const form = h(
    'form',
    {
      id: 'login-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const { username = '', password = '' } = formValues(form);
          post<Session>('/api/auth/login', { username, password })
            .then((session) => {
              saveSession(session);
              navigate('#/');
            })
            .catch((error: unknown) =>
              mount(message, problemBox(error instanceof ApiError ? error : String(error))),
            );
        },
      },
    },
    h('label', { for: 'username' }, t('username')),
    h('input', {
      id: 'username',
      name: 'username',
      autocomplete: 'username',
      required: true,
      autofocus: true,
    }),
    h('label', { for: 'password' }, t('password')),
    h('input', {
      id: 'password',
      name: 'password',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
    }),
    message,
    h('div', { class: 'actions spaced' }, h('button', { class: 'primary', type: 'submit' }, t('signIn'))),
  );
  mount(
    root,
    h(
      'div',
      { class: 'login' },
      h(
        'div',
        { class: 'panel' },
        h('h1', {}, `${t('appName')} · ${t('signIn')}`),
        h('p', { class: 'muted' }, t('appTagline')),
        form,
      ),
    ),
  );
}
