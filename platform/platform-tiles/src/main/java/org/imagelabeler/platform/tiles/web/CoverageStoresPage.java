package org.imagelabeler.platform.tiles.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.wicket.Component;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.StoreInfo;
import org.imagelabeler.platform.catalog.StoreKind;
import org.imagelabeler.platform.catalog.WorkspaceInfo;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.raster.ingest.CoverageUploads;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.web.AdminOnly;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;
import org.imagelabeler.platform.web.jobs.JobsPage;

/**
 * The coverage (GeoTIFF) stores: their served file and layers, deletion, and a form that makes
 * a store and its layer from an uploaded GeoTIFF or one on the server, through
 * {@link CoverageUploads} as the REST upload does (checked, copied into the data directory, published by an ingest job that
 * the Jobs page follows).
 */
@AdminOnly
public class CoverageStoresPage extends BasePage {

    @SpringBean
    private Catalog catalog;

    @SpringBean
    private CoverageUploads uploads;

    public CoverageStoresPage() {
        var stores = new LoadableDetachableModel<List<StoreInfo>>() {
            @Override
            protected List<StoreInfo> load() {
                return catalog.workspaces().stream()
                        .flatMap(ws -> catalog.stores(ws).stream())
                        .filter(s -> s.kind() == StoreKind.COVERAGE)
                        .toList();
            }
        };
        add(new ListView<>("stores", stores) {
            @Override
            protected void populateItem(ListItem<StoreInfo> item) {
                StoreInfo s = item.getModelObject();
                String name = catalog.workspace(s.workspaceId())
                                .map(WorkspaceInfo::name)
                                .orElse("?")
                        + ":" + s.name();
                item.add(new Label("name", name));
                item.add(new Label("file", s.parameter(StoreInfo.URL)));
                item.add(new Label(
                        "layers",
                        String.join(
                                ", ",
                                catalog.layers(s).stream()
                                        .map(catalog::qualifiedName)
                                        .toList())));
                item.add(new StoreDeleteForm("delete", s.id(), name, CoverageStoresPage.this));
            }
        });
        add(createForm());
    }

    private Form<Void> createForm() {
        Model<String> workspace = Model.of("");
        Model<String> name = Model.of("");
        Model<String> path = Model.of("");
        List<String> workspaces =
                catalog.workspaces().stream().map(WorkspaceInfo::name).toList();
        TextField<String> storeField = new TextField<>("name", name);
        TextField<String> pathField = new TextField<>("path", path);
        FileUploadField fileField = new FileUploadField("file");
        DropDownChoice<String> workspaceField = new DropDownChoice<>("workspace", workspace, workspaces);
        Form<Void> create = new Form<>("create") {
            @Override
            protected void onSubmit() {
                FileUpload upload = fileField.getFileUpload();
                String serverPath =
                        path.getObject() == null ? "" : path.getObject().trim();
                if ((upload == null) == serverPath.isEmpty()) {
                    fileField.error("Choose a GeoTIFF to upload, or give the path of one on the server (not both)");
                    return;
                }
                var subject = CurrentSubject.get();
                String store = name.getObject().trim();
                try {
                    WorkspaceInfo ws = uploads.check(subject, workspace.getObject(), store);
                    Job job;
                    String source;
                    if (upload != null) {
                        source = upload.getClientFileName();
                        try (InputStream in = upload.getInputStream()) {
                            job = uploads.ingest(subject, ws, store, in);
                        } finally {
                            upload.delete();
                        }
                    } else {
                        Path file = serverFile(serverPath);
                        if (file == null) {
                            pathField.error("no readable file '" + serverPath + "' on the server");
                            return;
                        }
                        source = file.toString();
                        try (InputStream in = Files.newInputStream(file)) {
                            job = uploads.ingest(subject, ws, store, in);
                        }
                    }
                    info("Publishing " + ws.name() + ":" + store + " from " + source + ": job " + job.id()
                            + " (see Jobs)");
                    name.setObject("");
                    path.setObject("");
                } catch (ApiProblem problem) {
                    Component fileInput = upload != null ? fileField : pathField;
                    Map<String, Component> fields = Map.of("store", storeField, "file", fileInput);
                    Component field = problem.field() == null ? null : fields.get(problem.field());
                    (field != null ? field : CoverageStoresPage.this).error(problem.getMessage());
                } catch (IOException e) {
                    error("cannot read the GeoTIFF: " + e.getMessage());
                }
            }

            @Override
            protected CharSequence getActionUrl() {
                return CsrfTokenField.withToken(super.getActionUrl(), getRequest());
            }
        };
        create.setMultiPart(true);
        create.add(new CsrfTokenField("csrf"));
        create.add(workspaceField.setRequired(true).setLabel(Model.of("Workspace")));
        create.add(storeField.setRequired(true).setLabel(Model.of("Store name")).add(invalidMarker()));
        create.add(fileField.setLabel(Model.of("GeoTIFF to upload")).add(invalidMarker()));
        create.add(pathField.setLabel(Model.of("GeoTIFF on the server")).add(invalidMarker()));
        create.add(new BookmarkablePageLink<Void>("jobs", JobsPage.class));
        return create;
    }

    /** The regular, readable file {@code text} names, or null. */
    private static Path serverFile(String text) {
        try {
            Path file = Path.of(text.trim());
            return file.isAbsolute() && Files.isRegularFile(file) && Files.isReadable(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Says {@code aria-invalid="true"} on a field while it has an error message. */
    private static Behavior invalidMarker() {
        return new Behavior() {
            @Override
            public void onComponentTag(Component component, ComponentTag tag) {
                if (component.hasErrorMessage()) {
                    tag.put("aria-invalid", "true");
                }
            }
        };
    }

    @Override
    protected String title() {
        return "Coverage stores";
    }
}
