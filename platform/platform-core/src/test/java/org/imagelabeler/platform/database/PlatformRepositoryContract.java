package org.imagelabeler.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.jobs.JobRepository;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.jobs.JobState;
import org.imagelabeler.platform.security.ApiTokenRepository;
import org.imagelabeler.platform.security.ApiTokens;
import org.imagelabeler.platform.security.UserAccount;
import org.imagelabeler.platform.security.UserRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's repositories, as every supported database must run them. Each database has a
 * subclass that supplies a fresh, migrated {@link Database}; the tests are the same.
 */
abstract class PlatformRepositoryContract {

    protected Database database;
    private UserRepository users;
    private ApiTokenRepository tokenRepository;
    private ApiTokens tokens;
    private JobRepository jobRepository;
    private JobService jobs;

    /** A fresh, migrated database for one test. */
    protected abstract Database newDatabase() throws Exception;

    protected abstract DatabaseKind expectedKind();

    @BeforeEach
    void setUp() throws Exception {
        database = newDatabase();
        users = new UserRepository(
                database, new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())));
        tokenRepository = new ApiTokenRepository(database);
        tokens = new ApiTokens(tokenRepository, users);
        jobRepository = new JobRepository(database);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (jobs != null) {
            jobs.close();
        }
        if (database.dataSource() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // ---- schema -----------------------------------------------------------------------------

    @Test
    void databaseHasSpatialFunctions() throws Exception {
        assertThat(database.kind()).isEqualTo(expectedKind());
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT ST_Area(ST_GeomFromText('POLYGON((0 0, 4 0, 4 3, 0 3, 0 0))', 4326))")) {
            rs.next();
            assertThat(rs.getDouble(1)).isEqualTo(12.0);
        }
        assertThat(database.describe())
                .containsIgnoringCase(expectedKind() == DatabaseKind.POSTGIS ? "PostGIS" : "H2GIS");
    }

    @Test
    void migratingTwiceAppliesNothingNew() {
        database.migrate(List.of(TestDatabases.platformSchema()));
        assertThat(users.count()).isZero();
    }

    // ---- users ------------------------------------------------------------------------------

    @Test
    void userIsStoredWithRoles() {
        UserAccount created = users.create("ada", "{noop}x", true, Set.of("ADMIN", "role_labeler"));
        UserAccount found = users.findByUsername("ada").orElseThrow();
        assertThat(found.id()).isEqualTo(created.id());
        assertThat(found.passwordHash()).isEqualTo("{noop}x");
        assertThat(found.roles()).containsExactlyInAnyOrder("ADMIN", "LABELER");
        assertThat(found.enabled()).isTrue();
        assertThat(found.created()).isNotNull();
        assertThat(users.findByUsername("nobody")).isEmpty();
    }

    @Test
    void duplicateUsernameIsRefusedAndChangesNothing() {
        users.create("ada", "{noop}x", true, Set.of("USER"));
        assertThatThrownBy(() -> users.create("ada", "{noop}y", true, Set.of("ADMIN")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.count()).isEqualTo(1);
        assertThat(users.findByUsername("ada").orElseThrow().roles()).containsExactly("USER");
    }

    @Test
    void rolesPasswordAndStatusChange() {
        UserAccount u = users.create("bob", "{noop}x", true, Set.of("USER"));
        users.replaceRoles(u.id(), Set.of("REVIEWER", "LABELER"));
        users.updatePassword(u.id(), "{noop}new");
        users.updateEnabled(u.id(), false);
        UserAccount after = users.findByUsername("bob").orElseThrow();
        assertThat(after.roles()).containsExactlyInAnyOrder("REVIEWER", "LABELER");
        assertThat(after.passwordHash()).isEqualTo("{noop}new");
        assertThat(after.enabled()).isFalse();
        assertThat(after.passwordChanged()).isAfterOrEqualTo(u.passwordChanged());
        assertThat(users.findAll()).extracting(UserAccount::username).containsExactly("bob");
    }

    @Test
    void deletingUserDeletesTheirRolesAndTokens() {
        UserAccount u = users.create("carol", "{noop}x", true, Set.of("USER"));
        String secret = tokens.issue(u, "laptop", null).secret();
        assertThat(users.delete(u.id())).isTrue();
        assertThat(users.findByUsername("carol")).isEmpty();
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(tokenRepository.findAll()).isEmpty();
    }

    // ---- API tokens ---------------------------------------------------------------------------

    @Test
    void tokenAuthenticatesItsUserUntilRevoked() {
        UserAccount u = users.create("dan", "{noop}x", true, Set.of("USER"));
        ApiTokens.IssuedToken issued = tokens.issue(u, "script", Duration.ofDays(30));
        assertThat(issued.secret())
                .startsWith(ApiTokens.PREFIX)
                .startsWith(issued.token().prefix());
        assertThat(tokens.authenticate(issued.secret()))
                .map(UserAccount::username)
                .contains("dan");
        assertThat(tokenRepository.findById(issued.token().id()).orElseThrow().lastUsed())
                .isNotNull();

        assertThat(tokenRepository.revoke(issued.token().id(), Instant.now())).isTrue();
        assertThat(tokenRepository.revoke(issued.token().id(), Instant.now())).isFalse();
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
        assertThat(tokenRepository.findByUser(u.id())).singleElement().satisfies(t -> {
            assertThat(t.revoked()).isNotNull();
            assertThat(t.isActive(Instant.now())).isFalse();
        });
    }

    @Test
    void tokenSecretIsNotStored() throws Exception {
        UserAccount u = users.create("erin", "{noop}x", true, Set.of());
        String secret = tokens.issue(u, "ci", null).secret();
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_hash, prefix FROM api_tokens")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain(secret.substring(ApiTokens.PREFIX.length()));
            assertThat(rs.getString(1)).hasSize(64);
            assertThat(secret).startsWith(rs.getString(2));
        }
    }

    @Test
    void expiredTokenOrDisabledUserDoesNotAuthenticate() {
        UserAccount u = users.create("fay", "{noop}x", true, Set.of());
        String expiring = tokens.issue(u, "short", Duration.ofMillis(1)).secret();
        String lasting = tokens.issue(u, "long", null).secret();
        await().atMost(Duration.ofSeconds(2))
                .until(() -> tokens.authenticate(expiring).isEmpty());
        assertThat(tokens.authenticate(lasting)).isPresent();
        users.updateEnabled(u.id(), false);
        assertThat(tokens.authenticate(lasting)).isEmpty();
        assertThat(tokens.authenticate("lbl_not-a-token")).isEmpty();
        assertThat(tokens.authenticate("not even the prefix")).isEmpty();
    }

    // ---- jobs ---------------------------------------------------------------------------------

    private JobService jobs(JobHandler... handlers) {
        jobs = new JobService(jobRepository, () -> List.of(handlers), 2, 10);
        return jobs;
    }

    private static JobHandler handler(String type, boolean resumable, JobBody body) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public String run(JobContext context) throws Exception {
                return body.run(context);
            }

            @Override
            public boolean resumable() {
                return resumable;
            }
        };
    }

    @FunctionalInterface
    interface JobBody {
        String run(JobContext context) throws Exception;
    }

    private Job awaitFinal(String id) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jobRepository.find(id).orElseThrow().state().isFinal());
        return jobRepository.find(id).orElseThrow();
    }

    @Test
    void jobRunsReportsProgressAndKeepsItsResult() {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        JobService service = jobs(handler("test.count", false, ctx -> {
            ctx.progress(50, "half way through " + ctx.parameters());
            halfway.countDown();
            proceed.await(10, TimeUnit.SECONDS);
            return "{\"counted\": 42}";
        }));
        Job job = service.submit("test.count", "ada", "{\"n\": 42}");
        assertThat(job.state()).isIn(JobState.QUEUED, JobState.RUNNING);
        assertThat(job.owner()).isEqualTo("ada");

        await().atMost(Duration.ofSeconds(10)).until(() -> halfway.getCount() == 0);
        Job running = jobRepository.find(job.id()).orElseThrow();
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.progress()).isEqualTo(50);
        assertThat(running.message()).isEqualTo("half way through {\"n\": 42}");
        assertThat(running.started()).isNotNull();

        proceed.countDown();
        Job done = awaitFinal(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.result()).isEqualTo("{\"counted\": 42}");
        assertThat(done.finished()).isAfterOrEqualTo(done.started());
        assertThat(service.list("ada", 10)).extracting(Job::id).containsExactly(job.id());
        assertThat(service.list("someone-else", 10)).isEmpty();
    }

    @Test
    void failingJobKeepsTheReason() {
        JobService service = jobs(handler("test.fail", false, ctx -> {
            throw new IllegalStateException("the input file is not a TIFF");
        }));
        Job job = awaitFinal(service.submit("test.fail", "ada", null).id());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.message()).isEqualTo("the input file is not a TIFF");
    }

    @Test
    void cancellingStopsARunningJob() {
        CountDownLatch started = new CountDownLatch(1);
        JobService service = jobs(handler("test.slow", false, ctx -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(20);
            }
        }));
        Job job = service.submit("test.slow", "ada", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> started.getCount() == 0);
        assertThat(service.cancel(job.id())).isTrue();
        Job cancelled = awaitFinal(job.id());
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(service.cancel(job.id())).isFalse();
    }

    @Test
    void unknownJobTypeIsRefused() {
        JobService service = jobs();
        assertThatThrownBy(() -> service.submit("no.such.type", "ada", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.type");
    }

    @Test
    void jobsInterruptedByARestartFailWithTheReasonOrResume() {
        Instant then = Instant.now().minusSeconds(60);
        for (String[] row : List.of(
                new String[] {"j-running", "test.plain", "RUNNING"},
                new String[] {"j-queued", "test.plain", "QUEUED"},
                new String[] {"j-resumable", "test.resumable", "RUNNING"},
                new String[] {"j-orphan", "test.uninstalled", "RUNNING"},
                new String[] {"j-done", "test.plain", "SUCCEEDED"})) {
            jobRepository.insert(new Job(
                    row[0],
                    row[1],
                    "ada",
                    JobState.valueOf(row[2]),
                    30,
                    "working",
                    null,
                    null,
                    then,
                    then,
                    null,
                    then));
        }
        JobService restarted = jobs(
                handler("test.plain", false, ctx -> "never"),
                handler("test.resumable", true, ctx -> "{\"resumed\": true}"));
        restarted.recoverInterrupted();

        Job running = jobRepository.find("j-running").orElseThrow();
        assertThat(running.state()).isEqualTo(JobState.FAILED);
        assertThat(running.message()).contains("interrupted by a server restart");
        assertThat(running.progress()).isEqualTo(30);
        assertThat(jobRepository.find("j-queued").orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(jobRepository.find("j-orphan").orElseThrow().message()).contains("no handler");
        assertThat(jobRepository.find("j-done").orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        Job resumed = awaitFinal("j-resumable");
        assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(resumed.result()).isEqualTo("{\"resumed\": true}");
    }
}
