// The image view: the picture in an OpenLayers map in pixel space, annotations drawn on it and
// saved as they change, and the image's tags.
import { ApiError, call, events } from './api.js';
import { h, show } from './dom.js';
import { Sketch } from './sketch.js';

export async function showImage(slug, id) {
  const [event, image, annotations] = await Promise.all([
    call('GET', `${events}/${slug}`),
    call('GET', `${events}/${slug}/images/${id}`),
    call('GET', `${events}/${slug}/annotations?imageId=${id}&space=pixel&size=500`),
  ]);
  const classes = event.labelSchema.classes;
  const saveState = h('p', { id: 'save-state', role: 'status', 'aria-live': 'polite' }, 'All changes saved');
  const palette = h('div', { class: 'palette', role: 'group', 'aria-label': 'Class (keys 1-9)' });
  const tools = h('div', { class: 'row', role: 'group', 'aria-label': 'Tool' });
  const tags = h('div', { class: 'row', role: 'group', 'aria-label': 'Image tags', id: 'tags' });
  const mapElement = h('div', { id: 'map', tabindex: 0, 'aria-label': `Image ${image.name}: draw annotations here` });
  show(
    h('p', {}, h('a', { href: `#/events/${encodeURIComponent(slug)}` }, `← ${event.title}`)),
    h('h1', {}, image.name),
    h('div', { class: 'viewer' }, mapElement,
      h('aside', {}, h('h2', {}, 'Class'), palette, h('h2', {}, 'Tool'), tools,
        h('button', { type: 'button', id: 'delete-annotation' }, 'Delete selected (Del)'),
        h('h2', {}, 'Tags'), tags, saveState)));

  const status = (text, isError = false) => {
    saveState.textContent = text;
    saveState.className = isError ? 'error' : '';
  };
  const store = new AnnotationStore(slug, image, status);
  const sketch = new Sketch(mapElement, image, `${events}/${slug}/images/${id}/display`, classes, store);
  sketch.show(annotations.items);

  classes.forEach((c, i) => {
    palette.append(h('button', {
      type: 'button', 'aria-pressed': String(i === 0), dataset: { class: c.name },
      onclick: () => choose(i),
    }, h('span', { class: 'swatch', style: `background:${c.colour}` }), `${i + 1} ${c.name}`));
  });
  const choose = (i) => {
    sketch.className = classes[i].name;
    palette.querySelectorAll('button').forEach((b, j) => b.setAttribute('aria-pressed', String(i === j)));
  };
  if (classes.length === 0) palette.append(h('p', { class: 'error' }, 'The event has no classes to draw.'));

  const modes = [['box', 'Box (B)'], ['polygon', 'Polygon (P)'], ['select', 'Select (S)']];
  const setMode = (mode) => {
    sketch.mode(mode);
    tools.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
  };
  modes.forEach(([mode, label]) => tools.append(h('button', { type: 'button', dataset: { mode }, onclick: () => setMode(mode) }, label)));
  setMode('box');
  document.getElementById('delete-annotation').addEventListener('click', () => sketch.deleteSelected());

  let current = image;
  const showTags = () => tags.replaceChildren(...event.labelSchema.tags.map((tag) => h('button', {
    type: 'button', dataset: { tag }, 'aria-pressed': String(current.tags.includes(tag)),
    onclick: async () => {
      status('Saving…');
      try {
        current = await call('PATCH', `${events}/${slug}/images/${id}`, { json: { tags: [tag] }, ifMatch: current.version });
        showTags();
        status('All changes saved');
      } catch (e) {
        status(conflictMessage(e, 'the image'), true);
      }
    },
  }, tag.replace('_', ' '))));
  showTags();

  const keys = (e) => {
    if (!document.body.contains(mapElement)) {
      document.removeEventListener('keydown', keys);
      return;
    }
    if (e.target.matches('input, textarea, select')) return;
    if (/^[1-9]$/.test(e.key) && Number(e.key) <= classes.length) choose(Number(e.key) - 1);
    else if (e.key === 'b') setMode('box');
    else if (e.key === 'p') setMode('polygon');
    else if (e.key === 's') setMode('select');
    else if (e.key === 'Delete' || e.key === 'Backspace') sketch.deleteSelected();
  };
  document.addEventListener('keydown', keys);
}

function conflictMessage(error, what) {
  return error instanceof ApiError && error.status === 412
    ? `Not saved: someone else changed ${what} meanwhile. Reload the page to see their version.`
    : `Not saved: ${error.message}`;
}

/** Saves each change as it happens, and says so. */
class AnnotationStore {
  constructor(slug, image, status) {
    this.path = `${events}/${slug}/annotations`;
    this.image = image;
    this.status = status;
  }

  async save(annotation, geometry) {
    this.status('Saving…');
    try {
      const saved = annotation.id
        ? await call('PUT', `${this.path}/${annotation.id}`, { json: { geometry }, ifMatch: annotation.version })
        : await call('POST', this.path, {
          json: { imageId: this.image.id, space: 'pixel', shape: annotation.shape, class: annotation.className, geometry },
        });
      this.status('All changes saved');
      return saved;
    } catch (e) {
      this.status(conflictMessage(e, 'this annotation'), true);
      throw e;
    }
  }

  async remove(annotation) {
    this.status('Saving…');
    try {
      await call('DELETE', `${this.path}/${annotation.id}`, { ifMatch: annotation.version });
      this.status('All changes saved');
    } catch (e) {
      this.status(conflictMessage(e, 'this annotation'), true);
      throw e;
    }
  }
}
