package org.imagelabeler.platform.tiles.cache;

/**
 * How much disk the tile cache uses, against its quota: what the admin pages show. A class of
 * its own, not final, so that Wicket can proxy it into a page (it cannot proxy {@link TileStore}).
 */
public class TileCacheDiskUse {

    private final DiskQuota quota;

    public TileCacheDiskUse(TileStore store) {
        this.quota = store.quota();
    }

    public long usedBytes() {
        return quota.usedBytes();
    }

    public long limitBytes() {
        return quota.limitBytes();
    }
}
