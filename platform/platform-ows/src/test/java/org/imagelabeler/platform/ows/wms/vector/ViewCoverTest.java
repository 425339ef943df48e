package org.imagelabeler.platform.ows.wms.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.imagelabeler.platform.catalog.BoundingBox;
import org.junit.jupiter.api.Test;

class ViewCoverTest {

    @Test
    void webMercatorViewAcrossTheAntimeridianReadsBothSidesAndMovesTheWesternOneEast() throws Exception {
        List<ViewCover.Part> parts = ViewCover.of("EPSG:3857", new BoundingBox(19e6, 0, 21e6, 2e6, "EPSG:3857"))
                .parts();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).shift()).isZero();
        assertThat(parts.get(0).lonLat().getMinX()).isCloseTo(170.68, within(0.01));
        assertThat(parts.get(0).lonLat().getMaxX()).isEqualTo(180);
        assertThat(parts.get(1).shift()).isEqualTo(360);
        assertThat(parts.get(1).lonLat().getMinX()).isEqualTo(-180);
        assertThat(parts.get(1).lonLat().getMaxX()).isCloseTo(-171.35, within(0.01));
        assertThat(parts.get(1).lonLat().getMaxY()).isCloseTo(17.68, within(0.01));
    }

    @Test
    void viewShowingTheWorldThreeTimesReadsItThreeTimes() throws Exception {
        List<ViewCover.Part> parts = ViewCover.of("CRS:84", new BoundingBox(-540, -90, 540, 90, "CRS:84"))
                .parts();
        assertThat(parts).extracting(ViewCover.Part::shift).containsExactly(-360.0, 0.0, 360.0);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.lonLat().getMinX()).isEqualTo(-180);
            assertThat(p.lonLat().getMaxX()).isEqualTo(180);
        });
    }

    @Test
    void latitudesBeyondThePolesAreClamped() throws Exception {
        List<ViewCover.Part> parts = ViewCover.of("CRS:84", new BoundingBox(0, -100, 10, 120, "CRS:84"))
                .parts();
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).lonLat().getMinY()).isEqualTo(-90);
        assertThat(parts.get(0).lonLat().getMaxY()).isEqualTo(90);
    }

    @Test
    void polarViewCoversEveryLongitudeDownToThePole() throws Exception {
        List<ViewCover.Part> parts = ViewCover.of("EPSG:3031", new BoundingBox(-2e6, -2e6, 2e6, 2e6, "EPSG:3031"))
                .parts();
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).lonLat().getMinX()).isEqualTo(-180);
        assertThat(parts.get(0).lonLat().getMaxX()).isEqualTo(180);
        assertThat(parts.get(0).lonLat().getMinY()).isEqualTo(-90);
        // the corners, 2828 km from the pole
        assertThat(parts.get(0).lonLat().getMaxY()).isCloseTo(-64.39, within(0.01));
    }

    @Test
    void projectedViewIsCoveredByTheBoxOfItsOutline() throws Exception {
        // UTM 32N around 9°E 45°N
        List<ViewCover.Part> parts = ViewCover.of(
                        "EPSG:32632", new BoundingBox(400000, 4900000, 600000, 5100000, "EPSG:32632"))
                .parts();
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).shift()).isZero();
        assertThat(parts.get(0).lonLat().getMinX()).isCloseTo(7.68, within(0.05));
        assertThat(parts.get(0).lonLat().getMaxX()).isCloseTo(10.32, within(0.05));
        assertThat(parts.get(0).lonLat().getMinY()).isCloseTo(44.25, within(0.05));
        assertThat(parts.get(0).lonLat().getMaxY()).isCloseTo(46.06, within(0.05));
    }
}
