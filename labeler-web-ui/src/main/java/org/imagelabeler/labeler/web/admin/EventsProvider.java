package org.imagelabeler.labeler.web.admin;

import java.util.Iterator;
import org.apache.wicket.injection.Injector;
import org.apache.wicket.markup.repeater.data.IDataProvider;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.spring.injection.annot.SpringBean;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;

/**
 * Every event (the page is for administrators), newest first, a page at a time from the
 * database, filtered by the search text (title, description, keywords) like
 * {@code GET /rest/labeler/events?q=}.
 */
class EventsProvider implements IDataProvider<Event> {

    @SpringBean
    private EventRepository events;

    private final IModel<String> search;

    EventsProvider(IModel<String> search) {
        this.search = search;
        Injector.get().inject(this);
    }

    private EventRepository.Query query() {
        String text = search.getObject();
        return new EventRepository.Query(
                null, true, true, null, text == null || text.isBlank() ? null : text.trim(), null, null);
    }

    @Override
    public Iterator<? extends Event> iterator(long first, long count) {
        return events.list(query(), Math.toIntExact(first), Math.toIntExact(count))
                .iterator();
    }

    @Override
    public long size() {
        return events.count(query());
    }

    @Override
    public IModel<Event> model(Event event) {
        String slug = event.slug();
        return new LoadableDetachableModel<>(event) {
            @Override
            protected Event load() {
                return events.findBySlug(slug).orElse(null);
            }
        };
    }
}
