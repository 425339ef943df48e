package org.imagelabeler.platform.feature.gml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OgcSrsNamesTest {

    /** As Apache SIS would answer: of these codes, only the geographic ones put latitude first. */
    private final OgcSrsNames names = new OgcSrsNames(code -> switch (code) {
        case "EPSG:4258" -> true;
        case "EPSG:32632", "EPSG:25832" -> false;
        default -> throw new IllegalArgumentException("no such EPSG code: " + code);
    });

    @ParameterizedTest
    @CsvSource({
        "EPSG:4326, EPSG:4326, false",
        "epsg:4326, EPSG:4326, false",
        "http://www.opengis.net/gml/srs/epsg.xml#4326, EPSG:4326, false",
        "urn:ogc:def:crs:EPSG::4326, EPSG:4326, true",
        "urn:ogc:def:crs:EPSG:6.6:4326, EPSG:4326, true",
        "urn:x-ogc:def:crs:EPSG:4326, EPSG:4326, true",
        "urn:x-ogc:def:crs:EPSG:6.11:4326, EPSG:4326, true",
        "http://www.opengis.net/def/crs/EPSG/0/4326, EPSG:4326, true",
        "CRS:84, EPSG:4326, false",
        "urn:ogc:def:crs:OGC:1.3:CRS84, EPSG:4326, false",
        "urn:ogc:def:crs:OGC::CRS84, EPSG:4326, false",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84, EPSG:4326, false",
        "EPSG:3857, EPSG:3857, false",
        "EPSG:900913, EPSG:3857, false",
        "urn:ogc:def:crs:EPSG::3857, EPSG:3857, false",
        "urn:ogc:def:crs:EPSG::900913, EPSG:3857, false",
        "http://www.opengis.net/def/crs/EPSG/0/3857, EPSG:3857, false",
        "EPSG:4258, EPSG:4258, false",
        "urn:ogc:def:crs:EPSG::4258, EPSG:4258, true",
        "http://www.opengis.net/def/crs/EPSG/0/4258, EPSG:4258, true",
        "urn:ogc:def:crs:EPSG::32632, EPSG:32632, false",
        "http://www.opengis.net/def/crs/EPSG/0/25832, EPSG:25832, false",
    })
    void axisOrderFollowsTheFormOfTheName(String srsName, String code, boolean northingFirst) {
        assertThat(names.resolve(srsName)).isEqualTo(new Srs(code, northingFirst));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WGS84", "EPSG:", "urn:ogc:def:crs:EPSG::abc", "urn:ogc:def:crs:OGC:1.3:CRS83", "4326"})
    void refusesANameOfNoKnownForm(String srsName) {
        assertThatThrownBy(() -> names.resolve(srsName))
                .isInstanceOf(GmlException.class)
                .hasMessageContaining("unknown srsName '" + srsName + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ogc:def:crs:EPSG::999999", "http://www.opengis.net/def/crs/EPSG/0/999999"})
    void refusesACodeTheAxisOracleDoesNotKnow(String srsName) {
        assertThatThrownBy(() -> names.resolve(srsName))
                .isInstanceOf(GmlException.class)
                .hasMessageContaining("unknown srsName '" + srsName + "'")
                .hasMessageContaining("no such EPSG code: EPSG:999999");
    }

    @ParameterizedTest
    @CsvSource({"EPSG:4326, 4326", "EPSG:3857, 3857", "IAU:30100, 0"})
    void sridIsTheEpsgNumber(String code, int srid) {
        assertThat(new Srs(code, false).srid()).isEqualTo(srid);
    }
}
