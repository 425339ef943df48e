// The event form, shared by "New event" (events list) and #/events/{slug}/edit: fields, the
// label schema editor, and the API's refusals shown next to the field they name.
import { call, events, session } from './api.js';
import { date, h, show } from './dom.js';
import { eventHeader, may } from './event-tabs.js';

export const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe'];
const VISIBILITIES = [['private', 'Private: the team only'], ['team', 'Team: any signed-in user'], ['public', 'Public: anyone']];

export async function showEventEdit(slug) {
  const [event, me] = await Promise.all([call('GET', `${events}/${slug}`), session()]);
  if (!may(event, me, 'update')) {
    show(...eventHeader(event, me, 'edit'), h('p', { class: 'error', role: 'alert' }, 'Your role in this event does not allow editing it.'));
    return;
  }
  show(...eventHeader(event, me, 'edit'), eventForm(event, (saved) => {
    location.hash = `#/events/${encodeURIComponent(saved.slug)}`;
  }));
}

/** The form for a new event (event null) or for changing one; saved(event) once the API took it. */
export function eventForm(event, saved) {
  const editing = Boolean(event);
  const e = event || { labelSchema: { classes: [], tags: ['present', 'not_present', 'untagged'] }, visibility: 'private' };
  const formMessage = h('p', { class: 'error', role: 'alert', id: 'event-form-message' });
  const classes = h('ol', { id: 'class-rows', class: 'class-rows' });
  const removed = h('div', { id: 'removed-classes' });
  let rows = 0;

  function classRow(c) {
    const index = ++rows;
    const name = h('input', { id: `class-name-${index}`, type: 'text', class: 'class-name', value: c.name || '', 'aria-describedby': `class-error-${index}` });
    const colour = h('input', { id: `class-colour-${index}`, type: 'color', class: 'class-colour', value: c.colour || PALETTE[0] });
    const row = h('li', { class: 'class-row', dataset: { original: c.name || '', description: c.description || '' } },
      h('div', { class: 'row' },
        h('div', {}, h('label', { for: name.id }, `Class ${index} name`), name),
        h('div', {}, h('label', { for: colour.id }, 'Colour'), colour),
        h('button', { type: 'button', class: 'move-up', 'aria-label': `Move class ${index} up`, onclick: () => move(row, -1) }, '↑'),
        h('button', { type: 'button', class: 'move-down', 'aria-label': `Move class ${index} down`, onclick: () => move(row, 1) }, '↓'),
        h('button', { type: 'button', class: 'remove-class', 'aria-label': `Remove class ${index}`, onclick: () => remove(row) }, 'Remove')),
      h('p', { class: 'error field-error', id: `class-error-${index}` }));
    return row;
  }

  function move(row, by) {
    const sibling = by < 0 ? row.previousElementSibling : row.nextElementSibling;
    if (!sibling) return;
    if (by < 0) sibling.before(row);
    else sibling.after(row);
    row.querySelector(by < 0 ? '.move-up' : '.move-down').focus();
  }

  // a removed class that annotations use comes back with the API's refusal next to it
  function remove(row) {
    const name = row.querySelector('.class-name').value || 'unnamed';
    row.hidden = true;
    row.dataset.removed = 'true';
    const note = h('p', { class: 'muted removed-class' }, `Class “${name}” will be removed on save. `,
      h('button', { type: 'button', onclick: () => restore(row, note) }, `Keep “${name}”`));
    removed.append(note);
    row._note = note;
  }

  function restore(row, note) {
    row.hidden = false;
    delete row.dataset.removed;
    note.remove();
    row.querySelector('.class-name').focus();
  }

  classes.append(...e.labelSchema.classes.map(classRow));
  const text = (id, label, value, attributes = {}) => [
    h('label', { for: id }, label),
    h('input', { id, type: 'text', value: value || '', 'aria-describedby': `${id}-error`, ...attributes }),
    h('p', { class: 'error field-error', id: `${id}-error` })];
  const bbox = bboxOf(e.areaOfInterest);
  const number = (id, label, value) => h('div', {}, h('label', { for: id }, label),
    h('input', { id, type: 'number', step: 'any', value: value ?? '', class: 'aoi', 'aria-describedby': 'event-aoi-error' }));

  const form = h('form', { id: editing ? 'edit-event' : 'create-event', novalidate: editing },
    h('h2', {}, editing ? 'Edit event' : 'New event'),
    ...text('event-title', 'Title', e.title, { required: true }),
    editing ? null : text('event-slug', 'Short name (in links)', '', { required: true, pattern: '[a-z0-9][a-z0-9-]{1,62}' }),
    ...text('event-phenomenon', 'Phenomenon', e.phenomenon),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'event-start' }, 'Start'), h('input', { id: 'event-start', type: 'date', value: date(e.timeRange?.start) })),
      h('div', {}, h('label', { for: 'event-end' }, 'End'),
        h('input', { id: 'event-end', type: 'date', value: date(e.timeRange?.end), 'aria-describedby': 'event-end-error' }))),
    h('p', { class: 'error field-error', id: 'event-end-error' }),
    ...text('event-keywords', 'Keywords (comma separated)', (e.keywords || []).join(', ')),
    h('label', { for: 'event-visibility' }, 'Visibility'),
    h('select', { id: 'event-visibility' }, ...VISIBILITIES.map(([v, t]) => h('option', { value: v, selected: v === e.visibility }, t))),
    h('fieldset', { id: 'event-aoi' }, h('legend', {}, 'Area of interest (optional, degrees)'),
      h('div', { class: 'row' },
        number('aoi-min-lon', 'West (min lon)', bbox?.[0]), number('aoi-min-lat', 'South (min lat)', bbox?.[1]),
        number('aoi-max-lon', 'East (max lon)', bbox?.[2]), number('aoi-max-lat', 'North (max lat)', bbox?.[3])),
      e.areaOfInterest && e.areaOfInterest.type !== 'Polygon' ? h('p', { class: 'muted' }, 'The area is not a box: changing these replaces it with one.') : null,
      h('p', { class: 'error field-error', id: 'event-aoi-error' })),
    h('fieldset', { id: 'label-schema' }, h('legend', {}, 'Label classes'), classes, removed,
      h('button', { type: 'button', id: 'add-class',
        onclick: () => {
          const row = classRow({ colour: PALETTE[classes.children.length % PALETTE.length] });
          classes.append(row);
          row.querySelector('.class-name').focus();
        } }, 'Add class'),
      ...text('event-tags', 'Image tags (comma separated)', e.labelSchema.tags.join(', '))),
    h('button', { type: 'submit', class: 'primary' }, editing ? 'Save changes' : 'Create event'),
    formMessage);

  if (!editing) {
    // the short name follows the title until it is edited by hand
    const slug = form.querySelector('#event-slug');
    form.querySelector('#event-title').addEventListener('input', (ev) => {
      if (!slug.dataset.edited) slug.value = slugOf(ev.target.value);
    });
    slug.addEventListener('input', () => { slug.dataset.edited = 'true'; });
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
    formMessage.textContent = '';
    const value = (id) => form.querySelector(`#${id}`).value.trim();
    const list = (id) => value(id).split(',').map((s) => s.trim()).filter(Boolean);
    const kept = [...classes.querySelectorAll('.class-row:not([data-removed])')];
    const body = {
      title: value('event-title'),
      phenomenon: value('event-phenomenon') || (editing ? '' : undefined),
      keywords: list('event-keywords'),
      visibility: value('event-visibility'),
      labelSchema: {
        classes: kept.map((row) => ({
          name: row.querySelector('.class-name').value.trim(),
          colour: row.querySelector('.class-colour').value,
          description: row.dataset.description || undefined,
        })),
        tags: list('event-tags'),
      },
    };
    if (!editing) body.slug = value('event-slug');
    if (value('event-start') || value('event-end')) {
      body.timeRange = {
        start: value('event-start') ? `${value('event-start')}T00:00:00Z` : undefined,
        end: value('event-end') ? `${value('event-end')}T23:59:59Z` : undefined,
      };
    }
    const corners = ['aoi-min-lon', 'aoi-min-lat', 'aoi-max-lon', 'aoi-max-lat'].map(value);
    if (corners.some(Boolean)) {
      const [w, s, east, n] = corners.map(Number);
      if (corners.some((c) => c === '') || [w, s, east, n].some(Number.isNaN) || w >= east || s >= n) {
        fieldError(form, 'areaOfInterest', 'give all four edges, west less than east and south less than north');
        return;
      }
      if (!sameBox(bbox, [w, s, east, n])) {
        body.areaOfInterest = { type: 'Polygon', coordinates: [[[w, s], [east, s], [east, n], [w, n], [w, s]]] };
      }
    }
    try {
      const result = editing
        ? await call('PUT', `${events}/${encodeURIComponent(e.slug)}`, { json: body, ifMatch: e.version })
        : await call('POST', events, { json: body });
      saved(result);
    } catch (err) {
      const problem = err.problem || {};
      if (problem.class) {
        const row = [...classes.querySelectorAll('.class-row')].find((r) => r.dataset.original === problem.class);
        if (row) {
          if (row.dataset.removed) restore(row, row._note);
          row.querySelector('.field-error').textContent = err.message;
          row.querySelector('.class-name').focus();
          return;
        }
      }
      if (err.status === 412) {
        formMessage.textContent = `${err.message}. Reload the page to see the other change, then edit again.`;
      } else if (!fieldError(form, problem.field, err.message, kept)) {
        formMessage.textContent = err.message;
      }
      formMessage.scrollIntoView({ block: 'nearest' });
    }
  });
  return form;
}

