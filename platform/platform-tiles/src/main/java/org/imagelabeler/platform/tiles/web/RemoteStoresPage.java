package org.imagelabeler.platform.tiles.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.wicket.markup.html.basic.Label;
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
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.tiles.cascade.TileUrls;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * The remote WMTS stores (NASA GIBS and others): their capabilities URL and published layers,
 * and a form that adds one from a capabilities URL; an empty store, or one with its layers, is
 * deleted from its row. Each store links to the page that lists the
 * remote's layers and publishes them.
 */
@AdminOnly
public class RemoteStoresPage extends BasePage {

    @SpringBean
    private Catalog catalog;

    public RemoteStoresPage() {
        var stores = new LoadableDetachableModel<List<StoreInfo>>() {
            @Override
            protected List<StoreInfo> load() {
                return catalog.workspaces().stream()
                        .flatMap(ws -> catalog.stores(ws).stream())
                        .filter(s -> s.kind() == StoreKind.WMTS)
                        .toList();
            }
        };
        add(new ListView<>("stores", stores) {
            @Override
            protected void populateItem(ListItem<StoreInfo> item) {
                StoreInfo s = item.getModelObject();
                String ws = catalog.workspace(s.workspaceId())
                        .map(WorkspaceInfo::name)
                        .orElse("?");
                item.add(new Label("name", ws + ":" + s.name()));
                item.add(new Label("url", s.parameter(StoreInfo.CAPABILITIES_URL)));
                item.add(new Label("layers", catalog.layers(s).size()));
                item.add(new BookmarkablePageLink<Void>(
                        "browse", RemoteLayersPage.class, new PageParameters().add("store", s.id())));
                item.add(new StoreDeleteForm("delete", s.id(), ws + ":" + s.name(), RemoteStoresPage.this));
            }
        });

        Model<String> workspace = Model.of("");
        Model<String> name = Model.of("");
        Model<String> url = Model.of("");
        List<String> workspaces =
                catalog.workspaces().stream().map(WorkspaceInfo::name).toList();
        Form<Void> create = new Form<>("create") {
            @Override
            protected void onSubmit() {
                try {
                    TileUrls.requireHttp(URI.create(url.getObject().trim()));
                } catch (IllegalArgumentException e) {
                    error("Capabilities URL: " + e.getMessage());
                    return;
                }
                WorkspaceInfo ws =
                        catalog.workspaceByName(workspace.getObject()).orElse(null);
                if (ws == null) {
                    error("Choose a workspace");
                    return;
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put(StoreInfo.CAPABILITIES_URL, url.getObject().trim());
                parameters.put("maxConnections", "4");
                parameters.put("connectTimeout", "10");
                parameters.put("readTimeout", "30");
                Instant now = Instant.now();
                try {
                    catalog.add(new StoreInfo(
                            UUID.randomUUID().toString(),
                            ws.id(),
                            name.getObject(),
                            StoreKind.WMTS,
                            "WMTS",
                            null,
                            true,
                            parameters,
                            now,
                            now));
                    info("Created WMTS store " + ws.name() + ":" + name.getObject());
                    name.setObject("");
                    url.setObject("");
                } catch (CatalogException e) {
                    error(e.getMessage());
                }
            }
        };
        create.add(new CsrfTokenField("csrf"));
        create.add(new DropDownChoice<>("workspace", workspace, workspaces)
                .setRequired(true)
                .setLabel(Model.of("Workspace")));
        create.add(new TextField<>("name", name).setRequired(true).setLabel(Model.of("Name")));
        create.add(new TextField<>("url", url).setRequired(true).setLabel(Model.of("Capabilities URL")));
        add(create);
    }

    @Override
    protected String title() {
        return "Remote WMTS stores";
    }
}
