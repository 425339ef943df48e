// #/events/{slug}/export: a dataset export's options, its job followed to the download link, and
// the event's earlier exports.
import { call, events, session } from './api.js';
import { h, show } from './dom.js';
import { eventHeader, selectField } from './event-tabs.js';

const FORMATS = [
  ['coco', 'COCO', 'instances JSON, boxes and polygons'],
  ['voc', 'Pascal VOC', 'one XML of boxes per image'],
  ['yolo', 'YOLO', 'boxes, one text file per image'],
  ['yolo-seg', 'YOLO segmentation', 'polygons; not together with YOLO'],
  ['geojson', 'GeoJSON', 'labels as features'],
  ['csv', 'CSV', 'image tags'],
  ['shapefile', 'Shapefile', 'georeferenced labels, EPSG:4326'],
  ['geopackage', 'GeoPackage', 'georeferenced labels and the image table'],
  ['stac', 'STAC', 'catalog with label items'],
  ['masks', 'Masks', 'class-index PNGs (and GeoTIFFs)'],
];
const POLL_MS = 500;

export async function showExport(slug) {
  const path = `${events}/${encodeURIComponent(slug)}`;
  const [event, me] = await Promise.all([call('GET', path), session()]);
  const message = h('p', { id: 'export-message', role: 'alert', class: 'error' });
  const progress = h('progress', { id: 'export-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Export progress' });
  const state = h('span', { id: 'export-state', role: 'status' });
  const result = h('p', { id: 'export-result' });
  const previous = h('tbody');

  const check = (name, value, text, checked = false, extra = '') => {
    const id = `${name}-${value}`;
    return h('div', { class: 'check' }, h('input', { type: 'checkbox', id, name, value, checked }),
      h('label', { for: id }, text, extra ? h('span', { class: 'muted' }, ` — ${extra}`) : null));
  };
  const number = (id, label, value, attributes = {}) => h('div', {}, h('label', { for: id }, label),
    h('input', { id, type: 'number', value, ...attributes }));
  const imageFormat = selectField('export-image-format', 'Image files', [['original', 'as uploaded'], ['png', 'PNG'], ['jpeg', 'JPEG']]);
  const method = selectField('split-method', 'Split method', [['random', 'random by image'], ['spatial', 'spatial grid cells']]);

  const form = h('form', { id: 'export-form' },
    h('fieldset', { id: 'export-formats' }, h('legend', {}, 'Formats'),
      ...FORMATS.map(([id, name, what]) => check('format', id, name, id === 'coco', what))),
    h('fieldset', {}, h('legend', {}, 'Images'),
      h('div', { class: 'check' }, h('input', { type: 'radio', id: 'include-accepted', name: 'include', value: 'accepted', checked: true }),
        h('label', { for: 'include-accepted' }, 'Accepted by a reviewer only')),
      h('div', { class: 'check' }, h('input', { type: 'radio', id: 'include-all', name: 'include', value: 'all' }),
        h('label', { for: 'include-all' }, 'All images')),
      h('div', { class: 'row' },
        h('div', {}, h('label', { for: 'export-from' }, 'Acquired from'), h('input', { id: 'export-from', type: 'date' })),
        h('div', {}, h('label', { for: 'export-to' }, 'Acquired until'), h('input', { id: 'export-to', type: 'date' })))),
    event.labelSchema.classes.length ? h('fieldset', {}, h('legend', {}, 'Classes (none checked: all)'),
      ...event.labelSchema.classes.map((c) => check('class', c.name, c.name))) : null,
    h('fieldset', {}, h('legend', {}, 'Image tags (none checked: any)'),
      ...event.labelSchema.tags.map((t) => check('tag', t, t))),
    h('fieldset', {}, h('legend', {}, 'Train / validation / test split'),
      h('div', { class: 'row' },
        number('split-train', 'Train', 0.8, { step: 0.05, min: 0, max: 1 }),
        number('split-val', 'Validation', 0.1, { step: 0.05, min: 0, max: 1 }),
        number('split-test', 'Test', 0.1, { step: 0.05, min: 0, max: 1 }),
        number('split-seed', 'Seed', 42, { step: 1 }),
        method.field,
        number('split-cell', 'Cell size (degrees)', 0.5, { step: 'any', min: 0 }))),
    h('div', { class: 'row' }, imageFormat.field),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary', id: 'start-export' }, 'Start export'), progress, state),
    message, result);

  const cell = form.querySelector('#split-cell');
  const cellShown = () => { cell.parentElement.hidden = method.select.value !== 'spatial'; };
  method.select.addEventListener('change', cellShown);
  cellShown();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    result.replaceChildren();
    const checked = (name) => [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
    const value = (id) => form.querySelector(`#${id}`).value;
    const from = value('export-from');
    const to = value('export-to');
    const request = {
      formats: checked('format'),
      include: form.querySelector('input[name=include]:checked').value,
      classes: checked('class'),
      tags: checked('tag'),
      time: from || to ? `${from || '..'}/${to ? `${to}T23:59:59Z` : '..'}` : undefined,
      split: {
        train: Number(value('split-train')), val: Number(value('split-val')), test: Number(value('split-test')),
        seed: Number(value('split-seed')), method: method.select.value,
        cellDegrees: method.select.value === 'spatial' ? Number(value('split-cell')) : undefined,
      },
      imageFormat: imageFormat.select.value,
    };
    const start = form.querySelector('#start-export');
    start.disabled = true;
    try {
      const started = await call('POST', `${path}/exports`, { json: request });
      progress.hidden = false;
      progress.value = 0;
      progress.scrollIntoView({ block: 'nearest' });
      const job = await follow(started.job.href, (j) => {
        progress.value = j.progress;
        state.textContent = `${j.state.toLowerCase()} ${j.progress}%`;
      });
      const finished = await call('GET', started.links.self);
      if (job.state === 'SUCCEEDED' && finished.links.download) {
        state.textContent = 'Export ready';
        result.replaceChildren(h('a', { href: finished.links.download, id: 'export-download', download: '' },
          `Download the dataset (${size(finished.bytes)}, ${plural(finished.images, 'image')}, ${plural(finished.annotations, 'label')})`));
        result.scrollIntoView({ block: 'nearest' });
      } else {
        message.textContent = `The export ${job.state.toLowerCase()}${job.message ? `: ${job.message}` : ''}`;
      }
    } catch (err) {
      message.textContent = err.message;
    } finally {
      start.disabled = false;
      await fillPrevious();
    }
  });

  async function fillPrevious() {
    const list = await call('GET', `${path}/exports`);
    previous.replaceChildren(...list.items.map((x) => {
      const job = x.job || {};
      const jobState = (job.state || 'pending').toLowerCase();
      return h('tr', { dataset: { id: x.id } },
        h('td', {}, new Date(x.created).toLocaleString()),
        h('td', {}, x.createdBy),
        h('td', {}, (x.request.formats || []).join(', ')),
        h('td', { class: 'export-state' }, job.state === 'RUNNING' ? `running ${job.progress}%` : jobState,
          job.message && job.state === 'FAILED' ? h('div', { class: 'muted' }, job.message) : null),
        h('td', {}, x.bytes !== undefined ? size(x.bytes) : ''),
        h('td', {}, x.links.download ? h('a', { href: x.links.download, download: '' }, 'Download') : null),
        h('td', {}, h('button', { type: 'button', class: 'delete-export', 'aria-label': `Delete the export of ${new Date(x.created).toLocaleString()}`,
          onclick: async () => {
            try {
              await call('DELETE', x.links.self);
              await fillPrevious();
            } catch (err) {
              message.textContent = err.message;
            }
          } }, 'Delete')));
    }));
    if (list.items.length === 0) previous.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No exports yet.')));
  }

  show(...eventHeader(event, me, 'export'), form,
    h('table', { id: 'exports', class: 'grid' }, h('caption', {}, 'Exports of this event'),
      h('thead', {}, h('tr', {}, ...['Started', 'By', 'Formats', 'State', 'Size', 'File', 'Remove'].map((c) => h('th', { scope: 'col' }, c)))),
      previous));
  await fillPrevious();
}

// Polls the platform's job until it is final; the one who started an export owns its job.
async function follow(href, seen) {
  const path = new URL(href, location.href).pathname;
  for (;;) {
    const job = await call('GET', path);
    seen(job);
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function size(bytes) {
  if (bytes === undefined || bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