// Shows message next to the input of the API's field; false when the form has no such field.
function fieldError(form, field, message, kept = []) {
  if (!field) return false;
  let target = null;
  const classField = /^labelSchema\.classes\[(\d+)\]/.exec(field);
  if (classField) {
    const row = kept[Number(classField[1])];
    if (row) {
      row.querySelector('.field-error').textContent = message;
      (field.endsWith('.colour') ? row.querySelector('.class-colour') : row.querySelector('.class-name')).focus();
      return true;
    }
  }
  const ids = { title: 'event-title', slug: 'event-slug', phenomenon: 'event-phenomenon', 'timeRange.end': 'event-end',
    'timeRange.start': 'event-end', timeRange: 'event-end', keywords: 'event-keywords', areaOfInterest: 'event-aoi' };
  if (field.startsWith('labelSchema.tags')) target = 'event-tags';
  else if (field.startsWith('keywords')) target = 'event-keywords';
  else target = ids[field];
  const error = target && form.querySelector(`#${target}-error`);
  if (!error) return false;
  error.textContent = message;
  const input = form.querySelector(`#${target}`);
  (input.matches('fieldset') ? input.querySelector('input') : input).focus();
  return true;
}

// [west, south, east, north] of a GeoJSON geometry, or null
function bboxOf(geometry) {
  if (!geometry) return null;
  const points = JSON.stringify(geometry.coordinates).match(/-?\d+(\.\d+)?(e-?\d+)?/gi)?.map(Number) || [];
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  return xs.length ? [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] : null;
}

function sameBox(a, b) {
  return a && a.every((v, i) => Math.abs(v - b[i]) < 1e-9);
}

function slugOf(title) {
  return title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}
