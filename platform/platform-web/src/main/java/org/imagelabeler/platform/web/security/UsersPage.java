package org.imagelabeler.platform.web.security;

import java.util.List;
import java.util.Set;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.validation.EqualPasswordInputValidator;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.security.UserAccount;
import org.imagelabeler.platform.security.UserAccounts;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * Users with their roles and state: create one, change roles, enable or disable, delete. The
 * rules are {@link UserAccounts}'s, as for {@code /rest/security/users}: the last enabled
 * administrator can be neither demoted, disabled nor deleted.
 */
@AdminOnly
public class UsersPage extends BasePage {

    @SpringBean
    private UserAccounts accounts;

    public UsersPage() {
        var rows = new LoadableDetachableModel<List<UserAccount>>() {
            @Override
            protected List<UserAccount> load() {
                return accounts.list();
            }
        };
        add(new ListView<>("users", rows) {
            @Override
            protected void populateItem(ListItem<UserAccount> item) {
                item.add(new Label("username", item.getModelObject().username()));
                item.add(new Label(
                        "created", String.valueOf(item.getModelObject().created())));
                item.add(editForm(item.getModelObject()));
            }
        });
        add(createForm());
    }

    private Form<Void> editForm(UserAccount user) {
        String name = user.username();
        Model<String> roles = Model.of(RoleNames.format(user.roles()));
        Model<Boolean> enabled = Model.of(user.enabled());
        Form<Void> edit = new Form<>("edit");
        edit.add(new CsrfTokenField("csrf"));
        edit.add(new TextField<>("roles", roles));
        edit.add(new CheckBox("enabled", enabled));
        edit.add(new Button("save") {
            @Override
            public void onSubmit() {
                change(name, current -> {
                    Set<String> wanted = RoleNames.parse(roles.getObject());
                    if (!normalised(wanted).equals(normalised(current.roles()))) {
                        accounts.changeRoles(current, wanted);
                    }
                    if (enabled.getObject() != current.enabled()) {
                        accounts.changeEnabled(accounts.find(name).orElseThrow(), enabled.getObject());
                    }
                    UsersPage.this.info("Saved user " + name);
                });
            }
        });
        edit.add(new Button("delete") {
            @Override
            public void onSubmit() {
                change(name, current -> {
                    accounts.delete(current);
                    UsersPage.this.info("Deleted user " + name);
                });
            }
        });
        return edit;
    }

    private Form<Void> createForm() {
        Model<String> username = Model.of("");
        Model<String> password = Model.of("");
        Model<String> confirm = Model.of("");
        Model<String> roles = Model.of("");
        Model<Boolean> enabled = Model.of(true);
        Form<Void> create = new Form<>("create") {
            @Override
            protected void onSubmit() {
                try {
                    accounts.create(
                            username.getObject(),
                            password.getObject(),
                            enabled.getObject(),
                            RoleNames.parse(roles.getObject()));
                    info("Created user " + username.getObject());
                    username.setObject("");
                    roles.setObject("");
                } catch (UserAccounts.InvalidUserException | UserAccounts.DuplicateUserException e) {
                    error(e.getMessage());
                }
            }
        };
        create.add(new CsrfTokenField("csrf"));
        create.add(new TextField<>("username", username).setRequired(true).setLabel(Model.of("User name")));
        PasswordTextField first = new PasswordTextField("password", password);
        first.setLabel(Model.of("Password"));
        PasswordTextField second = new PasswordTextField("confirm", confirm);
        second.setLabel(Model.of("Password again"));
        create.add(first, second);
        create.add(new EqualPasswordInputValidator(first, second));
        create.add(new TextField<>("roles", roles));
        create.add(new CheckBox("enabled", enabled));
        return create;
    }

    private static Set<String> normalised(Set<String> roles) {
        return roles.stream().map(Subject::normaliseRole).collect(java.util.stream.Collectors.toSet());
    }

    /** Applies a change to the user as stored now, reporting what the account rules refuse. */
    private void change(String username, java.util.function.Consumer<UserAccount> change) {
        var user = accounts.find(username);
        if (user.isEmpty()) {
            error("no user '" + username + "'");
            return;
        }
        try {
            change.accept(user.get());
        } catch (UserAccounts.InvalidUserException e) {
            error(e.getMessage());
        }
    }

    @Override
    protected String title() {
        return "Users";
    }
}
