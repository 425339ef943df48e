import { call, csrfHeaders, events } from './api.js';
import { date, h, show } from './dom.js';

const STATUSES = ['', 'unlabeled', 'in_progress', 'labeled', 'accepted', 'rejected'];

export async function showEvent(slug) {
  const event = await call('GET', `${events}/${slug}`);
  const list = h('ul', { class: 'cards', id: 'image-list', 'aria-label': 'Images' });
  const status = h('select', { id: 'status-filter' },
    ...STATUSES.map((s) => h('option', { value: s }, s ? s.replace('_', ' ') : 'any status')));
  status.addEventListener('change', () => fill(slug, list, status.value));
  show(
    h('p', {}, h('a', { href: '#/events' }, '← Events')),
    h('h1', {}, event.title, ' ', h('a', { href: `#/events/${encodeURIComponent(slug)}/map`, id: 'event-map', class: 'title-link' }, 'Map')),
    h('p', { class: 'muted' }, [event.phenomenon, event.timeRange && date(event.timeRange.start)].filter(Boolean).join(' · ')),
    uploadForm(slug, () => fill(slug, list, status.value)),
    h('div', { class: 'row' }, h('div', {}, h('label', { for: 'status-filter' }, 'Status'), status)),
    list);
  await fill(slug, list, '');
}

async function fill(slug, list, status) {
  const page = await call('GET', `${events}/${slug}/images?size=200${status ? `&status=${status}` : ''}`);
  list.replaceChildren(...page.items.map((image) => h('li', { class: 'card thumb', dataset: { id: image.id } },
    h('a', { href: `#/events/${encodeURIComponent(slug)}/images/${image.id}` },
      h('img', { src: `${events}/${slug}/images/${image.id}/thumbnail`, alt: image.name, loading: 'lazy' }),
      h('div', {}, image.name)),
    h('div', { class: 'muted' }, `${image.width}×${image.height} · ${image.status.replace('_', ' ')}`))));
  if (page.items.length === 0) list.append(h('li', { class: 'muted' }, 'No images.'));
}

function uploadForm(slug, uploaded) {
  const input = h('input', { id: 'upload-files', type: 'file', multiple: true, accept: 'image/png,image/jpeg,image/tiff' });
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const message = h('span', { id: 'upload-message', role: 'status' });
  const form = h('form', { class: 'row', id: 'upload' },
    h('div', {}, h('label', { for: 'upload-files' }, 'Add images'), input),
    h('button', { type: 'submit', class: 'primary' }, 'Upload'), progress, message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const files = [...input.files];
    progress.hidden = false;
    let done = 0;
    for (const file of files) {
      message.textContent = `Uploading ${file.name}…`;
      try {
        await upload(slug, file, (fraction) => { progress.value = ((done + fraction) / files.length) * 100; });
        done++;
      } catch (err) {
        message.textContent = `${file.name}: ${err.message}`;
        return;
      }
    }
    progress.value = 100;
    message.textContent = `${done} image${done === 1 ? '' : 's'} uploaded`;
    input.value = '';
    uploaded();
  });
  return form;
}

// XHR rather than fetch: only XHR reports upload progress.
function upload(slug, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${events}/${slug}/images`);
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      if (xhr.status === 201) resolve(JSON.parse(xhr.responseText));
      else {
        let detail = xhr.statusText;
        try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (err) { /* not JSON */ }
        reject(new Error(detail));
      }
    });
    xhr.addEventListener('error', () => reject(new Error('the upload was interrupted')));
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}
