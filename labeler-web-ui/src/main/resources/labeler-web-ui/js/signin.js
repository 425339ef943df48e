import { signIn } from './api.js';
import { h, show } from './dom.js';

export function showSignIn(then) {
  const message = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const form = h('form', { id: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Sign in'),
    h('label', { for: 'username' }, 'User name'),
    h('input', { id: 'username', type: 'text', autocomplete: 'username', required: true }),
    h('label', { for: 'password' }, 'Password'),
    h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await signIn(form.username.value, form.password.value);
    if (result.user) then();
    else message.textContent = 'Wrong user name or password.';
  });
  show(form);
  form.username.focus();
}
