// The heading and tabs every screen of one event shares, and what the caller may do there.
import { date, h } from './dom.js';

// the team roles of each action, as the server's EventAction has them; administrators may all
const ROLES = {
  update: ['owner', 'manager'],
  manageTeam: ['owner', 'manager'],
  addImages: ['owner', 'manager', 'labeler'],
  label: ['owner', 'manager', 'labeler'],
  review: ['owner', 'manager', 'reviewer'],
};

export function may(event, session, action) {
  return Boolean(session.admin) || ROLES[action].includes(event.role);
}

export function eventHeader(event, session, current) {
  const slug = encodeURIComponent(event.slug);
  const tabs = [
    ['images', 'Images', `#/events/${slug}`],
    ['map', 'Map', `#/events/${slug}/map`],
    ['team', 'Team', `#/events/${slug}/team`],
    ['export', 'Export', `#/events/${slug}/export`],
  ];
  if (may(event, session, 'update')) tabs.push(['edit', 'Edit', `#/events/${slug}/edit`]);
  const range = event.timeRange ? [date(event.timeRange.start), date(event.timeRange.end)].filter(Boolean).join(' – ') : '';
  return [
    h('p', {}, h('a', { href: '#/events' }, '← Events')),
    h('h1', {}, event.title),
    h('p', { class: 'muted' }, [event.phenomenon, range, event.role && `your role: ${event.role}`].filter(Boolean).join(' · ')),
    h('nav', { class: 'tabs', 'aria-label': 'Event sections' },
      h('ul', {}, ...tabs.map(([id, label, href]) => h('li', {},
        h('a', { href, id: `tab-${id}`, 'aria-current': id === current ? 'page' : undefined }, label))))),
  ];
}

// A labelled select of [value, text] pairs.
export function selectField(id, label, options, value = '') {
  const select = h('select', { id }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return { field: h('div', {}, h('label', { for: id }, label), select), select };
}
