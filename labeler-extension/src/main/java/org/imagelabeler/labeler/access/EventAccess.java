package org.imagelabeler.labeler.access;

import java.util.Optional;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.labeler.events.EventRepository;
import org.imagelabeler.labeler.events.Visibility;
import org.imagelabeler.labeler.teams.Membership;
import org.imagelabeler.labeler.teams.MembershipRepository;
import org.imagelabeler.labeler.teams.TeamRole;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.Subject;

/**
 * The one access policy of the labeling domain, asked by every endpoint: an event the caller
 * may not read does not exist for them (404); one they may read but not change answers 403.
 */
public class EventAccess {

    private final EventRepository events;
    private final MembershipRepository members;

    public EventAccess(EventRepository events, MembershipRepository members) {
        this.events = events;
        this.members = members;
    }

    /** The caller's role in the event, or empty when they are not in its team. */
    public Optional<TeamRole> role(Subject subject, Event event) {
        if (subject.isAnonymous()) {
            return Optional.empty();
        }
        return members.find(event.id(), subject.username()).map(Membership::role);
    }

    public boolean canRead(Subject subject, Event event) {
        if (subject.isAdmin() || event.visibility() == Visibility.PUBLIC) {
            return true;
        }
        if (subject.isAnonymous()) {
            return false;
        }
        return event.visibility() == Visibility.TEAM || role(subject, event).isPresent();
    }

    public boolean can(Subject subject, Event event, EventAction action) {
        if (subject.isAdmin()) {
            return true;
        }
        if (action == EventAction.READ) {
            return canRead(subject, event);
        }
        return action.allows(role(subject, event).orElse(null));
    }

    /**
     * The event named {@code slug} if the caller may do {@code action} to it: 404 when they may
     * not read it (or it does not exist), 403 when they may read it but not do the action.
     */
    public Event require(Subject subject, String slug, EventAction action) {
        Event event = events.findBySlug(slug)
                .filter(e -> canRead(subject, e))
                .orElseThrow(() -> ApiProblem.notFound("no event '" + slug + "'"));
        if (!can(subject, event, action)) {
            throw ApiProblem.forbidden("your role in event '" + slug + "' does not allow "
                    + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return event;
    }
}
