package org.imagelabeler.platform.web;

import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.platform.about.ServerStatus;
import org.imagelabeler.platform.catalog.LoadProblem;

/** Server status: version, data dir, database, catalog size, running jobs, load problems. */
public class HomePage extends BasePage {

    @SpringBean
    private ServerStatus status;

    public HomePage() {
        ServerStatus.Snapshot s = status.snapshot();
        add(new Label("status", s.status()));
        add(new Label("version", s.version()));
        add(new Label("dataDirectory", s.dataDirectory()));
        add(new Label("databaseKind", s.databaseKind()));
        add(new Label("database", s.database()));
        add(new Label("workspaces", s.workspaces()));
        add(new Label("layers", s.layers()));
        add(new Label("runningJobs", s.runningJobs()));
        add(new Label("started", s.started().toString()));
        var problems = new org.apache.wicket.markup.html.WebMarkupContainer("problemsSection");
        problems.setVisible(!s.catalogLoadProblems().isEmpty());
        add(problems);
        problems.add(new ListView<>("problems", s.catalogLoadProblems()) {
            @Override
            protected void populateItem(ListItem<LoadProblem> item) {
                item.add(new Label("path", item.getModelObject().path()));
                item.add(new Label("message", item.getModelObject().message()));
            }
        });
    }

    @Override
    protected String title() {
        return "Server status";
    }
}
