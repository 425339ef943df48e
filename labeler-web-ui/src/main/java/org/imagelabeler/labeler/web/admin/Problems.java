package org.imagelabeler.labeler.web.admin;

import java.util.Map;
import org.apache.wicket.Component;
import org.apache.wicket.behavior.Behavior;
import org.apache.wicket.markup.ComponentTag;
import org.imagelabeler.platform.rest.ApiProblem;

/**
 * Shows a refusal of the labeling services as the REST API would say it: the problem's detail,
 * reported on the form field it names (marked invalid through {@link #invalidMarker()}), else on
 * the page.
 */
final class Problems {

    private Problems() {}

    /**
     * @param fields the page's form components by the problem field they stand for
     *     ({@code "username"}, {@code "visibility"}...)
     */
    static void report(ApiProblem problem, Component page, Map<String, ? extends Component> fields) {
        Component field = problem.field() == null ? null : fields.get(problem.field());
        (field != null ? field : page).error(problem.getMessage());
    }

    /** Says {@code aria-invalid="true"} on a field while it has an error message. */
    static Behavior invalidMarker() {
        return new Behavior() {
            @Override
            public void onComponentTag(Component component, ComponentTag tag) {
                if (component.hasErrorMessage()) {
                    tag.put("aria-invalid", "true");
                }
            }
        };
    }
}
