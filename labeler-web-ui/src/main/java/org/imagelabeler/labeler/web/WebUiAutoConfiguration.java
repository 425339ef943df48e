package org.imagelabeler.labeler.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The labeling web app at {@code /labeler/}: its static files, OpenLayers from its WebJar, and the
 * session endpoint the app signs in through. Registered here rather than left to Boot's static
 * resource defaults, so that the server's settings for those cannot hide the app.
 */
@AutoConfiguration
@Import(SessionController.class)
public class WebUiAutoConfiguration implements WebMvcConfigurer {

    static final String OPENLAYERS = "classpath:/META-INF/resources/webjars/ol/10.6.0/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/labeler/ol/**").addResourceLocations(OPENLAYERS);
        registry.addResourceHandler("/labeler/**").addResourceLocations("classpath:/labeler-web-ui/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/labeler", "/labeler/");
        registry.addViewController("/labeler/").setViewName("forward:/labeler/index.html");
    }
}
