import { call, events } from './api.js';
import { date, h, show } from './dom.js';
import { eventForm } from './event-form.js';

export async function showEvents() {
  const list = h('ul', { class: 'cards', id: 'event-list', 'aria-label': 'Events' });
  const search = h('input', { id: 'event-search', type: 'search', placeholder: 'title, description, keyword' });
  const searchForm = h('form', { class: 'row', role: 'search' },
    h('div', {}, h('label', { for: 'event-search' }, 'Search events'), search),
    h('button', { type: 'submit' }, 'Search'));
  searchForm.addEventListener('submit', (e) => { e.preventDefault(); fill(list, search.value); });
  const create = eventForm(null, (created) => { location.hash = `#/events/${encodeURIComponent(created.slug)}`; });
  show(h('h1', {}, 'Earth Science Events'), searchForm, list, create);
  await fill(list, '');
}

async function fill(list, query) {
  const page = await call('GET', `${events}?size=100${query ? `&q=${encodeURIComponent(query)}` : ''}`);
  list.replaceChildren(...page.items.map(card));
  if (page.items.length === 0) list.append(h('li', { class: 'muted' }, 'No events yet.'));
  for (const item of page.items) {
    call('GET', `${events}/${encodeURIComponent(item.slug)}/images/counts`).then((counts) => {
      const at = list.querySelector(`[data-slug="${item.slug}"]`);
      if (at) at.querySelector('.progress').replaceWith(progress(counts));
    }).catch(() => {});
  }
}

function card(event) {
  const range = event.timeRange ? [date(event.timeRange.start), date(event.timeRange.end)].filter(Boolean).join(' – ') : '';
  return h('li', { class: 'card', dataset: { slug: event.slug } },
    h('a', { href: `#/events/${encodeURIComponent(event.slug)}` }, event.title),
    h('div', { class: 'muted' }, event.phenomenon || ''),
    h('div', { class: 'muted' }, range),
    h('div', { class: 'progress muted' }, '…'));
}

// Labeled and accepted images of all, as a bar of the workflow's states and in words.
const SEGMENTS = [['accepted', 'accepted'], ['labeled', 'labeled'], ['in_progress', 'in progress'], ['rejected', 'rejected']];

function progress(counts) {
  const { total, status } = counts;
  const done = status.accepted + status.labeled;
  const words = `${total} image${total === 1 ? '' : 's'}${total ? ` · ${done} labeled (${status.accepted} accepted)` : ''}`;
  const bar = h('div', { class: 'progress-bar', role: 'img',
    'aria-label': SEGMENTS.map(([s, text]) => `${status[s]} ${text}`).concat(`${status.unlabeled} unlabeled`).join(', ') },
  ...SEGMENTS.filter(([s]) => status[s] > 0).map(([s, text]) => h('span', {
    class: `segment ${s}`, style: `width: ${(100 * status[s]) / total}%`, title: `${status[s]} ${text}` })));
  return h('div', { class: 'progress', dataset: { total, done } },
    h('div', { class: 'muted count' }, words), total ? bar : null);
}
