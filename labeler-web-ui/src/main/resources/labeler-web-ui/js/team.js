// #/events/{slug}/team: the members and their roles; owners and managers add, change and remove.
import { call, events, session } from './api.js';
import { date, h, show } from './dom.js';
import { eventHeader, may, selectField } from './event-tabs.js';

const ROLES = [
  ['owner', 'owner: everything, including deleting the event'],
  ['manager', 'manager: edits the event, its team and assignments'],
  ['labeler', 'labeler: adds images and labels them'],
  ['reviewer', 'reviewer: accepts or rejects labeled images'],
  ['viewer', 'viewer: reads only'],
];

export async function showTeam(slug) {
  const path = `${events}/${encodeURIComponent(slug)}`;
  const [event, me] = await Promise.all([call('GET', path), session()]);
  const manage = may(event, me, 'manageTeam');
  const message = h('p', { id: 'team-message', role: 'alert', class: 'error' });
  const done = h('p', { id: 'team-status', role: 'status', class: 'muted' });
  const body = h('tbody');
  const table = h('table', { id: 'team', class: 'grid' },
    h('caption', {}, 'Team'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Role'),
      h('th', { scope: 'col' }, 'Since'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    body);

  async function act(work, success) {
    message.textContent = '';
    done.textContent = '';
    try {
      await work();
      done.textContent = success;
      return true;
    } catch (err) {
      message.textContent = err.message;
      return false;
    } finally {
      await fill();
    }
  }

  async function fill() {
    const members = await call('GET', `${path}/members`);
    body.replaceChildren(...members.map((m) => {
      const self = m.username === me.user;
      let role = m.role;
      if (manage) {
        role = h('select', { class: 'member-role', 'aria-label': `Role of ${m.username}`,
          onchange: (e) => act(() => call('PUT', `${path}/members/${encodeURIComponent(m.username)}`, { json: { role: e.target.value } }),
            `${m.username} is now ${e.target.value}`) },
        ...ROLES.map(([r]) => h('option', { value: r, selected: r === m.role }, r)));
      }
      const remove = manage || self
        ? h('button', { type: 'button', class: 'remove-member', 'aria-label': self ? 'Leave the team' : `Remove ${m.username}`,
          onclick: async () => {
            const left = await act(() => call('DELETE', `${path}/members/${encodeURIComponent(m.username)}`),
              self ? 'You left the team' : `${m.username} removed`);
            if (left && self && !me.admin) location.hash = '#/events';
          } }, self ? 'Leave' : 'Remove')
        : null;
      return h('tr', { dataset: { username: m.username } }, h('th', { scope: 'row' }, m.username), h('td', {}, role),
        h('td', {}, date(m.added)), h('td', {}, remove));
    }));
  }

  let add = null;
  if (manage) {
    const username = h('input', { id: 'member-username', type: 'text', required: true, autocomplete: 'off' });
    const role = selectField('member-role', 'Role', ROLES, 'labeler');
    add = h('form', { id: 'add-member', class: 'row' },
      h('div', {}, h('label', { for: 'member-username' }, 'User name'), username), role.field,
      h('button', { type: 'submit', class: 'primary' }, 'Add to team'));
    add.addEventListener('submit', async (e) => {
      e.preventDefault();
      const name = username.value.trim();
      const added = await act(() => call('PUT', `${path}/members/${encodeURIComponent(name)}`, { json: { role: role.select.value } }),
        `${name} added as ${role.select.value}`);
      if (added) username.value = '';
    });
  }

  show(...eventHeader(event, me, 'team'), table, message, done,
    add ? h('h2', {}, 'Add a member') : h('p', { class: 'muted' }, 'Owners and managers change the team.'), add);
  await fill();
}
