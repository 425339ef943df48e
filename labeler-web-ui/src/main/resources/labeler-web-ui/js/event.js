import { call, csrfHeaders, events, session } from './api.js';
import { h, show } from './dom.js';
import { eventHeader, may, selectField } from './event-tabs.js';

const STATUSES = ['', 'unlabeled', 'in_progress', 'labeled', 'accepted', 'rejected'];
const PAGE_SIZE = 100;
const NOBODY = ':nobody'; // the assignee filter's "unassigned": no user name has a colon

export async function showEvent(slug) {
  const path = `${events}/${encodeURIComponent(slug)}`;
  const [event, me, members] = await Promise.all([
    call('GET', path), session(), call('GET', `${path}/members`).catch(() => [])]);
  const assigning = may(event, me, 'manageTeam');
  const team = members.map((m) => m.username);
  const people = team.includes(me.user) ? team : [...team, me.user]; // "My images" works outside the team too

  const status = selectField('status-filter', 'Status', STATUSES.map((s) => [s, s ? s.replace('_', ' ') : 'any status']));
  const tag = selectField('tag-filter', 'Tag', [['', 'any tag'], ...event.labelSchema.tags.map((t) => [t, t])]);
  const klass = selectField('class-filter', 'Class', [['', 'any class'], ...event.labelSchema.classes.map((c) => [c.name, c.name])]);
  const assignee = selectField('assignee-filter', 'Assignee',
    [['', 'anyone'], [NOBODY, 'nobody (unassigned)'], ...people.map((p) => [p, p])]);
  const mine = h('button', { type: 'button', id: 'my-images', 'aria-pressed': 'false' }, 'My images');

  const list = h('ul', { class: 'cards', id: 'image-list', 'aria-label': 'Images' });
  const summary = h('p', { id: 'image-summary', class: 'muted', role: 'status' });
  const more = h('button', { type: 'button', id: 'more-images', hidden: true }, 'Show more images');
  const selection = new Set();
  const assignBar = assigning ? assignmentBar(path, team, list, selection, () => load(true)) : null;

  let page = 0;
  let generation = 0;
  async function load(reset) {
    const mineNow = assignee.select.value === me.user;
    mine.setAttribute('aria-pressed', String(mineNow));
    if (reset) page = 0;
    const current = ++generation;
    const query = new URLSearchParams({ size: PAGE_SIZE, page });
    for (const [name, control] of [['status', status], ['tag', tag], ['class', klass], ['assignee', assignee]]) {
      if (control.select.value) query.set(name, control.select.value);
    }
    if (assignee.select.value === NOBODY) {
      query.delete('assignee');
      query.set('assigned', 'false');
    }
    const result = await call('GET', `${path}/images?${query}`);
    if (current !== generation) return; // a newer filter answered first
    if (reset) {
      list.replaceChildren();
      selection.clear();
    }
    list.append(...result.items.map((image) => card(slug, path, image, assigning, selection, assignBar, status.select.value)));
    assignBar?.changed(); // "all on page" no longer holds once more images came
    page++;
    const shown = list.querySelectorAll('li.card').length;
    summary.textContent = result.total === 0 ? 'No images match.' : `${shown} of ${result.total} image${result.total === 1 ? '' : 's'}`;
    more.hidden = !result.next;
  }
  for (const control of [status, tag, klass, assignee]) control.select.addEventListener('change', () => load(true));
  mine.addEventListener('click', () => {
    assignee.select.value = assignee.select.value === me.user ? '' : me.user;
    load(true);
  });
  more.addEventListener('click', () => load(false));

  show(
    ...eventHeader(event, me, 'images'),
    may(event, me, 'addImages') ? uploadForm(path, () => load(true)) : null,
    h('form', { class: 'row filters', id: 'image-filters', 'aria-label': 'Filter images', onsubmit: (e) => e.preventDefault() },
      status.field, tag.field, klass.field, assignee.field, mine),
    assignBar?.element,
    summary, list, more);
  await load(true);
}

// the status filter goes along, so that the image view's previous and next follow it
function card(slug, path, image, assigning, selection, assignBar, statusFilter) {
  const id = `pick-${image.id}`;
  return h('li', { class: 'card thumb', dataset: { id: image.id, assignee: image.assignee || '' } },
    assigning ? h('div', { class: 'pick' },
      h('input', { type: 'checkbox', id, class: 'pick-image', value: image.id,
        onchange: (e) => {
          if (e.target.checked) selection.add(image.id);
          else selection.delete(image.id);
          assignBar.changed();
        } }),
      h('label', { for: id }, `Select ${image.name}`)) : null,
    h('a', { href: `#/events/${encodeURIComponent(slug)}/images/${image.id}${statusFilter ? `?status=${statusFilter}` : ''}` },
      h('img', { src: `${path}/images/${image.id}/thumbnail`, alt: image.name, loading: 'lazy' }),
      h('div', {}, image.name)),
    h('div', { class: 'muted' }, `${image.width}×${image.height} · ${image.status.replace('_', ' ')}`),
    h('div', { class: 'muted assignee' }, image.assignee ? `Assigned to ${image.assignee}` : 'Unassigned'));
}

// Select images on the page and give them to a team member, or take them back.
function assignmentBar(path, team, list, selection, reload) {
  const all = h('input', { type: 'checkbox', id: 'select-all' });
  const count = h('span', { id: 'selected-count', class: 'muted' }, '0 selected');
  const to = selectField('assign-to', 'Assign to', team.map((p) => [p, p]));
  const message = h('span', { id: 'assign-message', role: 'status' });
  const assign = h('button', { type: 'button', id: 'assign', class: 'primary' }, 'Assign');
  const unassign = h('button', { type: 'button', id: 'unassign' }, 'Unassign');

  function changed() {
    const boxes = [...list.querySelectorAll('.pick-image')];
    count.textContent = `${selection.size} selected`;
    all.checked = boxes.length > 0 && boxes.every((b) => b.checked);
    assign.disabled = unassign.disabled = selection.size === 0;
  }
  all.addEventListener('change', () => {
    for (const box of list.querySelectorAll('.pick-image')) {
      box.checked = all.checked;
      if (all.checked) selection.add(box.value);
      else selection.delete(box.value);
    }
    changed();
  });
  async function give(username) {
    const ids = [...selection];
    const failed = [];
    message.textContent = `${username ? 'Assigning' : 'Unassigning'} ${ids.length} image${ids.length === 1 ? '' : 's'}…`;
    for (const id of ids) {
      try {
        await call('PATCH', `${path}/images/${id}`, { json: { assignee: username } });
      } catch (err) {
        failed.push(err.message);
      }
    }
    const done = ids.length - failed.length;
    const what = `${done} image${done === 1 ? '' : 's'} ${username ? `assigned to ${username}` : 'unassigned'}`;
    await reload();
    message.textContent = failed.length ? `${what}; ${failed.length} refused: ${failed[0]}` : what;
  }
  assign.addEventListener('click', () => give(to.select.value));
  unassign.addEventListener('click', () => give(''));
  const element = h('div', { class: 'row assignment', id: 'assignment', role: 'group', 'aria-label': 'Assignment' },
    h('div', { class: 'pick' }, all, h('label', { for: 'select-all' }, 'Select all on page')), count,
    to.field, assign, unassign, message);
  changed();
  return { element, changed };
}

function uploadForm(path, uploaded) {
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
        await upload(path, file, (fraction) => { progress.value = ((done + fraction) / files.length) * 100; });
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
function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${path}/images`);
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
