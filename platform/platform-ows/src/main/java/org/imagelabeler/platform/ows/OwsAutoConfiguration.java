package org.imagelabeler.platform.ows;

import org.imagelabeler.platform.config.PlatformCoreAutoConfiguration;
import org.imagelabeler.platform.ows.wms.WmsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The OWS dispatcher at /ows, /wms, /wmts, /wfs (and /{workspace}/...), the WMS and the WFS. */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
@Import({OwsDispatcher.class, WmsConfiguration.class, org.imagelabeler.platform.ows.wfs.WfsConfiguration.class})
public class OwsAutoConfiguration {

    @Bean
    XmlDocumentWriter xmlDocumentWriter() {
        return new XmlDocumentWriter();
    }
}
