#!/usr/bin/python3
"""Writes N distinct random 256x256 EPSG:3857 GetMap URLs (zooms 8..16, tiles wholly inside
lon 5..15 / lat 40..50) for two servers, in the same order with the same boxes.
usage: gen_urls.py N SEED OURS_BASE MAPSERVER_BASE OUT_OURS OUT_MAPSERVER
(the method comes from the team's peers kit, shared/peers/gen_urls.py)"""
import math, random, sys
R = 6378137.0; O = math.pi * R
def bbox(z, x, y):
    s = 2 * O / (1 << z)
    minx = -O + x * s; maxy = O - y * s
    return minx, maxy - s, minx + s, maxy
def tile_x(lon, z): return (lon + 180.0) / 360.0 * (1 << z)
def tile_y(lat, z): return (1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * (1 << z)
n, seed, ours, theirs, out_ours, out_theirs = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:7]
rnd = random.Random(seed)
ranges = {}
for z in range(8, 17):
    ranges[z] = (math.ceil(tile_x(5, z)), math.floor(tile_x(15, z)) - 1,
                 math.ceil(tile_y(50, z)), math.floor(tile_y(40, z)) - 1)
seen, tiles = set(), []
while len(tiles) < n:
    z = rnd.randint(8, 16)
    x0, x1, y0, y1 = ranges[z]
    t = (z, rnd.randint(x0, x1), rnd.randint(y0, y1))
    if t not in seen:
        seen.add(t); tiles.append(t)
common = "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&STYLES=&SRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png"
for base, layer, path in ((ours, "bench:test", out_ours), (theirs, "raster", out_theirs)):
    with open(path, "w") as f:
        for z, x, y in tiles:
            b = bbox(z, x, y)
            f.write(f"{base}{common}&LAYERS={layer}&BBOX={b[0]:.6f},{b[1]:.6f},{b[2]:.6f},{b[3]:.6f}\n")
