package org.imagelabeler.labeler.web.admin;

import org.imagelabeler.platform.web.menu.MenuEntry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The "Labeling" category of the admin shell ({@code /web}): events and their teams. Only when
 * the server has the admin shell, which is {@code provided}.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.imagelabeler.platform.web.menu.MenuEntry")
public class LabelingAdminAutoConfiguration {

    public static final String LABELING = "Labeling";

    @Bean
    MenuEntry labelingEventsMenuEntry() {
        return new MenuEntry("events", "Events", EventsPage.class, LABELING, 400);
    }

    @Bean
    MenuEntry labelingTeamsMenuEntry() {
        return new MenuEntry("event-teams", "Teams & memberships", EventTeamPage.class, LABELING, 410);
    }
}
