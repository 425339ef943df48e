package org.imagelabeler.platform.ows;

import org.imagelabeler.platform.config.PlatformCoreAutoConfiguration;
import org.imagelabeler.platform.ows.wms.WmsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The OWS dispatcher at /ows, /wms, /wmts, /wfs (and /{workspace}/...), and the WMS. */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
@Import({OwsDispatcher.class, WmsConfiguration.class})
public class OwsAutoConfiguration {

    @Bean
    XmlDocumentWriter xmlDocumentWriter() {
        return new XmlDocumentWriter();
    }
}
