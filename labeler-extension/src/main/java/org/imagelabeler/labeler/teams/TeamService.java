package org.imagelabeler.labeler.teams;

import java.time.Instant;
import java.util.List;
import org.imagelabeler.labeler.access.EventAccess;
import org.imagelabeler.labeler.access.EventAction;
import org.imagelabeler.labeler.audit.AuditLog;
import org.imagelabeler.labeler.events.Event;
import org.imagelabeler.platform.rest.ApiProblem;
import org.imagelabeler.platform.security.Subject;
import org.imagelabeler.platform.security.UserAccounts;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event's team: owners and managers add, change and remove members; only owners hand out or
 * take away the owner role; the last owner cannot leave or be demoted, so an event always has
 * someone who may delete it.
 */
public class TeamService {

    private final MembershipRepository members;
    private final EventAccess access;
    private final UserAccounts users;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    public TeamService(
            MembershipRepository members,
            EventAccess access,
            UserAccounts users,
            AuditLog audit,
            TransactionTemplate tx) {
        this.members = members;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    public List<Membership> list(Subject subject, String slug) {
        Event event = access.require(subject, slug, EventAction.READ);
        return members.ofEvent(event.id());
    }

    /** Adds {@code username} with {@code role}, or changes their role; true when added. */
    public boolean put(Subject subject, String slug, String username, TeamRole role) {
        Event event = access.require(subject, slug, EventAction.MANAGE_TEAM);
        if (role == null) {
            throw ApiProblem.badRequest("role", "give the member's role");
        }
        if (users.find(username).isEmpty()) {
            throw ApiProblem.badRequest("username", "there is no user '" + username + "'");
        }
        boolean owner = subject.isAdmin() || access.role(subject, event).orElse(null) == TeamRole.OWNER;
        var current = members.find(event.id(), username);
        if (!owner
                && (role == TeamRole.OWNER
                        || current.map(m -> m.role() == TeamRole.OWNER).orElse(false))) {
            throw ApiProblem.forbidden("only owners give or take away the owner role");
        }
        boolean[] added = {false};
        tx.executeWithoutResult(status -> {
            if (current.isEmpty()) {
                Membership m = new Membership(event.id(), username, role, Instant.now());
                members.insert(m);
                audit.record(event.id(), subject.username(), "add", "member", username, null, m);
                added[0] = true;
            } else if (current.get().role() != role) {
                if (current.get().role() == TeamRole.OWNER && members.countWithRole(event.id(), TeamRole.OWNER) == 1) {
                    status.setRollbackOnly();
                    throw ApiProblem.conflict(
                            "'" + username + "' is the last owner of '" + slug + "': name another first");
                }
                members.changeRole(event.id(), username, role);
                audit.record(
                        event.id(),
                        subject.username(),
                        "change",
                        "member",
                        username,
                        current.get(),
                        new Membership(event.id(), username, role, current.get().added()));
            }
        });
        return added[0];
    }

    public void remove(Subject subject, String slug, String username) {
        Event event = access.require(subject, slug, EventAction.READ);
        boolean self = username.equals(subject.username());
        if (!self && !access.can(subject, event, EventAction.MANAGE_TEAM)) {
            throw ApiProblem.forbidden("your role in event '" + slug + "' does not allow manage team");
        }
        Membership current = members.find(event.id(), username)
                .orElseThrow(() -> ApiProblem.notFound("'" + username + "' is not in the team of '" + slug + "'"));
        boolean owner = subject.isAdmin() || access.role(subject, event).orElse(null) == TeamRole.OWNER;
        if (current.role() == TeamRole.OWNER && !owner) {
            throw ApiProblem.forbidden("only owners remove owners");
        }
        tx.executeWithoutResult(status -> {
            if (current.role() == TeamRole.OWNER && members.countWithRole(event.id(), TeamRole.OWNER) == 1) {
                status.setRollbackOnly();
                throw ApiProblem.conflict("'" + username + "' is the last owner of '" + slug + "' and cannot leave");
            }
            members.delete(event.id(), username);
            audit.record(event.id(), subject.username(), "remove", "member", username, current, null);
        });
    }
}
