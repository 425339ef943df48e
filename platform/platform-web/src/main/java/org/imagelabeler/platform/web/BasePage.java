package org.imagelabeler.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.request.resource.PackageResourceReference;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.extension.ExtensionRegistry;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.web.menu.MenuEntry;

/**
 * The frame of every admin page: header with the signed-in user and a sign-out form, the menu
 * built from the contributed {@link MenuEntry} beans (entries the user may not open are left
 * out), and a feedback area.
 */
public abstract class BasePage extends WebPage {

    @SpringBean
    private ExtensionRegistry extensions;

    protected BasePage() {
        Subject subject = CurrentSubject.get();
        add(new Label("pageTitle", this::title));
        add(new Label("heading", this::title));
        add(new BookmarkablePageLink<Void>("brand", getApplication().getHomePage()));
        add(new Label("user", subject.isAnonymous() ? "" : subject.username()));
        WebMarkupContainer logout = new WebMarkupContainer("logout");
        logout.add(AttributeModifier.replace("action", contextPath() + "/web/logout"));
        logout.add(new CsrfTokenField("csrf"));
        add(logout);
        add(new FeedbackPanel("feedback"));
        add(new ListView<>("categories", categories(subject)) {
            @Override
            protected void populateItem(ListItem<MenuCategory> item) {
                item.add(new Label("category", item.getModelObject().name()));
                item.add(new ListView<>("entries", item.getModelObject().entries()) {
                    @Override
                    protected void populateItem(ListItem<MenuEntry> entry) {
                        MenuEntry e = entry.getModelObject();
                        var link = new BookmarkablePageLink<Void>("link", e.page());
                        link.add(new Label("title", e.title()));
                        if (e.page().equals(BasePage.this.getClass())) {
                            link.add(AttributeModifier.replace("aria-current", "page"));
                        }
                        entry.add(link);
                    }
                });
            }
        });
    }

    /** The page's title, shown in the browser tab and as its heading. */
    protected abstract String title();

    protected String contextPath() {
        return getRequest().getContextPath();
    }

    /** A menu heading and its entries; serializable, as everything a Wicket page holds. */
    private record MenuCategory(String name, List<MenuEntry> entries) implements java.io.Serializable {}

    private List<MenuCategory> categories(Subject subject) {
        // categories in the order of their first entry, entries by their order
        Map<String, List<MenuEntry>> byCategory = extensions.extensions(MenuEntry.class).stream()
                .filter(e -> !e.page().isAnnotationPresent(AdminOnly.class) || subject.isAdmin())
                .sorted(Comparator.comparingInt(MenuEntry::order))
                .collect(Collectors.groupingBy(MenuEntry::category, LinkedHashMap::new, Collectors.toList()));
        return byCategory.entrySet().stream()
                .map(e -> new MenuCategory(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(new PackageResourceReference(BasePage.class, "admin.css")));
    }
}
