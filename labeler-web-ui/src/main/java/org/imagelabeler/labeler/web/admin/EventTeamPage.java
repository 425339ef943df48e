package org.imagelabeler.labeler.web.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.PackageResourceReference;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.teams.Membership;
import org.imagelabeler.labeler.teams.TeamRole;
import org.imagelabeler.labeler.teams.TeamService;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.UserAccount;
import org.imagelabeler.platform.security.UserAccounts;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * An event's team ({@code /web/event-teams?event=<slug>}): members and roles; add an existing
 * user with a role, change a role, remove a member. The rules are {@link TeamService}'s, as for
 * {@code /rest/labeler/events/{slug}/members}: an event keeps at least one owner.
 */
@AdminOnly
public class EventTeamPage extends BasePage {

    static final String EVENT = "event";

    @SpringBean
    private TeamService team;

    @SpringBean
    private EventRepository events;

    @SpringBean
    private UserAccounts accounts;

    /** The team, read again after each change. */
    private IModel<List<Membership>> members = Model.ofList(List.of());

    public EventTeamPage(PageParameters parameters) {
        String slug = parameters.get(EVENT).toOptionalString();
        add(pickForm(slug));
        Event event = slug == null ? null : events.findBySlug(slug).orElse(null);
        if (slug != null && event == null) {
            error("no event '" + slug + "'");
        }
        WebMarkupContainer teamOf = new WebMarkupContainer("teamOf");
        teamOf.setVisible(event != null);
        add(teamOf);
        if (event == null) {
            return;
        }
        teamOf.add(new Label("eventTitle", event.title() + " (" + slug + ")"));
        teamOf.add(new ExternalLink("open", contextPath() + "/labeler/#/events/" + slug));
        this.members = new LoadableDetachableModel<>() {
            @Override
            protected List<Membership> load() {
                return team.list(CurrentSubject.get(), slug);
            }
        };
        teamOf.add(new ListView<>("members", members) {
            @Override
            protected void populateItem(ListItem<Membership> item) {
                Membership m = item.getModelObject();
                item.add(new Label("username", m.username()));
                item.add(new Label("added", EventsPage.CREATED.format(m.added())));
                item.add(memberForm(slug, m));
            }
        });
        teamOf.add(addForm(slug));
    }

    private Form<Void> pickForm(String slug) {
        IModel<String> chosen = Model.of(slug == null ? "" : slug);
        Form<Void> pick = new Form<>("pick") {
            @Override
            protected void onSubmit() {
                setResponsePage(
                        EventTeamPage.class,
                        new PageParameters().add(EVENT, chosen.getObject().trim()));
            }
        };
        pick.add(new CsrfTokenField("csrf"));
        pick.add(new TextField<>("slug", chosen).setRequired(true).setLabel(Model.of("Event")));
        return pick;
    }

    private Form<Void> memberForm(String slug, Membership m) {
        String username = m.username();
        IModel<TeamRole> role = Model.of(m.role());
        Form<Void> form = new Form<>("edit");
        form.add(new CsrfTokenField("csrf"));
        form.add(roleChoice("role", role).add(AttributeModifier.replace("aria-label", "Role of " + username)));
        form.add(
                new Button("change") {
                    @Override
                    public void onSubmit() {
                        try {
                            team.put(CurrentSubject.get(), slug, username, role.getObject());
                            // on the page: the member rows are rebuilt before feedback shows
                            members.detach();
                            EventTeamPage.this.info(
                                    username + " is now " + role.getObject().json());
                        } catch (ApiProblem problem) {
                            EventTeamPage.this.error(problem.getMessage());
                        }
                    }
                }.add(AttributeModifier.replace("aria-label", "Change the role of " + username)));
        form.add(
                new Button("remove") {
                    @Override
                    public void onSubmit() {
                        try {
                            team.remove(CurrentSubject.get(), slug, username);
                            members.detach();
                            EventTeamPage.this.info("Removed " + username + " from the team");
                        } catch (ApiProblem problem) {
                            EventTeamPage.this.error(problem.getMessage());
                        }
                    }
                }.setDefaultFormProcessing(false).add(AttributeModifier.replace("aria-label", "Remove " + username)));
        return form;
    }

    private Form<Void> addForm(String slug) {
        IModel<String> username = Model.of("");
        IModel<TeamRole> role = Model.of(TeamRole.LABELER);
        TextField<String> user = new TextField<>("username", username);
        user.setRequired(true).setLabel(Model.of("User name"));
        user.add(Problems.invalidMarker());
        DropDownChoice<TeamRole> roles = roleChoice("role", role);
        roles.setLabel(Model.of("Role"));
        roles.add(Problems.invalidMarker());
        Form<Void> add = new Form<>("add") {
            @Override
            protected void onSubmit() {
                String name = username.getObject().trim();
                try {
                    boolean added = team.put(CurrentSubject.get(), slug, name, role.getObject());
                    members.detach();
                    info(
                            added
                                    ? "Added " + name + " as "
                                            + role.getObject().json()
                                    : name + " was in the team already: now "
                                            + role.getObject().json());
                    username.setObject("");
                } catch (ApiProblem problem) {
                    Problems.report(problem, EventTeamPage.this, Map.of("username", user, "role", roles));
                }
            }
        };
        add.add(new CsrfTokenField("csrf"));
        add.add(user, roles);
        add.add(
                new ListView<>("knownUsers", new LoadableDetachableModel<List<String>>() {
                    @Override
                    protected List<String> load() {
                        return accounts.list().stream()
                                .map(UserAccount::username)
                                .toList();
                    }
                }) {
                    @Override
                    protected void populateItem(ListItem<String> item) {
                        item.add(AttributeModifier.replace("value", item.getModelObject()));
                    }
                });
        return add;
    }

    private static DropDownChoice<TeamRole> roleChoice(String id, IModel<TeamRole> role) {
        DropDownChoice<TeamRole> choice =
                new DropDownChoice<>(id, role, Arrays.asList(TeamRole.values()), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(TeamRole r) {
                        return r.json();
                    }

                    @Override
                    public String getIdValue(TeamRole r, int index) {
                        return r.json();
                    }
                });
        choice.setRequired(true);
        return choice;
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(
                CssHeaderItem.forReference(new PackageResourceReference(EventsPage.class, "labeling-admin.css")));
    }

    @Override
    protected String title() {
        return "Teams & memberships";
    }
}
