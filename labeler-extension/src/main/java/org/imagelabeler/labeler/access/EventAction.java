package org.imagelabeler.labeler.access;

import java.util.EnumSet;
import java.util.Set;
import org.imagelabeler.labeler.teams.TeamRole;

/**
 * What can be done to an event and what it holds, with the team roles allowed to do it. Reading
 * also follows from the event's visibility; server administrators may do everything.
 */
public enum EventAction {
    READ(EnumSet.allOf(TeamRole.class)),
    UPDATE(EnumSet.of(TeamRole.OWNER, TeamRole.MANAGER)),
    DELETE(EnumSet.of(TeamRole.OWNER)),
    MANAGE_TEAM(EnumSet.of(TeamRole.OWNER, TeamRole.MANAGER)),
    READ_AUDIT(EnumSet.of(TeamRole.OWNER, TeamRole.MANAGER, TeamRole.REVIEWER)),
    ADD_IMAGES(EnumSet.of(TeamRole.OWNER, TeamRole.MANAGER, TeamRole.LABELER)),
    ANNOTATE(EnumSet.of(TeamRole.OWNER, TeamRole.MANAGER, TeamRole.LABELER)),
    REVIEW(EnumSet.of(TeamRole.OWNER, TeamRole.MANAGER, TeamRole.REVIEWER));

    private final Set<TeamRole> roles;

    EventAction(Set<TeamRole> roles) {
        this.roles = roles;
    }

    public boolean allows(TeamRole role) {
        return role != null && roles.contains(role);
    }
}
