// The image under the annotations, in pixel space. A georeferenced image with a layer is drawn
// from tiles of this server's WMS, at full resolution when zoomed in; a plain picture (or a
// rotated georeference, which a WMS bbox cannot express) is its display copy as one picture.
/* global ol */

const TILE = 256;

export function pictureLayer(image, projection, displayUrl) {
  const extent = projection.getExtent();
  const t = image.transform;
  // north-up only: x grows with columns, y falls with rows, no rotation terms
  if (!image.layer || !t || t[2] !== 0 || t[4] !== 0 || t[1] <= 0 || t[5] >= 0) {
    return new ol.layer.Image({ source: new ol.source.ImageStatic({ url: displayUrl, projection, imageExtent: extent }) });
  }
  // resolutions in image pixels per screen pixel: from one tile for the whole image down to 1
  const levels = Math.max(0, Math.ceil(Math.log2(Math.max(image.width, image.height) / TILE)));
  const resolutions = Array.from({ length: levels + 1 }, (_, i) => 2 ** (levels - i));
  const tileGrid = new ol.tilegrid.TileGrid({ extent, origin: [0, image.height], resolutions, tileSize: TILE });
  return new ol.layer.Tile({
    extent,
    source: new ol.source.TileImage({
      projection,
      tileGrid,
      tileUrlFunction: (coord) => getMap(image, tileGrid.getTileCoordExtent(coord)),
    }),
  });
}

// A tile's pixel extent (OpenLayers' y up from the image's bottom edge) turned into the image's
// CRS through its geotransform (GDAL order), asked of WMS 1.1.1: its BBOX is always x,y (easting,
// northing / longitude, latitude), whereas 1.3.0 wants latitude first for EPSG:4326 and the like.
export function getMap(image, [minX, minY, maxX, maxY]) {
  const t = image.transform;
  const top = image.height - maxY;
  const bottom = image.height - minY;
  const bbox = [t[0] + minX * t[1], t[3] + bottom * t[5], t[0] + maxX * t[1], t[3] + top * t[5]];
  const query = new URLSearchParams({
    SERVICE: 'WMS',
    VERSION: '1.1.1',
    REQUEST: 'GetMap',
    LAYERS: image.layer,
    STYLES: '',
    SRS: image.crs,
    BBOX: bbox.join(','),
    WIDTH: String(TILE),
    HEIGHT: String(TILE),
    FORMAT: 'image/png',
    TRANSPARENT: 'TRUE',
  });
  return `/wms?${query}`;
}
