package org.imagelabeler.platform.web.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.ChoiceRenderer;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.LayerKind;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * The layers the user may read. Administrators of a layer's workspace may edit it
 * ({@link LayerEditPage}) or delete it, and may
 * publish a new layer from one of the stores they administer.
 */
public class LayersPage extends BasePage {

    @SpringBean
    private SecuredCatalog secured;

    public LayersPage() {
        Subject subject = CurrentSubject.get();
        var rows = new LoadableDetachableModel<List<LayerInfo>>() {
            @Override
            protected List<LayerInfo> load() {
                return secured.layers(CurrentSubject.get());
            }
        };
        add(new ListView<>("layers", rows) {
            @Override
            protected void populateItem(ListItem<LayerInfo> item) {
                LayerInfo layer = item.getModelObject();
                item.add(new Label("name", secured.unsecured().qualifiedName(layer)));
                item.add(new Label("title", layer.title()));
                item.add(new Label("kind", layer.kind()));
                item.add(new Label(
                        "store",
                        secured.unsecured()
                                .store(layer.storeId())
                                .map(StoreInfo::name)
                                .orElse("")));
                item.add(new Label("enabled", layer.enabled() ? "yes" : "no"));
                Form<Void> delete = new Form<>("delete");
                delete.add(new CsrfTokenField("csrf"));
                delete.add(new Button("submit") {
                    @Override
                    public void onSubmit() {
                        try {
                            secured.unsecured().layer(layer.id()).ifPresent(secured.unsecured()::remove);
                            // on the page: the row and its button are rebuilt before feedback shows
                            LayersPage.this.info("Deleted layer " + layer.name());
                        } catch (CatalogException e) {
                            LayersPage.this.error(e.getMessage());
                        }
                    }
                });
                boolean administers = secured.unsecured()
                        .workspace(layer.workspaceId())
                        .map(ws -> secured.canAdminister(subject, ws))
                        .orElse(false);
                delete.setVisible(administers);
                item.add(delete);
                String qualified = secured.unsecured().qualifiedName(layer);
                item.add(new BookmarkablePageLink<Void>(
                                "edit", LayerEditPage.class, new PageParameters().add(LayerEditPage.NAME, qualified))
                        .add(AttributeModifier.replace("aria-label", "Edit " + qualified))
                        .setVisible(administers));
            }
        });

        List<StoreInfo> stores = secured.unsecured().workspaces().stream()
                .filter(ws -> secured.canAdminister(subject, ws))
                .flatMap(ws -> secured.unsecured().stores(ws).stream())
                .toList();
        Model<StoreInfo> store = new Model<>();
        Model<String> name = Model.of("");
        Model<String> title = Model.of("");
        Model<LayerKind> kind = Model.of(LayerKind.RASTER);
        Form<Void> create = new Form<>("create") {
            @Override
            protected void onSubmit() {
                StoreInfo s = store.getObject();
                Instant now = Instant.now();
                try {
                    secured.unsecured()
                            .add(new LayerInfo(
                                    UUID.randomUUID().toString(),
                                    s.workspaceId(),
                                    s.id(),
                                    name.getObject(),
                                    kind.getObject(),
                                    name.getObject(),
                                    title.getObject(),
                                    null,
                                    List.of(),
                                    true,
                                    true,
                                    null,
                                    List.of(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    now,
                                    now));
                    info("Published layer " + name.getObject());
                    name.setObject("");
                    title.setObject("");
                } catch (CatalogException e) {
                    error(e.getMessage());
                }
            }
        };
        create.add(new CsrfTokenField("csrf"));
        create.add(new DropDownChoice<>("store", store, stores, new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(StoreInfo s) {
                        return secured.unsecured()
                                        .workspace(s.workspaceId())
                                        .orElseThrow()
                                        .name() + ":" + s.name() + " (" + s.kind() + ")";
                    }

                    @Override
                    public String getIdValue(StoreInfo s, int index) {
                        return s.id();
                    }
                })
                .setRequired(true)
                .setLabel(Model.of("Store")));
        create.add(new TextField<>("name", name).setRequired(true).setLabel(Model.of("Name")));
        create.add(new TextField<>("title", title));
        create.add(new DropDownChoice<>("kind", kind, List.of(LayerKind.values()), new ChoiceRenderer<>() {
                    @Override
                    public Object getDisplayValue(LayerKind k) {
                        return k.name().toLowerCase(java.util.Locale.ROOT);
                    }

                    @Override
                    public String getIdValue(LayerKind k, int index) {
                        return k.name();
                    }
                })
                .setRequired(true));
        create.setVisible(!stores.isEmpty());
        add(create);
    }

    @Override
    protected String title() {
        return "Layers";
    }
}
