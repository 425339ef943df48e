package org.imagelabeler.platform.web.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.ajax.AjaxSelfUpdatingTimerBehavior;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Button;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.security.CurrentSubject;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.web.BasePage;
import org.imagelabeler.platform.web.CsrfTokenField;

/**
 * The recent jobs, refreshed every few seconds, with a cancel button for those queued or
 * running. As {@code /rest/jobs}: administrators see everybody's jobs, other users their own.
 */
public class JobsPage extends BasePage {

    static final int LIMIT = 100;
    static final Duration REFRESH = Duration.ofSeconds(3);

    @SpringBean
    private JobService jobs;

    public JobsPage() {
        var rows = new LoadableDetachableModel<List<Job>>() {
            @Override
            protected List<Job> load() {
                Subject s = CurrentSubject.get();
                return jobs.list(s.isAdmin() ? null : s.username(), LIMIT);
            }
        };
        WebMarkupContainer table = new WebMarkupContainer("table");
        table.setOutputMarkupId(true);
        table.add(new AjaxSelfUpdatingTimerBehavior(REFRESH));
        table.add(new ListView<>("jobs", rows) {
            @Override
            protected void populateItem(ListItem<Job> item) {
                Job job = item.getModelObject();
                item.add(new Label("type", job.type()));
                item.add(new Label("owner", job.owner()));
                item.add(new Label("state", job.state().name()));
                item.add(new Label("progress", job.progress() + "%")
                        .add(AttributeModifier.replace("value", job.progress())));
                item.add(new Label("message", job.message()));
                item.add(new Label("created", time(job.created())));
                item.add(new Label("started", time(job.started())));
                item.add(new Label("finished", time(job.finished())));
                String id = job.id(); // the row's job is not serializable: the button keeps its id
                Form<Void> cancel = new Form<>("cancel");
                cancel.add(new CsrfTokenField("csrf"));
                cancel.add(new Button("submit") {
                    @Override
                    public void onSubmit() {
                        JobsPage.this.cancel(id);
                    }
                });
                cancel.setVisible(!job.state().isFinal());
                item.add(cancel);
            }
        });
        add(table);
    }

    /** Cancels as {@code DELETE /rest/jobs/{id}} does, with the same refusals. */
    private void cancel(String id) {
        Subject s = CurrentSubject.get();
        Optional<Job> visible =
                jobs.find(id).filter(j -> s.isAdmin() || s.username().equals(j.owner()));
        if (visible.isEmpty()) {
            error("no job " + id);
        } else if (visible.get().state().isFinal()) {
            error("job " + id + " has already finished (" + visible.get().state() + ")");
        } else {
            jobs.cancel(id);
            info("Cancelled job " + id + " (" + visible.get().type() + ")");
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    @Override
    protected String title() {
        return "Jobs";
    }
}
