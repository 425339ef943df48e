package org.imagelabeler.platform.web;

import org.apache.wicket.Page;
import org.apache.wicket.RestartResponseAtInterceptPageException;
import org.apache.wicket.authorization.IAuthorizationStrategy;
import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.spring.injection.annot.SpringComponentInjector;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.web.menu.MenuEntry;
import org.springframework.context.ApplicationContext;

/**
 * The Wicket admin shell served under {@code /web}. Spring Security has authenticated the
 * request before it gets here; pages marked {@link AdminOnly} are further limited to
 * administrators. Pages get Spring beans through {@code @SpringBean}.
 */
public class AdminApplication extends WebApplication {

    private final ApplicationContext context;

    public AdminApplication(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Class<? extends Page> getHomePage() {
        return HomePage.class;
    }

    @Override
    protected void init() {
        super.init();
        getComponentInstantiationListeners().add(new SpringComponentInjector(this, context));
        getMarkupSettings().setStripWicketTags(true);
        getApplicationSettings().setAccessDeniedPage(AccessDeniedPage.class);
        getSecuritySettings().setAuthorizationStrategy(new AdminOnlyStrategy());
        getSecuritySettings().setUnauthorizedComponentInstantiationListener(component -> {
            throw new RestartResponseAtInterceptPageException(AccessDeniedPage.class);
        });
        mountPage("login", LoginPage.class);
        mountPage("denied", AccessDeniedPage.class);
        mountPage("layer", org.imagelabeler.platform.web.catalog.LayerEditPage.class);
        // each menu entry's page at /web/<entry id>, whichever module contributes it
        for (MenuEntry entry : context.getBean(ExtensionRegistry.class).extensions(MenuEntry.class)) {
            if (!entry.page().equals(getHomePage())) {
                mountPage(entry.id(), entry.page());
            }
        }
    }

    /** Lets everybody instantiate everything but the pages marked {@link AdminOnly}. */
    private static final class AdminOnlyStrategy extends IAuthorizationStrategy.AllowAllAuthorizationStrategy {
        @Override
        public <T extends org.apache.wicket.request.component.IRequestableComponent> boolean isInstantiationAuthorized(
                Class<T> componentClass) {
            return !componentClass.isAnnotationPresent(AdminOnly.class)
                    || CurrentSubject.get().isAdmin();
        }
    }
}
