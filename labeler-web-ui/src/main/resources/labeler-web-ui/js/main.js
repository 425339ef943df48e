// Screens by location hash: #/events, #/events/{slug} (images), #/events/{slug}/{map|team|export|edit},
// #/events/{slug}/images/{id}[?status=...].
import { session } from './api.js';
import { showSignIn } from './signin.js';
import { showEvents } from './events.js';
import { showEvent } from './event.js';
import { showImage } from './image.js';
import { isEventScreen, showEventScreen } from './event-screens.js';
import { showMap } from './map.js';
import { h, show } from './dom.js';

async function route() {
  const current = await session();
  document.getElementById('who').textContent = current.user ? `Signed in as ${current.user}` : '';
  if (!current.user) {
    showSignIn(route);
    return;
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  try {
    if (parts[0] === 'events' && parts[1] && parts[2] === 'images' && parts[3]) await showImage(parts[1], parts[3]);
    else if (parts[0] === 'events' && parts[1] && isEventScreen(parts[2])) await showEventScreen(parts[1], parts[2]);
    else if (parts[0] === 'events' && parts[1] && parts[2] === 'map') await showMap(parts[1]);
    else if (parts[0] === 'events' && parts[1]) await showEvent(parts[1]);
    else await showEvents();
  } catch (e) {
    show(h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('signed-out', route);
route();
