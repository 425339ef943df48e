package org.imagelabeler.platform.tiles.web;

import java.util.List;
import java.util.Locale;
import org.apache.wicket.markup.html.WebMarkupContainer;
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
import org.imagelabeler.platform.catalog.BoundingBox;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.tiles.cache.TileCacheDiskUse;
import org.imagelabeler.platform.tiles.cache.TileFormat;
import org.imagelabeler.platform.tiles.grid.TileMatrixSet;
import org.imagelabeler.platform.tiles.seed.LayerSeeding;
import org.imagelabeler.platform.tiles.seed.SeedRequest;
import org.imagelabeler.platform.tiles.wmts.TiledLayer;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * The tile cache: its disk use, the layers the user administers, and for one of them
 * ({@code ?layer=ws:name}) a form that seeds, reseeds or truncates its tiles as the same
 * {@code tiles.seed} job as {@code POST /rest/seed/{layer}}, refused alike.
 */
public class TileCachePage extends BasePage {

    @SpringBean
    private LayerSeeding seeding;

    @SpringBean
    private TileCacheDiskUse diskUse;

    public TileCachePage(PageParameters parameters) {
        super();
        add(new Label("diskUse", megabytes(diskUse.usedBytes()) + " of " + megabytes(diskUse.limitBytes()) + " used"));
        var rows = new LoadableDetachableModel<List<LayerRow>>() {
            @Override
            protected List<LayerRow> load() {
                return seeding.administered(CurrentSubject.get()).stream()
                        .map(LayerRow::of)
                        .toList();
            }
        };
        add(new ListView<>("layers", rows) {
            @Override
            protected void populateItem(ListItem<LayerRow> item) {
                LayerRow r = item.getModelObject();
                item.add(new Label("name", r.name()));
                item.add(new Label("sets", String.join(", ", r.sets())));
                item.add(new Label("formats", String.join(", ", r.formats())));
                item.add(new Label("time", r.time() ? "yes" : "no"));
                item.add(new BookmarkablePageLink<Void>(
                        "seed", TileCachePage.class, new PageParameters().add("layer", r.name())));
            }
        });
        String layer = parameters.get("layer").toOptionalString();
        LayerRow chosen = null;
        if (layer != null) {
            try {
                chosen = LayerRow.of(seeding.administered(CurrentSubject.get(), layer));
            } catch (ApiProblem e) {
                error(e.getMessage());
            }
        }
        add(chosen == null ? new WebMarkupContainer("seed").setVisible(false) : seedForm(chosen));
    }

    /** What the page shows of a layer; serializable, unlike the layer's tiled view. */
    record LayerRow(String name, List<String> sets, List<String> formats, boolean time)
            implements java.io.Serializable {
        static LayerRow of(TiledLayer t) {
            return new LayerRow(
                    t.name(),
                    t.sets().stream().map(TileMatrixSet::identifier).toList(),
                    t.formats().stream().map(TileFormat::mimeType).toList(),
                    t.time() != null);
        }
    }

    private Form<Void> seedForm(LayerRow layer) {
        Model<String> type = Model.of(SeedRequest.SEED);
        Model<String> set =
                Model.of(layer.sets().isEmpty() ? null : layer.sets().get(0));
        Model<Integer> zoomStart = Model.of(0);
        Model<Integer> zoomStop = Model.of();
        Model<String> format =
                Model.of(layer.formats().isEmpty() ? null : layer.formats().get(0));
        Model<Double> minX = Model.of();
        Model<Double> minY = Model.of();
        Model<Double> maxX = Model.of();
        Model<Double> maxY = Model.of();
        Model<String> time = Model.of();
        Form<Void> form = new Form<>("seed") {
            @Override
            protected void onSubmit() {
                BoundingBox bounds;
                try {
                    bounds = bounds(minX.getObject(), minY.getObject(), maxX.getObject(), maxY.getObject());
                } catch (IllegalArgumentException e) {
                    error(e.getMessage());
                    return;
                }
                SeedRequest request = new SeedRequest(
                        type.getObject(),
                        set.getObject(),
                        zoomStart.getObject(),
                        zoomStop.getObject(),
                        bounds,
                        format.getObject(),
                        null,
                        time.getObject());
                try {
                    var subject = CurrentSubject.get();
                    Job job = seeding.submit(subject, seeding.administered(subject, layer.name()), request);
                    info("Submitted " + type.getObject() + " of " + layer.name() + " as job " + job.id()
                            + ": follow it on the Jobs page");
                } catch (ApiProblem e) {
                    error(e.getMessage());
                }
            }
        };
        form.add(new CsrfTokenField("csrf"));
        form.add(new Label("layer", layer.name()));
        form.add(new DropDownChoice<>("type", type, List.of(SeedRequest.SEED, SeedRequest.RESEED, SeedRequest.TRUNCATE))
                .setRequired(true));
        // empty set or format: truncate every one
        form.add(new DropDownChoice<>("tileMatrixSet", set, layer.sets()).setNullValid(true));
        form.add(new TextField<>("zoomStart", zoomStart, Integer.class));
        form.add(new TextField<>("zoomStop", zoomStop, Integer.class));
        form.add(new DropDownChoice<>("format", format, layer.formats()).setNullValid(true));
        form.add(new TextField<>("minX", minX, Double.class));
        form.add(new TextField<>("minY", minY, Double.class));
        form.add(new TextField<>("maxX", maxX, Double.class));
        form.add(new TextField<>("maxY", maxY, Double.class));
        WebMarkupContainer timeRow = new WebMarkupContainer("timeRow");
        timeRow.add(new TextField<>("time", time));
        timeRow.setVisible(layer.time());
        form.add(timeRow);
        return form;
    }

    /** Bounds in the set's CRS: all four corners or none. */
    static BoundingBox bounds(Double minX, Double minY, Double maxX, Double maxY) {
        long given = java.util.stream.Stream.of(minX, minY, maxX, maxY)
                .filter(java.util.Objects::nonNull)
                .count();
        if (given == 0) {
            return null;
        }
        if (given < 4) {
            throw new IllegalArgumentException("bounds need minX, minY, maxX and maxY, or none of them");
        }
        if (minX >= maxX || minY >= maxY) {
            throw new IllegalArgumentException("bounds must have minX < maxX and minY < maxY");
        }
        return new BoundingBox(minX, minY, maxX, maxY, null);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    protected String title() {
        return "Tile cache";
    }
}
