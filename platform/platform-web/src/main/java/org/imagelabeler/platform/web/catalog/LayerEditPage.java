package org.imagelabeler.platform.web.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.TextArea;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.catalog.LayerInfo;
import org.imagelabeler.platform.catalog.StyleInfo;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.SecuredCatalog;
import org.imagelabeler.platform.web.AccessDeniedPage;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * Edits a layer ({@code /web/layer?name=ws:layer}): title, abstract, default style, enabled and
 * advertised, as {@code PUT /rest/layers/{ws:layer}} does; for administrators of its workspace.
 */
public class LayerEditPage extends BasePage {

    static final String NAME = "name";
    /** The choice standing for "no style of the catalog: the renderer's own default". */
    static final String RENDERER_DEFAULT = "";

    @SpringBean
    private SecuredCatalog secured;

    private final String qualifiedName;

    public LayerEditPage(PageParameters parameters) {
        qualifiedName = parameters.get(NAME).toString("");
        LayerInfo layer = editable(qualifiedName);
        add(new BookmarkablePageLink<Void>("back", LayersPage.class));

        IModel<String> title = Model.of(layer.title());
        IModel<String> abstractText = Model.of(layer.abstractText());
        IModel<String> style = Model.of(layer.defaultStyle() == null ? RENDERER_DEFAULT : layer.defaultStyle());
        IModel<Boolean> enabled = Model.of(layer.enabled());
        IModel<Boolean> advertised = Model.of(layer.advertised());
        Form<Void> form = new Form<>("form") {
            @Override
            protected void onSubmit() {
                LayerInfo old = editable(qualifiedName);
                String chosen = style.getObject();
                try {
                    secured.unsecured()
                            .save(new LayerInfo(
                                    old.id(),
                                    old.workspaceId(),
                                    old.storeId(),
                                    old.name(),
                                    old.kind(),
                                    old.nativeName(),
                                    title.getObject(),
                                    abstractText.getObject(),
                                    old.keywords(),
                                    enabled.getObject(),
                                    advertised.getObject(),
                                    chosen == null || chosen.equals(RENDERER_DEFAULT) ? null : chosen,
                                    old.styles(),
                                    old.nativeCrs(),
                                    old.nativeBounds(),
                                    old.geographicBounds(),
                                    old.metadata(),
                                    old.created(),
                                    Instant.now()));
                    info("Saved layer " + qualifiedName);
                } catch (CatalogException e) {
                    error(e.getMessage());
                }
            }
        };
        form.add(new CsrfTokenField("csrf"));
        form.add(new Label("layer", qualifiedName));
        form.add(new TextField<>("title", title));
        form.add(new TextArea<>("abstract", abstractText));
        List<String> styles = new ArrayList<>();
        styles.add(RENDERER_DEFAULT);
        secured.unsecured().styles().stream().map(StyleInfo::name).sorted().forEach(styles::add);
        if (!styles.contains(style.getObject())) {
            styles.add(style.getObject());
        }
        form.add(new DropDownChoice<>(
                        "style", style, styles, new org.apache.wicket.markup.html.form.ChoiceRenderer<>() {
                            @Override
                            public Object getDisplayValue(String s) {
                                return s.equals(RENDERER_DEFAULT) ? "(the renderer's default)" : s;
                            }

                            @Override
                            public String getIdValue(String s, int index) {
                                return s.equals(RENDERER_DEFAULT) ? "-" : s;
                            }
                        })
                .setNullValid(false)
                .setRequired(true));
        form.add(new CheckBox("enabled", enabled));
        form.add(new CheckBox("advertised", advertised));
        add(form);
    }

    /** The layer, if the signed-in user administers its workspace; else the access-denied page. */
    private LayerInfo editable(String name) {
        var subject = CurrentSubject.get();
        LayerInfo layer = secured.unsecured()
                .layerByQualifiedName(name)
                .filter(l -> secured.unsecured()
                        .workspace(l.workspaceId())
                        .map(ws -> secured.canAdminister(subject, ws))
                        .orElse(false))
                .orElseThrow(() -> new RestartResponseException(AccessDeniedPage.class));
        return layer;
    }

    @Override
    protected String title() {
        return "Edit layer " + qualifiedName;
    }
}
