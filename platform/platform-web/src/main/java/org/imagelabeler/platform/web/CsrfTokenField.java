package org.imagelabeler.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.wicket.markup.ComponentTag;
import org.apache.wicket.markup.html.WebComponent;
import org.apache.wicket.request.Request;
import org.apache.wicket.util.encoding.UrlEncoder;
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
        return token(getRequest());
    }

    private static CsrfToken token(Request request) {
        return request.getContainerRequest() instanceof HttpServletRequest http
                ? (CsrfToken) http.getAttribute(CsrfToken.class.getName())
                : null;
    }

    /**
     * {@code url} with the token as a query parameter, for the action of a multipart form (a file
     * upload): Spring's CSRF filter reads request parameters, and the servlet container does not
     * parse a multipart body into them (Wicket does, later).
     */
    public static CharSequence withToken(CharSequence url, Request request) {
        CsrfToken token = token(request);
        if (token == null) {
            return url;
        }
        String separator = url.toString().contains("?") ? "&" : "?";
        return url + separator + token.getParameterName() + "="
                + UrlEncoder.QUERY_INSTANCE.encode(token.getToken(), "UTF-8");
    }
}
