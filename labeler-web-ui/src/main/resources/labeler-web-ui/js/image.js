// The image view: the picture in an OpenLayers map in pixel space, annotations drawn on it and
// saved as they change (with undo and redo), the image's tags and workflow, and the way to the
// previous and next image of the list the user came from (#/events/{slug}/images/{id}?status=).
import { ApiError, call, events, session } from './api.js';
import { h, show } from './dom.js';
import { may } from './event-tabs.js';
import { workflowPanel } from './review.js';
import { Sketch } from './sketch.js';
import { UndoHistory } from './undo.js';

export async function showImage(slug, idAndQuery) {
  const [id, query] = idAndQuery.split('?');
  const filter = new URLSearchParams(query || '').get('status') || '';
  const [event, me, image, annotations] = await Promise.all([
    call('GET', `${events}/${slug}`),
    session(),
    call('GET', `${events}/${slug}/images/${id}`),
    allAnnotations(slug, id),
  ]);
  const classes = event.labelSchema.classes;
  const saveState = h('p', { id: 'save-state', role: 'status', 'aria-live': 'polite' }, 'All changes saved');
  const palette = h('div', { class: 'palette', role: 'group', 'aria-label': 'Class (keys 1-9)' });
  const tools = h('div', { class: 'row', role: 'group', 'aria-label': 'Tool' });
  const edits = h('div', { class: 'row', role: 'group', 'aria-label': 'Edit' });
  const tags = h('div', { class: 'row', role: 'group', 'aria-label': 'Image tags', id: 'tags' });
  const mapElement = h('div', { id: 'map', tabindex: 0, 'aria-label': `Image ${image.name}: draw annotations here` });
  const navigation = h('nav', { class: 'row image-nav', 'aria-label': 'Images' });
  let current = image;
  const workflow = workflowPanel(slug, event, me, {
    image: () => current,
    changed: (updated) => { current = updated; },
    reviewed: () => goToNext(slug, current, 'labeled', navigation),
  });
  show(
    h('p', {}, h('a', { href: `#/events/${encodeURIComponent(slug)}` }, `← ${event.title}`)),
    h('div', { class: 'row image-title' }, h('h1', {}, image.name), navigation),
    h('div', { class: 'viewer' }, mapElement,
      h('aside', {}, workflow, h('h2', {}, 'Class'), palette, h('h2', {}, 'Tool'), tools, edits,
        h('h2', {}, 'Tags'), tags, saveState,
        h('p', { class: 'muted keys' }, 'Keys: 1-9 class · B box · P polygon · S select · Del delete · '
          + 'Ctrl+Z undo · Ctrl+Shift+Z or Ctrl+Y redo · [ or PageUp previous · ] or PageDown next image'))));

  const status = (text, isError = false) => {
    saveState.textContent = text;
    saveState.className = isError ? 'error' : '';
  };
  const undo = h('button', { type: 'button', id: 'undo', disabled: true }, 'Undo (Ctrl+Z)');
  const redo = h('button', { type: 'button', id: 'redo', disabled: true }, 'Redo (Ctrl+Y)');
  const history = new UndoHistory(() => {
    undo.disabled = !history.canUndo;
    redo.disabled = !history.canRedo;
  });
  const store = new AnnotationStore(slug, image, status);
  const sketch = new Sketch(mapElement, image, `${events}/${slug}/images/${id}/display`, classes, store, history);
  sketch.show(annotations);
  undo.addEventListener('click', () => history.undo());
  redo.addEventListener('click', () => history.redo());
  edits.append(undo, redo, h('button', { type: 'button', id: 'delete-annotation', onclick: () => sketch.deleteSelected() },
    'Delete selected (Del)'));

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

  // the tools of what the caller's role may do (the server decides all the same): a viewer only looks
  const drawing = may(event, me, 'label');
  const modes = drawing ? [['box', 'Box (B)'], ['polygon', 'Polygon (P)'], ['select', 'Select (S)']] : [];
  const setMode = (mode) => {
    sketch.mode(mode);
    tools.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
  };
  modes.forEach(([mode, label]) => tools.append(h('button', { type: 'button', dataset: { mode }, onclick: () => setMode(mode) }, label)));
  if (!drawing) tools.append(h('p', { class: 'muted' }, 'Your role in this event lets you look, not draw.'));
  setMode(drawing ? 'box' : 'view');

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

  const neighbours = imageNavigation(slug, image, filter, navigation);

  const keys = (e) => {
    if (!document.body.contains(mapElement)) {
      document.removeEventListener('keydown', keys);
      sketch.map.setTarget(null);
      return;
    }
    if (e.target.matches('input, textarea, select')) return;
    const key = e.key.toLowerCase();
    if (e.ctrlKey || e.metaKey) {
      if (key === 'z' && !e.shiftKey) history.undo();
      else if (key === 'y' || (key === 'z' && e.shiftKey)) history.redo();
      else return;
      e.preventDefault();
      return;
    }
    if (/^[1-9]$/.test(e.key) && Number(e.key) <= classes.length) choose(Number(e.key) - 1);
    else if (drawing && e.key === 'b') setMode('box');
    else if (drawing && e.key === 'p') setMode('polygon');
    else if (drawing && e.key === 's') setMode('select');
    else if (drawing && (e.key === 'Delete' || e.key === 'Backspace')) sketch.deleteSelected();
    else if (e.key === ']' || e.key === 'PageDown') neighbours.go(1);
    else if (e.key === '[' || e.key === 'PageUp') neighbours.go(-1);
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', keys);
}

/** All the image's annotations, page after page (the API gives at most 500 at a time). */
async function allAnnotations(slug, id) {
  const size = 500;
  const items = [];
  for (let page = 0; ; page++) {
    const batch = await call('GET', `${events}/${slug}/annotations?imageId=${id}&space=pixel&size=${size}&page=${page}`);
    items.push(...batch.items);
    if (batch.items.length < size || items.length >= batch.total) return items;
  }
}

/** The event's images in list order (oldest first, as the event's page lists them), with a status filter. */
async function imageOrder(slug, status) {
  const size = 500;
  const items = [];
  for (let page = 0; ; page++) {
    const batch = await call('GET', `${events}/${slug}/images?size=${size}&page=${page}${status ? `&status=${status}` : ''}`);
    items.push(...batch.items.map((i) => ({ id: i.id, created: i.created })));
    if (batch.items.length < size || items.length >= batch.total) return items;
  }
}

// The images before and after this one in the list. One that left the filtered list (just
// reviewed, say) keeps its place by the list's order: created, then id.
function around(order, image) {
  const here = order.findIndex((i) => i.id === image.id);
  if (here >= 0) return { earlier: order.slice(0, here), later: order.slice(here + 1), here: true };
  const key = (i) => [Date.parse(i.created), i.id];
  const [t, id] = key(image);
  const isEarlier = (i) => { const [u, j] = key(i); return u < t || (u === t && j < id); };
  return { earlier: order.filter(isEarlier), later: order.filter((i) => !isEarlier(i)), here: false };
}

function imageLink(slug, id, status) {
  return `#/events/${encodeURIComponent(slug)}/images/${id}${status ? `?status=${status}` : ''}`;
}

/** Previous and next buttons (and "3 of 12"), filled in once the list is known. */
function imageNavigation(slug, image, status, element) {
  const previous = h('a', { id: 'previous-image', class: 'button', 'aria-disabled': 'true' }, '← Previous ([)');
  const next = h('a', { id: 'next-image', class: 'button', 'aria-disabled': 'true' }, 'Next (]) →');
  const position = h('span', { id: 'image-position', class: 'muted' }, 'Loading the image list…');
  element.replaceChildren(previous, position, next);
  const links = { '-1': null, 1: null };
  const known = imageOrder(slug, status).then((order) => {
    const { earlier, later, here } = around(order, image);
    links[-1] = earlier.length ? imageLink(slug, earlier[earlier.length - 1].id, status) : null;
    links[1] = later.length ? imageLink(slug, later[0].id, status) : null;
    for (const [a, link] of [[previous, links[-1]], [next, links[1]]]) {
      if (link) a.setAttribute('href', link);
      a.setAttribute('aria-disabled', String(!link));
    }
    const list = status ? `${status.replace('_', ' ')} images` : 'images';
    position.textContent = here ? `${earlier.length + 1} of ${order.length} ${list}` : `${order.length} ${list}`;
    element.dataset.ready = 'true';
  }).catch((e) => {
    position.textContent = `Image list unavailable: ${e.message}`;
  });
  return {
    // a key pressed while the list is still loading is kept, not lost
    async go(direction) {
      await known;
      if (links[direction] && document.body.contains(element)) location.hash = links[direction];
    },
  };
}

/** After a review: the next image awaiting review, or the event's page when none is left. */
async function goToNext(slug, image, status, element) {
  const order = await imageOrder(slug, status);
  const { earlier, later } = around(order, image);
  const next = later[0] || earlier[0];
  if (next) {
    location.hash = imageLink(slug, next.id, status);
  } else {
    element.replaceChildren(h('span', { id: 'image-position', class: 'muted', role: 'status' }, 'No more images await review.'));
  }
}

function conflictMessage(error, what) {
  return error instanceof ApiError && error.status === 412
    ? `Not saved: someone else changed ${what} meanwhile. Reload the page to see their version.`
    : `Not saved: ${error.message}`;
}

/** Saves each change as it happens, and says so; keeps each annotation's id and version current. */
class AnnotationStore {
  constructor(slug, image, status) {
    this.path = `${events}/${slug}/annotations`;
    this.image = image;
    this.status = status;
  }

  create(annotation, geometry) {
    return this.saving(async () => {
      const saved = await call('POST', this.path, {
        json: {
          imageId: this.image.id, space: 'pixel', shape: annotation.shape, class: annotation.className,
          geometry, attributes: annotation.attributes,
        },
      });
      Object.assign(annotation, { id: saved.id, version: saved.version });
    });
  }

  update(annotation, geometry) {
    return this.saving(async () => {
      const saved = await call('PUT', `${this.path}/${annotation.id}`, { json: { geometry }, ifMatch: annotation.version });
      annotation.version = saved.version;
    });
  }

  remove(annotation) {
    return this.saving(async () => {
      await call('DELETE', `${this.path}/${annotation.id}`, { ifMatch: annotation.version });
      delete annotation.id;
      delete annotation.version;
    });
  }

  async saving(request) {
    this.status('Saving…');
    try {
      await request();
      this.status('All changes saved');
    } catch (e) {
      this.status(conflictMessage(e, 'this annotation'), true);
      throw e;
    }
  }
}
