package org.imagelabeler.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.html.WebComponent;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The hidden {@code <input>} carrying Spring Security's CSRF token: every form posted to the
 * server holds one, so that Spring's CSRF filter, the one mechanism for all browser forms, lets
 * it through.
 */
public class CsrfTokenField extends WebComponent {

    public CsrfTokenField(String id) {
        super(id);
    }

    @Override
    protected void onComponentTag(ComponentTag tag) {
        checkComponentTag(tag, "input");
        super.onComponentTag(tag);
        CsrfToken token = token();
        tag.put("type", "hidden");
        if (token != null) {
            tag.put("name", token.getParameterName());
            tag.put("value", token.getToken());
        }
    }

    private CsrfToken token() {
        Object request = getRequest().getContainerRequest();
        return request instanceof HttpServletRequest http
                ? (CsrfToken) http.getAttribute(CsrfToken.class.getName())
                : null;
    }
}
