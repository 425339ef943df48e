package org.imagelabeler.platform.tiles.web;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.CheckBox;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.model.Model;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.catalog.Catalog;
import org.imagelabeler.platform.catalog.CatalogException;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * Deletes a store from a row of a stores table: only an empty one, unless "with its layers" is
 * ticked (the catalog's rule, as {@code DELETE ...?recurse=true}). Feedback goes to the page, as
 * the row is rebuilt before it shows.
 */
class StoreDeleteForm extends Form<Void> {

    @SpringBean
    private Catalog catalog;

    StoreDeleteForm(String id, String storeId, String qualifiedName, Component page) {
        super(id);
        Model<Boolean> recurse = Model.of(false);
        add(new CsrfTokenField("csrf"));
        add(new CheckBox("recurse", recurse)
                .add(AttributeModifier.replace("aria-label", "Delete the layers of " + qualifiedName + " too")));
        add(
                new Button("submit") {
                    @Override
                    public void onSubmit() {
                        try {
                            catalog.store(storeId).ifPresent(s -> catalog.remove(s, recurse.getObject()));
                            page.info("Deleted store " + qualifiedName);
                        } catch (CatalogException e) {
                            page.error(e.getMessage());
                        }
                    }
                }.add(AttributeModifier.replace("aria-label", "Delete " + qualifiedName)));
    }
}
