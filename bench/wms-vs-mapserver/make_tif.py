#!/usr/bin/python3
# Generates a 10000x10000 3-band Byte GeoTIFF, EPSG:4326, lon 5..15, lat 40..50,
# tiled 256, DEFLATE. Content: sinusoids + gradients + noise (non-trivial).
import numpy as np
from osgeo import gdal, osr
N = 10000
import sys
out = sys.argv[1]
drv = gdal.GetDriverByName('GTiff')
ds = drv.Create(out, N, N, 3, gdal.GDT_Byte,
                ['TILED=YES', 'BLOCKXSIZE=256', 'BLOCKYSIZE=256',
                 'COMPRESS=DEFLATE', 'PHOTOMETRIC=RGB', 'BIGTIFF=IF_SAFER'])
ds.SetGeoTransform([5.0, 10.0 / N, 0, 50.0, 0, -10.0 / N])
srs = osr.SpatialReference(); srs.ImportFromEPSG(4326)
ds.SetProjection(srs.ExportToWkt())
rng = np.random.default_rng(42)
x = np.arange(N, dtype=np.float32)
STRIP = 512
for y0 in range(0, N, STRIP):
    h = min(STRIP, N - y0)
    y = np.arange(y0, y0 + h, dtype=np.float32)[:, None]
    xx = x[None, :]
    base = (np.sin(xx / 97.0) * np.cos(y / 131.0) + np.sin((xx + y) / 613.0)) * 50
    noise = rng.normal(0, 12, size=(h, N)).astype(np.float32)
    r = 128 + base + noise
    g = 128 + 60 * np.sin(xx / 1500.0 + y / 900.0) + noise * 0.5
    b = (xx / N * 200 + y / N * 55) + noise * 0.3
    for i, arr in enumerate((r, g, b), start=1):
        ds.GetRasterBand(i).WriteArray(np.clip(arr, 0, 255).astype(np.uint8), 0, y0)
ds.FlushCache()
ds = None
print('done')
