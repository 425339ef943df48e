package org.imagelabeler.platform.web.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.wicket.ajax.AjaxSelfUpdatingTimerBehavior;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.util.tester.WicketTester;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.jobs.JobState;
import org.imagelabeler.platform.web.AdminApplication;
import org.imagelabeler.platform.web.RenderedTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The jobs page against the real job service, with a job type that runs until it is cancelled. */
@SpringBootTest(
        classes = JobsPageTest.TestServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "labeler.admin-password=jobs-page-test-password")
@DirtiesContext
class JobsPageTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
    static class TestServer {
        @Bean
        JobHandler untilCancelled() {
            return new JobHandler() {
                @Override
                public String type() {
                    return "test.wait";
                }

                @Override
                public String run(JobContext context) throws Exception {
                    context.progress(40, "waiting to be cancelled");
                    while (true) {
                        context.checkCancelled();
                        Thread.sleep(20);
                    }
                }
            };
        }
    }

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("labeler.data-dir", () -> dataDir.toString());
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JobService jobs;

    WicketTester tester;

    @BeforeEach
    void start() {
        tester = new WicketTester(new AdminApplication(context));
    }

    @AfterEach
    void stop() {
        tester.destroy();
        SecurityContextHolder.clearContext();
    }

    @Test
    void administratorSeesEverybodysJobsWithTheirProgressAndCancelsARunningOne() throws Exception {
        Job alices = running(jobs.submit("test.wait", "alice", null));
        Job bobs = running(jobs.submit("test.wait", "bob", null));
        signIn("admin", "ROLE_ADMIN");

        tester.startPage(JobsPage.class);

        tester.assertRenderedPage(JobsPage.class);
        tester.assertLabel("heading", "Jobs");
        assertThat(rowOf(alices)).startsWith("test.wait", "alice", "RUNNING", "40%", "waiting to be cancelled");
        assertThat(rowOf(bobs)).startsWith("test.wait", "bob", "RUNNING");
        assertThat(rowOf(bobs).get(8)).isEqualTo("Cancel");
        assertThat(tester.getLastResponseAsString()).contains("<progress max=\"100\"", "value=\"40\"");

        tester.newFormTester(rowPath(alices) + ":cancel").submit("submit");

        tester.assertNoErrorMessage();
        tester.assertInfoMessages("Cancelled job " + alices.id() + " (test.wait)");
        assertThat(jobs.find(alices.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(jobs.find(bobs.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        // a finished job has no cancel button
        assertThat(rowOf(alices)).startsWith("test.wait", "alice", "CANCELLED");
        assertThat(rowOf(alices).get(8)).isEmpty();
        jobs.cancel(bobs.id());
    }

    @Test
    void userSeesOnlyTheirOwnJobsAsTheRestApiShowsThem() throws Exception {
        Job carols = running(jobs.submit("test.wait", "carol", null));
        Job daves = running(jobs.submit("test.wait", "dave", null));
        signIn("carol", "ROLE_USER");

        tester.startPage(JobsPage.class);

        tester.assertRenderedPage(JobsPage.class);
        assertThat(RenderedTable.rows(tester.getLastResponseAsString()))
                .extracting(r -> r.get(1))
                .containsOnly("carol");
        assertThat(rows()).extracting(Job::id).contains(carols.id()).doesNotContain(daves.id());

        tester.newFormTester(rowPath(carols) + ":cancel").submit("submit");
        assertThat(jobs.find(carols.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        jobs.cancel(daves.id());
    }

    @Test
    void cancellingAJobThatHasFinishedMeanwhileIsRefusedAsTheRestApiRefusesIt() throws Exception {
        Job job = running(jobs.submit("test.wait", "admin", null));
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(JobsPage.class);
        String row = rowPath(job);
        jobs.cancel(job.id());

        tester.newFormTester(row + ":cancel").submit("submit");

        tester.assertErrorMessages("job " + job.id() + " has already finished (CANCELLED)");
    }

    @Test
    void theJobListRefreshesItselfByAjax() throws Exception {
        Job job = running(jobs.submit("test.wait", "admin", null));
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(JobsPage.class);
        assertThat(rowOf(job)).contains("RUNNING");
        jobs.cancel(job.id());

        var table = tester.getComponentFromLastRenderedPage("table");
        var timer = table.getBehaviors(AjaxSelfUpdatingTimerBehavior.class).get(0);
        tester.executeBehavior(timer);

        assertThat(tester.getLastResponseAsString()).contains("CANCELLED");
    }

    @Test
    void pageWithJobsSurvivesSerialisationBetweenRequests() throws Exception {
        Job job = running(jobs.submit("test.wait", "admin", null));
        signIn("admin", "ROLE_ADMIN");
        tester.startPage(JobsPage.class);
        tester.getLastRenderedPage().detach();
        try (var out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
            out.writeObject(tester.getLastRenderedPage());
        }
        jobs.cancel(job.id());
    }

    private Job running(Job job) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        for (int i = 0; i < 250; i++) {
            Job now = jobs.find(job.id()).orElseThrow();
            if (now.state() == JobState.RUNNING && now.progress() == 40) {
                return now;
            }
            latch.await(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("job " + job.id() + " did not start");
    }

    @SuppressWarnings("unchecked")
    private List<Job> rows() {
        var view = (ListView<Job>) tester.getComponentFromLastRenderedPage("table:jobs");
        List<Job> list = List.copyOf(view.getList());
        // loaded here, between requests: detach, or the next request would render this stale list
        view.getModel().detach();
        return list;
    }

    private String rowPath(Job job) {
        List<Job> list = rows();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(job.id())) {
                return "table:jobs:" + i;
            }
        }
        throw new AssertionError("no row for job " + job.id());
    }

    private List<String> rowOf(Job job) {
        return RenderedTable.rows(tester.getLastResponseAsString())
                .get(Integer.parseInt(rowPath(job).substring(11)));
    }

    private static void signIn(String username, String... roles) {
        var authorities =
                java.util.Arrays.stream(roles).map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
