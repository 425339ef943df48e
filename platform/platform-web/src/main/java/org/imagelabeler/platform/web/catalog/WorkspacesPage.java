package org.imagelabeler.platform.web.catalog;

import java.time.Instant;
import java.util.UUID;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/** Lists workspaces with their store and layer counts; creates them, changes their titles, deletes them. */
@AdminOnly
public class WorkspacesPage extends BasePage {

    @SpringBean
    private Catalog catalog;

    public WorkspacesPage() {
        var rows = new LoadableDetachableModel<java.util.List<WorkspaceInfo>>() {
            @Override
            protected java.util.List<WorkspaceInfo> load() {
                return catalog.workspaces();
            }
        };
        add(new ListView<>("workspaces", rows) {
            @Override
            protected void populateItem(ListItem<WorkspaceInfo> item) {
                WorkspaceInfo ws = item.getModelObject();
                item.add(new Label("name", ws.name()));
                item.add(titleForm(ws));
                item.add(new Label("stores", catalog.stores(ws).size()));
                item.add(new Label("layers", catalog.layers(ws).size()));
                Form<Void> delete = new Form<>("delete");
                delete.add(new CsrfTokenField("csrf"));
                Model<Boolean> recurse = Model.of(false);
                delete.add(new CheckBox("recurse", recurse));
                delete.add(new Button("submit") {
                    @Override
                    public void onSubmit() {
                        try {
                            catalog.workspace(ws.id()).ifPresent(w -> catalog.remove(w, recurse.getObject()));
                            // on the page: the row and its button are rebuilt before feedback shows
                            WorkspacesPage.this.info("Deleted workspace " + ws.name());
                        } catch (CatalogException e) {
                            WorkspacesPage.this.error(e.getMessage());
                        }
                    }
                });
                item.add(delete);
            }
        });

        Model<String> name = Model.of("");
        Model<String> title = Model.of("");
        Form<Void> create = new Form<>("create") {
            @Override
            protected void onSubmit() {
                Instant now = Instant.now();
                try {
                    catalog.add(new WorkspaceInfo(
                            UUID.randomUUID().toString(), name.getObject(), title.getObject(), now, now));
                    info("Created workspace " + name.getObject());
                    name.setObject("");
                    title.setObject("");
                } catch (CatalogException e) {
                    error(e.getMessage());
                }
            }
        };
        create.add(new CsrfTokenField("csrf"));
        create.add(new TextField<>("name", name).setRequired(true).setLabel(Model.of("Name")));
        create.add(new TextField<>("title", title));
        add(create);
    }

    /** The workspace's title, changed in place. */
    private Form<Void> titleForm(WorkspaceInfo ws) {
        Model<String> title = Model.of(ws.title());
        Form<Void> form = new Form<>("rename");
        form.add(new CsrfTokenField("csrf"));
        form.add(new TextField<>("title", title).add(AttributeModifier.replace("aria-label", "Title of " + ws.name())));
        form.add(
                new Button("save") {
                    @Override
                    public void onSubmit() {
                        try {
                            catalog.workspace(ws.id())
                                    .ifPresent(w -> catalog.save(new WorkspaceInfo(
                                            w.id(), w.name(), title.getObject(), w.created(), Instant.now())));
                            WorkspacesPage.this.info("Saved workspace " + ws.name());
                        } catch (CatalogException e) {
                            WorkspacesPage.this.error(e.getMessage());
                        }
                    }
                }.add(AttributeModifier.replace("aria-label", "Save the title of " + ws.name())));
        return form;
    }

    @Override
    protected String title() {
        return "Workspaces";
    }
}
