package org.imagelabeler.platform.catalog.rest;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links to REST resources of the request being served. */
final class Links {

    private Links() {}

    static String href(String path) {
        return uri(path).toString();
    }

    static URI uri(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .build()
                .toUri();
    }
}
