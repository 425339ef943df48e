package org.imagelabeler.platform.tiles.web;

import java.net.URI;
import java.util.List;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.tiles.cascade.CapabilitiesException;
import org.imagelabeler.platform.tiles.cascade.CapabilitiesFetcher;
import org.imagelabeler.platform.tiles.cascade.RemoteCapabilities;
import org.imagelabeler.platform.tiles.cascade.RemoteLayer;
import org.imagelabeler.platform.tiles.cascade.RemoteLayerPublisher;
import org.imagelabeler.platform.tiles.cascade.RemoteTileClients;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * The layers a remote WMTS offers, read from its capabilities when the page opens, each with a
 * form that publishes it here under a name of one's choice (GeoServer's layer picker).
 */
@AdminOnly
public class RemoteLayersPage extends BasePage {

    @SpringBean
    private Catalog catalog;

    @SpringBean
    private RemoteLayerPublisher publisher;

    private final String storeId;

    public RemoteLayersPage(PageParameters parameters) {
        super();
        this.storeId = parameters.get("store").toString("");
        StoreInfo store =
                catalog.store(storeId).filter(s -> s.kind() == StoreKind.WMTS).orElse(null);
        add(new Label("store", store == null ? "no such store" : store.name()));
        RemoteCapabilities caps = null;
        if (store != null) {
            try {
                caps = CapabilitiesFetcher.fetch(
                        URI.create(store.parameter(StoreInfo.CAPABILITIES_URL)), RemoteTileClients.settings(store));
            } catch (CapabilitiesException | IllegalArgumentException e) {
                error("Cannot read the remote capabilities: " + e.getMessage());
            }
        }
        RemoteCapabilities found = caps;
        List<RemoteLayer> layers = found == null
                ? List.of()
                : found.layers().stream()
                        .filter(l -> !l.tileMatrixSets().isEmpty())
                        .toList();
        add(new ListView<>("layers", layers) {
            @Override
            protected void populateItem(ListItem<RemoteLayer> item) {
                RemoteLayer remote = item.getModelObject();
                item.add(new Label("identifier", remote.identifier()));
                item.add(new Label("title", remote.title()));
                item.add(new Label("sets", String.join(", ", remote.tileMatrixSets())));
                item.add(new Label(
                        "time", remote.time() == null ? "" : remote.time().defaultValue()));
                Model<String> name = Model.of(remote.identifier());
                Form<Void> publish = new Form<>("publish") {
                    @Override
                    protected void onSubmit() {
                        StoreInfo current = catalog.store(storeId).orElse(null);
                        if (current == null) {
                            RemoteLayersPage.this.error("The store no longer exists");
                            return;
                        }
                        try {
                            var layer = publisher.publish(current, found, remote, name.getObject(), null);
                            RemoteLayersPage.this.info("Published " + layer.name());
                        } catch (CatalogException | IllegalArgumentException e) {
                            RemoteLayersPage.this.error(e.getMessage());
                        }
                    }
                };
                publish.add(new CsrfTokenField("csrf"));
                publish.add(new TextField<>("name", name).setRequired(true).setLabel(Model.of("Name")));
                item.add(publish);
            }
        });
    }

    @Override
    protected String title() {
        return "Remote layers";
    }
}
