package org.imagelabeler.platform.web;

import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.PackageResourceReference;

/**
 * The sign-in form. It is plain HTML posted to Spring Security ({@code POST /web/login}), which
 * checks the password and the CSRF token, then redirects here with {@code ?error} on failure.
 */
public class LoginPage extends WebPage {

    public LoginPage(PageParameters parameters) {
        super(parameters);
        String message = "";
        if (!parameters.get("error").isNull()) {
            message = "Wrong user name or password.";
        } else if (!parameters.get("logout").isNull()) {
            message = "You are signed out.";
        }
        add(new Label("message", message).setVisible(!message.isEmpty()));
        WebMarkupContainer form = new WebMarkupContainer("form");
        form.add(AttributeModifier.replace("action", getRequest().getContextPath() + "/web/login"));
        form.add(new CsrfTokenField("csrf"));
        add(form);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(new PackageResourceReference(BasePage.class, "admin.css")));
    }
}
