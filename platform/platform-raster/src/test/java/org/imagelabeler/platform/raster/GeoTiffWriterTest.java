package org.imagelabeler.platform.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoTIFFs written from memory (extracted chips, label masks), as GDAL reads them: the CRS by its
 * EPSG code, the geotransform as given, north-up or rotated, RGB or one grey band.
 */
class GeoTiffWriterTest {

    @TempDir
    Path dir;

    @Test
    void aChipInEpsg4326IsNamedAsSuchWithItsGrid() {
        BufferedImage picture = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(new Color(10, 200, 30));
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        Path tif = dir.resolve("chip.tif");
        GeoTiffWriter.write(picture, "EPSG:4326", new BoundingBox(6, 41, 14, 45, "EPSG:4326"), tif);
        String info = Gdal.run("gdalinfo", tif.toString());
        assertThat(info)
                .contains("Size is 200, 100")
                .contains("ID[\"EPSG\",4326]")
                .contains("Origin = (6.000000000000000,45.000000000000000)")
                .contains("Pixel Size = (0.040000000000000,-0.040000000000000)")
                .contains("Band 3");
        assertThat(Gdal.run("gdallocationinfo", "-valonly", "-wgs84", tif.toString(), "7", "44")
                        .lines())
                .containsExactly("10", "200", "30");
    }

    @Test
    void aGreyMaskKeepsAProjectedRotatedGrid() {
        BufferedImage mask = new BufferedImage(50, 40, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setSample(10, 20, 0, 7);
        Path tif = dir.resolve("mask.tif");
        double[] transform = {500000, 10, 2, 5000000, 1, -10};
        GeoTiffWriter.write(mask, "EPSG:32633", transform, tif);
        String info = Gdal.run("gdalinfo", tif.toString());
        assertThat(info).contains("ID[\"EPSG\",32633]").contains("Band 1 Block").doesNotContain("Band 2");
        assertThat(info).contains("GeoTransform =").contains("500000, 10, 2").contains("5000000, 1, -10");
        assertThat(Gdal.run("gdallocationinfo", "-valonly", tif.toString(), "10", "20")
                        .trim())
                .isEqualTo("7");
    }
}
