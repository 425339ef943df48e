package org.imagelabeler.platform.security;

import java.io.PrintStream;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator when the database has no user. Its password comes from
 * {@code LABELER_ADMIN_PASSWORD}; without it one is generated and printed once, on the console
 * only. There is no default password.
 */
public final class InitialAdministrator {

    public static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

    private InitialAdministrator() {}

    public static void ensure(
            UserRepository repository, UserAccounts accounts, String configuredPassword, PrintStream console) {
        if (repository.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? UserAccounts.generatePassword() : configuredPassword;
        try {
            accounts.create(USERNAME, password, true, Set.of(Subject.ADMIN_ROLE));
        } catch (UserAccounts.InvalidUserException e) {
            throw new IllegalStateException("LABELER_ADMIN_PASSWORD is not acceptable: " + e.getMessage(), e);
        }
        if (generated) {
            console.println();
            console.println("==========================================================================");
            console.println(" ImageLabeler created the first administrator. This is shown only once:");
            console.println("   user:     " + USERNAME);
            console.println("   password: " + password);
            console.println(" Change it with PUT /rest/security/users/admin, or set LABELER_ADMIN_PASSWORD");
            console.println(" before the first start of a new data directory.");
            console.println("==========================================================================");
            console.println();
            console.flush();
        } else {
            LOG.info("Created the first administrator '{}' with the password from LABELER_ADMIN_PASSWORD", USERNAME);
        }
    }
}
