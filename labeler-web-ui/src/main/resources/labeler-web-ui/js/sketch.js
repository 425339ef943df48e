// OpenLayers in image pixels. OpenLayers' y grows upwards, the API's downwards (x right, y down
// from the top-left corner): toPixels and fromPixels flip it.
/* global ol */

export class Sketch {
  constructor(element, image, url, classes, store) {
    this.image = image;
    this.store = store;
    this.colours = Object.fromEntries(classes.map((c) => [c.name, c.colour]));
    this.className = classes.length ? classes[0].name : null;
    const extent = [0, 0, image.width, image.height];
    const projection = new ol.proj.Projection({ code: 'pixels', units: 'pixels', extent });
    this.source = new ol.source.Vector();
    this.map = new ol.Map({
      target: element,
      layers: [
        new ol.layer.Image({ source: new ol.source.ImageStatic({ url, projection, imageExtent: extent }) }),
        new ol.layer.Vector({ source: this.source, style: (f) => this.style(f, false) }),
      ],
      view: new ol.View({ projection, center: ol.extent.getCenter(extent), zoom: 1, maxZoom: 8 }),
    });
    this.map.getView().fit(extent, { padding: [10, 10, 10, 10] });
    this.select = new ol.interaction.Select({ layers: () => true, style: (f) => this.style(f, true) });
    this.select.on('select', () => { element.dataset.selected = String(this.select.getFeatures().getLength()); });
    this.modify = new ol.interaction.Modify({ features: this.select.getFeatures() });
    this.modify.on('modifyend', (e) => e.features.forEach((f) => this.persist(f)));
    this.draw = null;
    element.dataset.ready = 'true';
  }

  style(feature, selected) {
    const colour = this.colours[feature.get('annotation').className] || '#ffffff';
    return new ol.style.Style({
      stroke: new ol.style.Stroke({ color: colour, width: selected ? 4 : 2 }),
      fill: new ol.style.Fill({ color: `${colour}${selected ? '55' : '33'}` }),
    });
  }

  show(annotations) {
    for (const a of annotations) {
      const feature = new ol.Feature(new ol.geom.Polygon(this.fromPixels(a.geometry.coordinates)));
      feature.set('annotation', { id: a.id, version: a.version, shape: a.shape, className: a.class });
      this.source.addFeature(feature);
    }
    this.countSaved();
  }

  mode(mode) {
    for (const i of [this.draw, this.select, this.modify]) if (i) this.map.removeInteraction(i);
    this.select.getFeatures().clear();
    if (mode === 'select') {
      this.map.addInteraction(this.select);
      this.map.addInteraction(this.modify);
      return;
    }
    // freehand: a box is dragged out with the mouse; a polygon is clicked point by point
    this.draw = mode === 'box'
      ? new ol.interaction.Draw({ source: this.source, type: 'Circle', geometryFunction: ol.interaction.Draw.createBox(), freehand: true })
      : new ol.interaction.Draw({ source: this.source, type: 'Polygon' });
    this.draw.on('drawend', (e) => {
      e.feature.set('annotation', { shape: mode, className: this.className });
      this.persist(e.feature);
    });
    this.map.addInteraction(this.draw);
  }

  async persist(feature) {
    const annotation = feature.get('annotation');
    const rings = this.toPixels(feature.getGeometry().getCoordinates());
    if (!annotation.className || area(rings[0]) === 0) {
      this.source.removeFeature(feature);
      return;
    }
    try {
      const saved = await this.store.save(annotation, { type: 'Polygon', coordinates: rings });
      Object.assign(annotation, { id: saved.id, version: saved.version });
      this.countSaved();
    } catch (e) {
      if (!annotation.id && this.source.hasFeature(feature)) this.source.removeFeature(feature);
    }
  }

  async deleteSelected() {
    for (const feature of [...this.select.getFeatures().getArray()]) {
      try {
        await this.store.remove(feature.get('annotation'));
      } catch (e) {
        return; // the store said why
      }
      this.select.getFeatures().remove(feature);
      this.source.removeFeature(feature);
    }
    this.countSaved();
  }

  // how many annotations the server has and how many are selected, for whoever watches the map
  // (tests, assistive tools)
  countSaved() {
    const element = this.map.getTargetElement();
    element.dataset.saved = String(this.source.getFeatures().filter((f) => f.get('annotation').id).length);
    element.dataset.selected = String(this.select.getFeatures().getLength());
  }

  // rounded to whole pixels and kept inside the image, as the API requires
  toPixels(rings) {
    const clamp = (v, max) => Math.min(max, Math.max(0, Math.round(v)));
    return rings.map((ring) => ring.map(([x, y]) => [clamp(x, this.image.width), clamp(this.image.height - y, this.image.height)]));
  }

  fromPixels(rings) {
    return rings.map((ring) => ring.map(([x, y]) => [x, this.image.height - y]));
  }
}

function area(ring) {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) / 2;
}
