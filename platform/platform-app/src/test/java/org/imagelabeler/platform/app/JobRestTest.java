package org.imagelabeler.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.imagelabeler.platform.jobs.Job;
import org.imagelabeler.platform.jobs.JobContext;
import org.imagelabeler.platform.jobs.JobHandler;
import org.imagelabeler.platform.jobs.JobService;
import org.imagelabeler.platform.testing.RestClient.Auth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Jobs over REST: progress while running, visible to their owner and admins only, cancellable. */
@Import(JobRestTest.TestJobs.class)
class JobRestTest extends ServerTestBase {

    /** A job type contributed the way a module contributes one: a handler bean. */
    @TestConfiguration
    static class TestJobs {
        @Bean
        JobHandler countingJob() {
            return new JobHandler() {
                @Override
                public String type() {
                    return "test.count";
                }

                @Override
                public String run(JobContext context) throws Exception {
                    int steps = Integer.parseInt(context.parameters());
                    for (int i = 1; i <= steps; i++) {
                        context.checkCancelled();
                        Thread.sleep(50);
                        context.progress(i * 100 / steps, "step " + i + " of " + steps);
                    }
                    return "{\"steps\":" + steps + "}";
                }
            };
        }
    }

    @Autowired
    JobService jobs;

    @Test
    void ownerFollowsProgressUntilTheResult() {
        createUser("alice", "alice-password", "USER");
        Auth alice = Auth.basic("alice", "alice-password");
        Job job = jobs.submit("test.count", "alice", "10");

        var seen = client.get("/rest/jobs/" + job.id(), alice);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("type").asText()).isEqualTo("test.count");
        assertThat(seen.json().path("state").asText()).isIn("QUEUED", "RUNNING", "SUCCEEDED");

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> client.get("/rest/jobs/" + job.id(), alice)
                                .json()
                                .path("state")
                                .asText(),
                        "SUCCEEDED"::equals);
        var done = client.get("/rest/jobs/" + job.id(), alice).json();
        assertThat(done.path("progress").asInt()).isEqualTo(100);
        assertThat(done.path("result").asText()).isEqualTo("{\"steps\":10}");
        assertThat(done.hasNonNull("finished")).isTrue();
        assertThat(client.get("/rest/jobs", alice).json().path("jobs").findValuesAsText("id"))
                .containsExactly(job.id());
    }

    @Test
    void othersSeeNothingAndAdminsSeeAll() {
        createUser("bob", "bob-password", "USER");
        createUser("mallory", "mallory-password", "USER");
        Job job = jobs.submit("test.count", "bob", "1");
        assertThat(client.get("/rest/jobs/" + job.id(), Auth.basic("mallory", "mallory-password"))
                        .status())
                .isEqualTo(404);
        assertThat(client.delete("/rest/jobs/" + job.id(), Auth.basic("mallory", "mallory-password"))
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/rest/jobs", Auth.basic("mallory", "mallory-password"))
                        .json()
                        .path("jobs"))
                .isEmpty();
        assertThat(client.get("/rest/jobs/" + job.id(), admin).status()).isEqualTo(200);
        assertThat(client.get("/rest/jobs/no-such-job", admin).status()).isEqualTo(404);
        assertThat(client.get("/rest/jobs/" + job.id(), Auth.none()).status()).isEqualTo(401);
    }

    @Test
    void deleteCancelsARunningJob() {
        createUser("carol", "carol-password", "USER");
        Auth carol = Auth.basic("carol", "carol-password");
        Job job = jobs.submit("test.count", "carol", "400");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.get("/rest/jobs/" + job.id(), carol)
                                .json()
                                .path("progress")
                                .asInt()
                        > 0);

        var cancelled = client.delete("/rest/jobs/" + job.id(), carol);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asText()).isEqualTo("CANCELLED");
        int progress = cancelled.json().path("progress").asInt();
        assertThat(progress).isBetween(1, 99);

        var again = client.delete("/rest/jobs/" + job.id(), carol);
        assertThat(again.status()).isEqualTo(409);
        // the worker stopped: the state and progress stay as they were
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> {
            var j = client.get("/rest/jobs/" + job.id(), carol).json();
            return j.path("state").asText().equals("CANCELLED");
        });
    }
}
