package org.imagelabeler.labeler.teams;

import java.util.List;
import org.imagelabeler.platform.security.CurrentSubject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /rest/labeler/events/{slug}/members}: an event's team. {@code PUT .../{username}} with
 * {@code {"role": "labeler"}} adds a member (201) or changes their role (200); {@code DELETE}
 * removes one (members may leave on their own).
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Teams", description = "Members of an event and their roles")
@RequestMapping(path = "/rest/labeler/events/{slug}/members", produces = MediaType.APPLICATION_JSON_VALUE)
public class TeamController {

    private final TeamService team;

    public TeamController(TeamService team) {
        this.team = team;
    }

    public record MemberJson(String username, TeamRole role, java.time.Instant added) {}

    public record RoleJson(TeamRole role) {}

    @GetMapping
    public List<MemberJson> list(@PathVariable String slug) {
        return team.list(CurrentSubject.get(), slug).stream()
                .map(m -> new MemberJson(m.username(), m.role(), m.added()))
                .toList();
    }

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RoleJson> put(
            @PathVariable String slug, @PathVariable String username, @RequestBody RoleJson body) {
        boolean added = team.put(CurrentSubject.get(), slug, username, body == null ? null : body.role());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(body);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable String slug, @PathVariable String username) {
        team.remove(CurrentSubject.get(), slug, username);
    }
}
