package org.imagelabeler.platform.raster.ingest;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridExtent;

/**
 * A full-resolution coverage re-cut in square tiles. The source is decoded one band of 256 rows
 * at a time (the writer asks for tiles row by row), so a striped file is read once, whatever its
 * width.
 */
final class CopiedView extends TiledView {

    private final GridCoverage source;
    private int bandRow = -1;
    private Raster band;

    /** @param sample a small rendering of the source, for its sample and colour models */
    CopiedView(GridCoverage source, int width, int height, RenderedImage sample) {
        super(width, height, sample.getSampleModel(), sample.getColorModel());
        this.source = source;
    }

    @Override
    protected void compute(WritableRaster tile, Rectangle area) {
        int row = area.y / getTileHeight();
        if (row != bandRow) {
            int rows = Math.min(getTileHeight(), getHeight() - area.y);
            GridExtent extent =
                    new GridExtent(null, new long[] {0, area.y}, new long[] {getWidth() - 1, area.y + rows - 1}, true);
            RenderedImage image = source.render(extent);
            Raster data = image.getData();
            // the rendered band starts at the image's own origin: shift it to image coordinates
            band = data.createTranslatedChild(0, area.y);
            bandRow = row;
        }
        tile.setRect(band.createChild(area.x, area.y, area.width, area.height, area.x, area.y, null));
    }
}
