package org.imagelabeler.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.wicket.request.http.WebResponse;

/** Shown, with status 403, when a signed-in user opens a page reserved for administrators. */
public class AccessDeniedPage extends BasePage {

    @Override
    protected String title() {
        return "Access denied";
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }

    @Override
    public boolean isErrorPage() {
        return true;
    }
}
