package org.imagelabeler.platform.raster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Test files made by GDAL, the reference every GIS user trusts: a synthetic RGB picture
 * georeferenced and encoded by {@code gdal_translate}, {@code gdalwarp} and {@code gdaladdo}.
 */
public final class Gdal {

    private Gdal() {}

    /** Runs a GDAL command; fails with its output if it fails. */
    public static String run(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // GDAL's WMS/WMTS clients keep tiles in ./gdalwmscache by default: a test must see the server's answer
            builder.environment().put("GDAL_ENABLE_WMS_CACHE", "NO");
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + " (is gdal-bin installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A 512x512 RGB PNG with gradients and a pattern, so that resampling errors show. */
    public static Path picture(Path dir) throws IOException {
        Path png = dir.resolve("picture.png");
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                int r = (int) (128 + 100 * Math.sin(x / 17.0) * Math.cos(y / 23.0));
                int g = x / 2;
                int b = y / 2;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    /**
     * The picture as a GeoTIFF in EPSG:4326 over lon 5..15, lat 40..50, with extra
     * {@code gdal_translate} options (creation options as {@code -co X=Y}, {@code -ot}...).
     */
    public static Path geotiff(Path dir, String name, String... options) throws IOException {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(
                List.of("gdal_translate", "-q", "-a_srs", "EPSG:4326", "-a_ullr", "5", "50", "15", "40"));
        cmd.addAll(List.of(options));
        cmd.add(picture(dir).toString());
        cmd.add(out.toString());
        run(cmd.toArray(String[]::new));
        return out;
    }

    /**
     * The reference every map is compared with: {@code gdalwarp -r bilinear} of {@code source}
     * over an area (easting first), {@code size} pixels square, into {@code crs} (null: the
     * source's own), with extra options ({@code -dstalpha}).
     */
    public static void warpBilinear(
            String source,
            String target,
            String crs,
            double minX,
            double minY,
            double maxX,
            double maxY,
            int size,
            String... extra) {
        List<String> cmd = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-r", "bilinear"));
        if (crs != null) {
            cmd.addAll(List.of("-t_srs", crs));
        }
        cmd.addAll(List.of(
                "-te",
                Double.toString(minX),
                Double.toString(minY),
                Double.toString(maxX),
                Double.toString(maxY),
                "-ts",
                Integer.toString(size),
                Integer.toString(size)));
        cmd.addAll(List.of(extra));
        cmd.add(source);
        cmd.add(target);
        run(cmd.toArray(String[]::new));
    }
}
