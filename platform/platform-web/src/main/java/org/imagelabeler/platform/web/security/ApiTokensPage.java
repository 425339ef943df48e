package org.imagelabeler.platform.web.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.security.ApiToken;
import org.imagelabeler.platform.security.ApiTokenRepository;
import org.imagelabeler.platform.security.ApiTokens;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.security.UserAccount;
import org.imagelabeler.platform.security.UserAccounts;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * API tokens, as {@code /rest/security/tokens} allows: every user creates tokens for themself
 * (the secret is shown once), lists and revokes them; administrators see and revoke everybody's.
 */
public class ApiTokensPage extends BasePage {

    @SpringBean
    private ApiTokens tokens;

    @SpringBean
    private ApiTokenRepository repository;

    @SpringBean
    private UserAccounts accounts;

    /** The secret of the token just created: rendered once, never kept with the stored page. */
    private final Model<String> secret = Model.of();

    public ApiTokensPage() {
        var rows = new LoadableDetachableModel<List<ApiToken>>() {
            @Override
            protected List<ApiToken> load() {
                Subject s = CurrentSubject.get();
                if (s.isAdmin()) {
                    return repository.findAll();
                }
                return accounts.find(s.username())
                        .map(u -> repository.findByUser(u.id()))
                        .orElse(List.of());
            }
        };
        add(new ListView<>("tokens", rows) {
            @Override
            protected void populateItem(ListItem<ApiToken> item) {
                ApiToken t = item.getModelObject();
                boolean active = t.isActive(Instant.now());
                item.add(new Label("name", t.name()));
                item.add(new Label("user", t.username()));
                item.add(new Label("prefix", t.prefix() + "…"));
                item.add(new Label("created", time(t.created())));
                item.add(new Label("expires", time(t.expires())));
                item.add(new Label(
                        "lastUsed",
                        t.lastUsed() == null ? "never" : t.lastUsed().toString()));
                item.add(new Label("state", t.revoked() != null ? "revoked" : active ? "active" : "expired"));
                String id = t.id(); // the row's token is not serializable: the button keeps its id
                Form<Void> revoke = new Form<>("revoke");
                revoke.add(new CsrfTokenField("csrf"));
                revoke.add(new Button("submit") {
                    @Override
                    public void onSubmit() {
                        ApiTokensPage.this.revoke(id);
                    }
                });
                revoke.setVisible(t.revoked() == null);
                item.add(revoke);
            }
        });
        var secretBox = new org.apache.wicket.markup.html.WebMarkupContainer("secretBox") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(secret.getObject() != null);
            }
        };
        secretBox.add(new Label("secret", secret));
        add(secretBox);
        add(createForm());
    }

    private Form<Void> createForm() {
        Model<String> name = Model.of("");
        Model<Integer> days = Model.of();
        Form<Void> create = new Form<>("create") {
            @Override
            protected void onSubmit() {
                Optional<UserAccount> self = accounts.find(CurrentSubject.get().username());
                if (self.isEmpty()) {
                    error("no user '" + CurrentSubject.get().username() + "'");
                    return;
                }
                try {
                    var issued = tokens.request(self.get(), name.getObject(), days.getObject());
                    secret.setObject(issued.secret());
                    info("Created token " + issued.token().name() + ": copy its secret now, it is not shown again");
                    name.setObject("");
                    days.setObject(null);
                } catch (ApiTokens.InvalidTokenException e) {
                    error(e.getMessage());
                }
            }
        };
        create.add(new CsrfTokenField("csrf"));
        create.add(new TextField<>("name", name));
        create.add(new TextField<>("days", days, Integer.class).setLabel(Model.of("Expires in days")));
        return create;
    }

    /** Revokes as {@code DELETE /rest/security/tokens/{id}}: one's own token, or any for administrators. */
    private void revoke(String id) {
        Subject s = CurrentSubject.get();
        Optional<ApiToken> visible =
                repository.findById(id).filter(t -> s.isAdmin() || t.username().equals(s.username()));
        if (visible.isEmpty()) {
            error("no token " + id);
            return;
        }
        repository.revoke(id, Instant.now());
        info("Revoked token " + visible.get().name() + " of " + visible.get().username());
    }

    @Override
    protected void onDetach() {
        super.onDetach();
        secret.setObject(null);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    @Override
    protected String title() {
        return "API tokens";
    }
}
