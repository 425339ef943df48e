// The image's place in the labeling workflow: its status, what the user's role may do next
// (labelers start labeling and submit for review; reviewers accept or reject with a comment),
// and the review history with the last reviewer's comment.
import { ApiError, call, events } from './api.js';
import { h } from './dom.js';
import { may } from './event-tabs.js';

/**
 * The workflow panel. `image()` and `changed(image)` read and replace the page's copy of the
 * image; `reviewed()` is called after an accept or a reject (the page moves on).
 */
export function workflowPanel(slug, event, me, { image, changed, reviewed }) {
  const path = () => `${events}/${slug}/images/${image().id}`;
  const panel = h('section', { class: 'workflow', 'aria-labelledby': 'workflow-title' });
  const message = h('p', { id: 'workflow-message', role: 'status', 'aria-live': 'polite' });
  const history = h('div', { id: 'review-history' });

  const act = async (button, request, after) => {
    button.disabled = true;
    message.className = '';
    message.textContent = 'Saving…';
    try {
      const updated = await request();
      changed(updated);
      message.textContent = '';
      render();
      await after?.();
    } catch (e) {
      message.className = 'error';
      message.textContent = e instanceof ApiError && e.status === 412
        ? 'Not saved: someone else changed the image meanwhile. Reload the page to see their version.'
        : `Not saved: ${e.message}`;
      button.disabled = false;
    }
  };
  const setStatus = (status) => call('PATCH', path(), { json: { status }, ifMatch: image().version });

  const render = () => {
    const { status } = image();
    const actions = [];
    if (may(event, me, 'label')) {
      if (status === 'unlabeled') {
        const start = h('button', { type: 'button', id: 'start-labeling' }, 'Start labeling');
        start.addEventListener('click', () => act(start, () => setStatus('in_progress')));
        actions.push(start);
      }
      if (['unlabeled', 'in_progress', 'rejected'].includes(status)) {
        const submit = h('button', { type: 'button', id: 'submit-review', class: 'primary' }, 'Submit for review');
        submit.addEventListener('click', () => act(submit, () => setStatus('labeled')));
        actions.push(submit);
      }
    }
    if (may(event, me, 'review') && status === 'labeled') {
      const comment = h('textarea', { id: 'review-comment', rows: 3 });
      const decide = (decision, button) => act(
        button,
        () => call('POST', `${path()}/review`, { json: { decision, comment: comment.value.trim() || null } }),
        reviewed,
      );
      const accept = h('button', { type: 'button', id: 'accept', class: 'primary' }, 'Accept');
      const reject = h('button', { type: 'button', id: 'reject' }, 'Reject');
      accept.addEventListener('click', () => decide('accept', accept));
      reject.addEventListener('click', () => {
        if (!comment.value.trim()) {
          // the API takes a rejection without a comment, but the labeler needs to know what to fix
          message.className = 'error';
          message.textContent = 'Say in the comment what is to be fixed.';
          comment.focus();
          return;
        }
        decide('reject', reject);
      });
      actions.push(h('div', {}, h('label', { for: 'review-comment' }, 'Review comment'), comment),
        h('div', { class: 'row' }, accept, reject));
    }
    panel.replaceChildren(
      h('h2', { id: 'workflow-title' }, 'Status'),
      h('p', {}, h('span', { id: 'image-status', class: `status ${status}` }, status.replace('_', ' ')),
        image().assignee ? ` · assigned to ${image().assignee}` : ''),
      ...actions, message, history);
    showHistory();
  };

  const showHistory = async () => {
    let entries;
    try {
      entries = await call('GET', `${path()}/history`);
    } catch (e) {
      history.replaceChildren(h('p', { class: 'error' }, `History unavailable: ${e.message}`));
      return;
    }
    const reviews = entries.filter((e) => e.action === 'accept' || e.action === 'reject').map((e) => ({
      ...e, comment: parse(e.after).comment,
    }));
    const last = reviews[reviews.length - 1];
    history.replaceChildren(
      last ? h('p', { id: 'last-review' },
        `${last.action === 'accept' ? 'Accepted' : 'Rejected'} by ${last.actor}`,
        last.comment ? h('q', {}, last.comment) : '') : '',
      reviews.length > 1 || (reviews.length === 1 && !last)
        ? h('details', {}, h('summary', {}, `Review history (${reviews.length})`),
          h('ol', {}, ...reviews.map((r) => h('li', {},
            `${r.at.slice(0, 16).replace('T', ' ')} ${r.actor} ${r.action === 'accept' ? 'accepted' : 'rejected'}`,
            r.comment ? h('q', {}, r.comment) : ''))))
        : '');
  };

  render();
  return panel;
}

function parse(json) {
  try {
    return JSON.parse(json) || {};
  } catch (e) {
    return {};
  }
}
