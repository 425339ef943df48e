// The Extract tool: a rectangle dragged on the map becomes an image of the chosen layer and date
// at a chosen resolution, made by a job on the server whose progress is shown until the image
// exists.
/* global ol */
import { call, events } from './api.js';
import { h } from './dom.js';

const RESOLUTIONS = [[250, '250 m'], [500, '500 m'], [1000, '1 km'], [2000, '2 km'], [5000, '5 km']];
const METRES_PER_DEGREE = 111320; // as the server computes the size
const MAX_SIDE = 8192;

export class Extraction {
  /**
   * @param current () => ({ layer, title, time }) the layer and date the map shows
   * @param done (image id) => void, once the image exists
   */
  constructor(map, slug, panel, current, done) {
    this.map = map;
    this.slug = slug;
    this.panel = panel;
    this.current = current;
    this.done = done;
    this.source = new ol.source.Vector();
    map.addLayer(new ol.layer.Vector({
      source: this.source,
      zIndex: 30,
      style: new ol.style.Style({
        stroke: new ol.style.Stroke({ color: '#f5a623', width: 2, lineDash: [8, 4] }),
        fill: new ol.style.Fill({ color: '#f5a62322' }),
      }),
    }));
    this.draw = new ol.interaction.Draw({ type: 'Circle', geometryFunction: ol.interaction.Draw.createBox(), freehand: true });
    this.draw.on('drawstart', () => this.source.clear());
    this.draw.on('drawend', (e) => {
      this.source.addFeature(e.feature);
      const [minLon, minLat, maxLon, maxLat] = e.feature.getGeometry().getExtent();
      const clamp = (v, limit) => Math.round(Math.max(-limit, Math.min(limit, v)) * 1e4) / 1e4;
      this.bbox = [clamp(minLon, 180), clamp(minLat, 90), clamp(maxLon, 180), clamp(maxLat, 90)];
      this.showForm();
    });
    panel.hidden = true;
  }

  active(on) {
    if (on) this.map.addInteraction(this.draw);
    else {
      this.draw.abortDrawing();
      this.map.removeInteraction(this.draw);
    }
  }

  /** Called when the map's layer or date changes: the open form shows what would be extracted. */
  refresh() {
    if (!this.panel.hidden && !this.running) this.showForm();
  }

  showForm() {
    const { layer, title, time } = this.current();
    const [minLon, minLat, maxLon, maxLat] = this.bbox;
    const resolution = h('select', { id: 'extract-resolution' },
      ...RESOLUTIONS.map(([metres, label]) => h('option', { value: metres }, `${label} per pixel`)));
    resolution.value = this.resolution || '1000';
    const size = h('p', { id: 'extract-size', 'aria-live': 'polite' });
    const showSize = () => {
      this.resolution = resolution.value;
      const [w, hgt] = pixels(this.bbox, Number(resolution.value));
      size.textContent = `${w} × ${hgt} pixels`;
      size.className = w > MAX_SIDE || hgt > MAX_SIDE || w < 1 || hgt < 1 ? 'error' : '';
    };
    resolution.addEventListener('change', showSize);
    showSize();
    this.message = h('p', { id: 'extract-message', role: 'status' });
    this.progress = h('progress', { id: 'extract-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Extraction progress' });
    const button = h('button', { type: 'submit', class: 'primary', id: 'extract-button', disabled: !layer }, 'Extract');
    const form = h('form', { id: 'extract-form', 'aria-labelledby': 'extract-title' },
      h('h2', { id: 'extract-title' }, 'Extract an image'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Area'), h('dd', { id: 'extract-bbox' },
          `${minLon}, ${minLat} to ${maxLon}, ${maxLat}`, h('span', { class: 'muted' }, ' (lon, lat)')),
        h('dt', {}, 'Layer'), h('dd', { id: 'extract-layer', dataset: { layer: layer || '' } }, layer ? title : 'none: choose a map layer'),
        h('dt', {}, 'Date'), h('dd', { id: 'extract-date' }, time || 'the layer has no dates')),
      h('label', { for: 'extract-resolution' }, 'Resolution'), resolution, size,
      h('div', { class: 'row' }, button,
        h('button', { type: 'button', onclick: () => this.close() }, 'Cancel')),
      this.progress, this.message);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.start({ layer, time: time || undefined, bbox: this.bbox, resolution: Number(resolution.value), unit: 'm' }, button);
    });
    this.panel.replaceChildren(form);
    this.panel.hidden = false;
    resolution.focus();
  }

  close() {
    this.panel.hidden = true;
    this.panel.replaceChildren();
    this.source.clear();
  }

  async start(request, button) {
    button.disabled = true;
    this.running = true;
    this.message.className = '';
    this.message.setAttribute('role', 'status');
    this.message.textContent = 'Asking the server…';
    try {
      const accepted = await call('POST', `${events}/${this.slug}/extractions`, { json: request });
      this.progress.hidden = false;
      this.message.textContent = `Extracting ${accepted.width} × ${accepted.height} pixels…`;
      const job = await this.follow(`/rest/jobs/${accepted.job.id}`);
      if (job.state !== 'SUCCEEDED') {
        this.fail(`The extraction ${job.state === 'CANCELLED' ? 'was cancelled' : 'failed'}: ${job.message || 'no reason given'}`, button);
        return;
      }
      const image = JSON.parse(job.result).image;
      this.progress.value = 100;
      this.message.replaceChildren('Done: ',
        h('a', { href: `#/events/${encodeURIComponent(this.slug)}/images/${image}`, id: 'extracted-image' }, 'open the new image'));
      this.message.scrollIntoView({ block: 'nearest' });
      this.running = false;
      this.done(image);
    } catch (e) {
      this.fail(`Not extracted: ${e.message}`, button);
    }
  }

  fail(text, button) {
    this.running = false;
    this.progress.hidden = true;
    this.message.className = 'error';
    this.message.setAttribute('role', 'alert');
    this.message.textContent = text;
    this.message.scrollIntoView({ block: 'nearest' });
    button.disabled = false;
  }

  async follow(path) {
    for (;;) {
      const job = await call('GET', path);
      this.progress.value = job.progress || 0;
      if (job.message) this.progress.title = job.message;
      if (!['QUEUED', 'RUNNING'].includes(job.state)) return job;
      if (!document.body.contains(this.panel)) throw new Error('left the map');
      await new Promise((resolve) => { setTimeout(resolve, 500); });
    }
  }
}

/** Width and height in pixels of the area at the resolution, as the server computes them. */
function pixels([minLon, minLat, maxLon, maxLat], metres) {
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  return [
    Math.round(((maxLon - minLon) * METRES_PER_DEGREE * Math.cos(midLat)) / metres),
    Math.round(((maxLat - minLat) * METRES_PER_DEGREE) / metres),
  ];
}
