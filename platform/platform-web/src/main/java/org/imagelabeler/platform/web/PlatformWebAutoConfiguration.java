package org.imagelabeler.platform.web;

import org.apache.wicket.protocol.http.WicketFilter;
import org.imagelabeler.platform.config.PlatformCoreAutoConfiguration;
import org.imagelabeler.platform.web.catalog.LayersPage;
import org.imagelabeler.platform.web.catalog.WorkspacesPage;
import org.imagelabeler.platform.web.jobs.JobsPage;
import org.imagelabeler.platform.web.menu.MenuEntry;
import org.imagelabeler.platform.web.security.ApiTokensPage;
import org.imagelabeler.platform.web.security.UsersPage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** The admin web shell: the Wicket application under {@code /web} and its menu entries. */
@AutoConfiguration(after = PlatformCoreAutoConfiguration.class)
public class PlatformWebAutoConfiguration {

    @Bean
    AdminApplication adminApplication(ApplicationContext context) {
        return new AdminApplication(context);
    }

    @Bean
    FilterRegistrationBean<WicketFilter> wicketFilter(AdminApplication application) {
        WicketFilter filter = new WicketFilter(application);
        filter.setFilterPath("web");
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/web/*");
        registration.addInitParameter(WicketFilter.FILTER_MAPPING_PARAM, "/web/*");
        registration.addInitParameter("configuration", "deployment");
        // after Spring Security, which authenticates the request first
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        // Wicket keeps applications in a JVM-wide registry keyed by filter name: one name per
        // application context, so that several servers can run in one JVM (tests, embedding).
        registration.setName("wicket-admin-" + Integer.toHexString(System.identityHashCode(application)));
        return registration;
    }

    @Bean
    MenuEntry homeMenuEntry() {
        return new MenuEntry("home", "Server status", HomePage.class, MenuEntry.SERVER, 0);
    }

    @Bean
    MenuEntry workspacesMenuEntry() {
        return new MenuEntry("workspaces", "Workspaces", WorkspacesPage.class, MenuEntry.DATA, 100);
    }

    @Bean
    MenuEntry jobsMenuEntry() {
        return new MenuEntry("jobs", "Jobs", JobsPage.class, MenuEntry.SERVER, 10);
    }

    @Bean
    MenuEntry usersMenuEntry() {
        return new MenuEntry("users", "Users", UsersPage.class, MenuEntry.SECURITY, 300);
    }

    @Bean
    MenuEntry apiTokensMenuEntry() {
        return new MenuEntry("tokens", "API tokens", ApiTokensPage.class, MenuEntry.SECURITY, 310);
    }

    @Bean
    MenuEntry layersMenuEntry() {
        return new MenuEntry("layers", "Layers", LayersPage.class, MenuEntry.DATA, 110);
    }
}
