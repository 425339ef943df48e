package org.imagelabeler.labeler.web.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.navigation.paging.PagingNavigator;
import org.apache.wicket.markup.repeater.Item;
import org.apache.wicket.markup.repeater.data.DataView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.PackageResourceReference;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventJson;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.events.EventService;
import org.imagelabeler.labeler.events.Visibility;
import org.imagelabeler.labeler.images.ImageRepository;
import org.imagelabeler.labeler.teams.Membership;
import org.imagelabeler.labeler.teams.MembershipRepository;
import org.imagelabeler.labeler.teams.TeamRole;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * Every event of the server, for administrators: searched and paged in the database, with a
 * link into the labeling app, its team, a change of visibility and deletion after a
 * confirmation. Changes go through {@link EventService}, so validation, versions and the audit
 * log are those of {@code /rest/labeler/events}.
 */
@AdminOnly
public class EventsPage extends BasePage {

    static final int ROWS_PER_PAGE = 20;
    static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @SpringBean
    private EventService service;

    @SpringBean
    private EventRepository events;

    @SpringBean
    private MembershipRepository members;

    @SpringBean
    private ImageRepository images;

    private final IModel<String> search = Model.of("");
    /** The slug of the event whose deletion waits for confirmation, or null. */
    private final IModel<String> pendingDelete = Model.of((String) null);

    public EventsPage() {
        DataView<Event> rows = new DataView<>("events", new EventsProvider(search), ROWS_PER_PAGE) {
            @Override
            protected void populateItem(Item<Event> item) {
                row(item, item.getModelObject());
            }
        };

        Form<Void> searchForm = new Form<>("search") {
            @Override
            protected void onSubmit() {
                rows.setCurrentPage(0);
                pendingDelete.setObject(null);
            }
        };
        searchForm.add(new CsrfTokenField("csrf"));
        searchForm.add(new TextField<>("q", search) {
            @Override
            protected String[] getInputTypes() {
                return new String[] {"search"};
            }
        });
        add(searchForm);

        add(confirmDelete());
        add(new Label("count", () -> {
            long n = rows.getItemCount();
            return n == 1 ? "1 event" : n + " events";
        }));
        WebMarkupContainer table = new WebMarkupContainer("table") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getItemCount() > 0);
            }
        };
        table.add(rows);
        add(table);
        add(new PagingNavigator("pages", rows) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(rows.getPageCount() > 1);
            }
        });
    }

    private void row(Item<Event> item, Event event) {
        String slug = event.slug();
        item.add(new Label("slug", slug));
        item.add(new Label("title", event.title()));
        item.add(new Label("phenomenon", event.phenomenon()));
        item.add(visibilityForm(event));
        item.add(new Label(
                "owners",
                members.ofEvent(event.id()).stream()
                        .filter(m -> m.role() == TeamRole.OWNER)
                        .map(Membership::username)
                        .collect(Collectors.joining(", "))));
        item.add(new Label(
                "images", images.count(new ImageRepository.Query(event.id(), null, null, null, null, null, null))));
        item.add(new Label("created", CREATED.format(event.created())));
        item.add(new ExternalLink("open", contextPath() + "/labeler/#/events/" + slug)
                .add(AttributeModifier.replace("aria-label", "Open " + slug + " in the labeling app")));
        item.add(new BookmarkablePageLink<Void>("team", EventTeamPage.class, new PageParameters().add("event", slug))
                .add(AttributeModifier.replace("aria-label", "Team of " + slug)));
        Form<Void> delete = new Form<>("delete");
        delete.add(new CsrfTokenField("csrf"));
        delete.add(
                new Button("ask") {
                    @Override
                    public void onSubmit() {
                        pendingDelete.setObject(slug);
                    }
                }.add(AttributeModifier.replace("aria-label", "Delete " + slug)));
        item.add(delete);
    }

    private Form<Void> visibilityForm(Event event) {
        String slug = event.slug();
        int version = event.version();
        IModel<Visibility> visibility = Model.of(event.visibility());
        Form<Void> form = new Form<>("visibility");
        form.add(new CsrfTokenField("csrf"));
        DropDownChoice<Visibility> choice =
                new DropDownChoice<>("value", visibility, Arrays.asList(Visibility.values()), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(Visibility v) {
                        return v.json();
                    }

                    @Override
                    public String getIdValue(Visibility v, int index) {
                        return v.json();
                    }
                });
        choice.setRequired(true);
        choice.add(AttributeModifier.replace("aria-label", "Visibility of " + slug));
        form.add(choice);
        form.add(
                new Button("save") {
                    @Override
                    public void onSubmit() {
                        try {
                            Event changed = service.update(
                                    CurrentSubject.get(), slug, visibilityChange(visibility.getObject()), version);
                            EventsPage.this.info("Event " + slug + " is now "
                                    + changed.visibility().json());
                        } catch (ApiProblem problem) {
                            // on the page: the rows are rebuilt, with their fields, before feedback shows
                            EventsPage.this.error("Visibility of " + slug + ": " + problem.getMessage());
                        }
                    }
                }.add(AttributeModifier.replace("aria-label", "Save the visibility of " + slug)));
        return form;
    }

    private static EventJson visibilityChange(Visibility visibility) {
        return new EventJson(
                null, null, null, null, null, null, null, visibility, null, null, null, null, null, null, null);
    }

    private WebMarkupContainer confirmDelete() {
        WebMarkupContainer box = new WebMarkupContainer("confirm") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(pendingDelete.getObject() != null);
            }
        };
        box.add(new Label("question", () -> {
            String slug = pendingDelete.getObject();
            if (slug == null) {
                return "";
            }
            long n = events.findBySlug(slug)
                    .map(e -> images.count(new ImageRepository.Query(e.id(), null, null, null, null, null, null)))
                    .orElse(0L);
            return "Delete event " + slug + " with its " + n + (n == 1 ? " image" : " images")
                    + ", their labels, its map shapes and its team? This cannot be undone.";
        }));
        Form<Void> form = new Form<>("form");
        form.add(new CsrfTokenField("csrf"));
        form.add(new Button("yes") {
            @Override
            public void onSubmit() {
                String slug = pendingDelete.getObject();
                pendingDelete.setObject(null);
                try {
                    service.delete(CurrentSubject.get(), slug);
                    EventsPage.this.info("Deleted event " + slug);
                } catch (ApiProblem problem) {
                    EventsPage.this.error(problem.getMessage());
                }
            }
        });
        form.add(
                new Button("no") {
                    @Override
                    public void onSubmit() {
                        pendingDelete.setObject(null);
                    }
                }.setDefaultFormProcessing(false));
        box.add(form);
        return box;
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(
                CssHeaderItem.forReference(new PackageResourceReference(EventsPage.class, "labeling-admin.css")));
    }

    @Override
    protected String title() {
        return "Events";
    }
}
