import { call, events } from './api.js';
import { date, h, show } from './dom.js';

export async function showEvents() {
  const list = h('ul', { class: 'cards', id: 'event-list', 'aria-label': 'Events' });
  const search = h('input', { id: 'event-search', type: 'search', placeholder: 'title, description, keyword' });
  const searchForm = h('form', { class: 'row', role: 'search' },
    h('div', {}, h('label', { for: 'event-search' }, 'Search events'), search),
    h('button', { type: 'submit' }, 'Search'));
  searchForm.addEventListener('submit', (e) => { e.preventDefault(); fill(list, search.value); });
  show(h('h1', {}, 'Earth Science Events'), searchForm, list, createForm());
  await fill(list, '');
}

async function fill(list, query) {
  const page = await call('GET', `${events}?size=100${query ? `&q=${encodeURIComponent(query)}` : ''}`);
  list.replaceChildren(...page.items.map(card));
  if (page.items.length === 0) list.append(h('li', { class: 'muted' }, 'No events yet.'));
  for (const item of page.items) {
    call('GET', `${events}/${item.slug}/images?size=1`).then((images) => {
      list.querySelector(`[data-slug="${item.slug}"] .count`).textContent = `${images.total} image${images.total === 1 ? '' : 's'}`;
    }).catch(() => {});
  }
}

function card(event) {
  const range = event.timeRange ? `${date(event.timeRange.start)} – ${date(event.timeRange.end)}` : '';
  return h('li', { class: 'card', dataset: { slug: event.slug } },
    h('a', { href: `#/events/${encodeURIComponent(event.slug)}` }, event.title),
    h('div', { class: 'muted' }, event.phenomenon || ''),
    h('div', { class: 'muted' }, range),
    h('div', { class: 'muted count' }, ''));
}

let classRows = 0;

function classRow(name = '', colour = '#e6194b') {
  const index = ++classRows;
  const row = h('div', { class: 'row class-row' },
    h('div', {}, h('label', { for: `class-name-${index}` }, `Class ${index} name`),
      h('input', { id: `class-name-${index}`, type: 'text', class: 'class-name', value: name })),
    h('div', {}, h('label', { for: `class-colour-${index}` }, 'Colour'),
      h('input', { id: `class-colour-${index}`, type: 'color', class: 'class-colour', value: colour })),
    h('button', { type: 'button', onclick: () => row.remove(), 'aria-label': `Remove class ${index}` }, 'Remove'));
  return row;
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe'];

function createForm() {
  const classes = h('div', { id: 'class-rows' });
  const message = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { id: 'create-event' },
    h('h2', {}, 'New event'),
    h('label', { for: 'event-title' }, 'Title'), h('input', { id: 'event-title', type: 'text', required: true }),
    h('label', { for: 'event-slug' }, 'Short name (in links)'),
    h('input', { id: 'event-slug', type: 'text', required: true, pattern: '[a-z0-9][a-z0-9-]{1,62}' }),
    h('label', { for: 'event-phenomenon' }, 'Phenomenon'), h('input', { id: 'event-phenomenon', type: 'text' }),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'event-start' }, 'Start'), h('input', { id: 'event-start', type: 'date' })),
      h('div', {}, h('label', { for: 'event-end' }, 'End'), h('input', { id: 'event-end', type: 'date' }))),
    h('fieldset', {}, h('legend', {}, 'Label classes'), classes,
      h('button', { type: 'button', id: 'add-class',
        onclick: () => classes.append(classRow('', PALETTE[classes.children.length % PALETTE.length])) }, 'Add class')),
    h('button', { type: 'submit', class: 'primary' }, 'Create event'), message);
  // the short name follows the title until it is edited by hand
  const slug = form.querySelector('#event-slug');
  form.querySelector('#event-title').addEventListener('input', (e) => {
    if (!slug.dataset.edited) slug.value = slugOf(e.target.value);
  });
  slug.addEventListener('input', () => { slug.dataset.edited = 'true'; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (id) => form.querySelector(`#${id}`).value;
    const body = {
      slug: value('event-slug'),
      title: value('event-title'),
      phenomenon: value('event-phenomenon') || undefined,
      labelSchema: {
        classes: [...classes.querySelectorAll('.class-row')]
          .map((row) => ({ name: row.querySelector('.class-name').value.trim(), colour: row.querySelector('.class-colour').value }))
          .filter((c) => c.name),
      },
    };
    if (value('event-start') || value('event-end')) {
      body.timeRange = {
        start: value('event-start') ? `${value('event-start')}T00:00:00Z` : undefined,
        end: value('event-end') ? `${value('event-end')}T23:59:59Z` : undefined,
      };
    }
    try {
      const created = await call('POST', events, { json: body });
      location.hash = `#/events/${encodeURIComponent(created.slug)}`;
    } catch (err) {
      message.textContent = err.message;
      message.scrollIntoView({ block: 'nearest' });
    }
  });
  return form;
}

function slugOf(title) {
  return title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}
