package org.imagelabeler.platform.tiles.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TileUrlsTest {

    private static final String GIBS = "https://gibs.earthdata.nasa.gov/wmts/epsg4326/best";

    private static final Map<String, String> TILE = Map.of(
            "TileMatrixSet", "250m",
            "TileMatrix", "3",
            "TileRow", "2",
            "TileCol", "5",
            "Time", "2024-06-01");

    @Test
    void fillsAResourceUrlTemplate() {
        URI url = TileUrls.fromTemplate(
                GIBS
                        + "/MODIS_Terra_CorrectedReflectance_TrueColor/default/{Time}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.jpg",
                TILE);

        assertThat(url)
                .hasToString(GIBS + "/MODIS_Terra_CorrectedReflectance_TrueColor/default/2024-06-01/250m/3/2/5.jpg");
    }

    @Test
    void matchesPlaceholderNamesWhateverTheirCase() {
        URI url = TileUrls.fromTemplate(
                GIBS + "/L/default/{time}/{tilematrixset}/{TILEMATRIX}/{TileRow}/{TileCol}.png", TILE);

        assertThat(url).hasToString(GIBS + "/L/default/2024-06-01/250m/3/2/5.png");
    }

    @Test
    void percentEncodesValuesAsPathSegments() {
        URI url = TileUrls.fromTemplate(
                "https://example.org/{Style}/{Time}/{TileMatrixSet}/x.png",
                Map.of("Style", "a b/c?d#e", "Time", "2024-06-01T12:00:00Z", "TileMatrixSet", "Délai%"));

        assertThat(url).hasToString("https://example.org/a%20b%2Fc%3Fd%23e/2024-06-01T12:00:00Z/D%C3%A9lai%25/x.png");
        assertThat(url.getPath()).isEqualTo("/a b/c?d#e/2024-06-01T12:00:00Z/Délai%/x.png");
    }

    @Test
    void aPlaceholderWithoutValueIsAnError() {
        assertThatThrownBy(
                        () -> TileUrls.fromTemplate(GIBS + "/L/default/{Time}/{TileMatrixSet}/{Dimension1}.png", TILE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{Dimension1}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.org/wmts.cgi            | https://example.org/wmts.cgi?",
                "https://example.org/wmts.cgi?           | https://example.org/wmts.cgi?",
                "https://example.org/wmts.cgi?key=k1     | https://example.org/wmts.cgi?key=k1&",
                "https://example.org/wmts.cgi?key=k1&    | https://example.org/wmts.cgi?key=k1&",
                "https://example.org/wmts.cgi?service=WMTS&key=k1&request=GetCapabilities | https://example.org/wmts.cgi?key=k1&",
            })
    void buildsAKvpGetTileUrlOnAnyEndpoint(String endpoint, String expectedStart) {
        URI url = TileUrls.kvp(
                endpoint,
                "MODIS Terra/TrueColor",
                "default",
                "EPSG:4326_250m",
                "3",
                2,
                5,
                "image/jpeg",
                Map.of("Time", "2024-06-01T12:00:00Z"));

        assertThat(url)
                .hasToString(expectedStart
                        + "SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=MODIS%20Terra%2FTrueColor&STYLE=default"
                        + "&TILEMATRIXSET=EPSG:4326_250m&TILEMATRIX=3&TILEROW=2&TILECOL=5&FORMAT=image%2Fjpeg"
                        + "&TIME=2024-06-01T12:00:00Z");
        assertThat(url.getQuery()).contains("LAYER=MODIS Terra/TrueColor", "FORMAT=image/jpeg");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"file:///etc/passwd", "ftp://example.org/tile.png", "jar:file:/tiles.jar!/0/0/0.png", "tile.png"
            })
    void refusesWhatIsNotHttp(String url) {
        assertThatThrownBy(() -> TileUrls.requireHttp(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only http and https");
    }

    @Test
    void refusesAUrlWithoutHost() {
        assertThatThrownBy(() -> TileUrls.requireHttp(URI.create("http:/tile.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host");
    }

    @Test
    void acceptsHttpAndHttps() {
        URI http = URI.create("http://example.org/tile.png");
        URI https = URI.create("HTTPS://example.org/tile.png");

        assertThat(TileUrls.requireHttp(http)).isSameAs(http);
        assertThat(TileUrls.requireHttp(https)).isSameAs(https);
    }
}
