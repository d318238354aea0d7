package org.syndication.localstack.supervisor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor with small real child processes: a shell that stays up (killed with SIGKILL, as {@code kill -9}
 * does) and one that fails at once, over and over. The backoff starts at 100 ms so a crash loop takes a second.
 */
class SupervisorIT {

    private static final String TOKEN = "test-token";

    @TempDir
    Path logs;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Supervisor supervisor = new Supervisor(
            RestartPolicy.Settings.defaults().withInitialBackoff(Duration.ofMillis(100)), Clock.systemDefaultZone(),
            events::add, Duration.ofMillis(200));
    private final ControlServer control = new ControlServer(supervisor, 0, TOKEN, () -> true, Duration.ofSeconds(10));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        control.close();
        supervisor.close();
    }

    private CommandChild shell(String name, String script) {
        return new CommandChild(name, () -> new ProcessBuilder("sh", "-c", script), logs.resolve(name + ".log"),
                () -> true, false);
    }

    private CommandChild healthy() {
        return shell("healthy", "echo \"healthy up as $$\"; exec sleep 600");
    }

    private Supervisor.ProcessStatus status(String name) {
        return supervisor.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProcessKilledWithSigkillIsRestartedAndTheStatusSaysSo() throws Exception {
        supervisor.start(healthy());
        assertThat(supervisor.awaitReady("healthy", Duration.ofSeconds(10))).isTrue();
        long firstPid = status("healthy").pid().orElseThrow();
        assertThat(status("healthy").restarts()).isZero();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // kill -9

        await().atMost(Duration.ofSeconds(10)).until(() -> status("healthy").ready()
                && status("healthy").pid().orElseThrow() != firstPid);
        Supervisor.ProcessStatus restarted = status("healthy");
        assertThat(restarted.state()).isEqualTo(Supervisor.State.RUNNING);
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(restarted.lastExit()).contains("exit status 137, killed by signal 9 (SIGKILL)");
        assertThat(ProcessHandle.of(restarted.pid().orElseThrow()).map(ProcessHandle::isAlive)).contains(true);
        // the restart is reported with the exit status and the last lines of the process's log
        assertThat(events).anySatisfy(event -> assertThat(event)
                .startsWith("healthy exited unexpectedly (exit status 137, killed by signal 9 (SIGKILL));"
                        + " restarting it in 100 ms (attempt 1)")
                .contains("| healthy up as " + firstPid));

        HttpResponse<String> table = call("GET", "/status", TOKEN);
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("healthy ").contains(" running ", " " + restarted.pid().orElseThrow() + " ", " yes ",
                        "exit status 137, killed by signal 9 (SIGKILL) at "));
        assertThat(table.body().lines()).anySatisfy(line -> assertThat(line.split("\\s+")[5]).isEqualTo("1"));
        assertThat(call("GET", "/status", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/status", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void aRestartByHandStartsANewProcess() throws Exception {
        supervisor.start(healthy());
        assertThat(supervisor.awaitReady("healthy", Duration.ofSeconds(10))).isTrue();
        long firstPid = status("healthy").pid().orElseThrow();

        HttpResponse<String> restart = call("POST", "/restart/healthy", TOKEN);

        assertThat(restart.statusCode()).isEqualTo(200);
        assertThat(restart.body()).isEqualTo("healthy restarted and ready\n");
        assertThat(status("healthy").pid()).isPresent().get().isNotEqualTo(firstPid);
        assertThat(status("healthy").restarts()).isEqualTo(1);
        assertThat(status("healthy").lastExit()).isEmpty(); // stopped on purpose: not an exit to report
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(firstPid).isEmpty()
                || !ProcessHandle.of(firstPid).get().isAlive());
        assertThat(events).noneMatch(event -> event.contains("exited unexpectedly"));

        HttpResponse<String> unknown = call("POST", "/restart/nothing", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no process named 'nothing'; known: healthy");
    }

    @Test
    void aCrashLoopStopsThatProcessOnlyAndSaysSo() throws Exception {
        supervisor.start(healthy());
        supervisor.start(shell("failing", "echo 'cannot read my settings'; exit 3"));
        assertThat(supervisor.awaitReady("healthy", Duration.ofSeconds(10))).isTrue();
        long healthyPid = status("healthy").pid().orElseThrow();

        await().atMost(Duration.ofSeconds(15)).until(() -> status("failing").state() == Supervisor.State.CRASH_LOOP
                && events.stream().anyMatch(event -> event.startsWith("failing STOPPED")));

        Supervisor.ProcessStatus failing = status("failing");
        assertThat(failing.restarts()).isEqualTo(4); // started once, restarted 4 times, the 5th exit gave up
        assertThat(failing.lastExit()).contains("exit status 3");
        assertThat(failing.pid()).isEmpty();
        assertThat(failing.ready()).isFalse();
        assertThat(events).anySatisfy(event -> assertThat(event)
                .contains("failing STOPPED: it exited 5 times within 2 min (a crash loop; last: exit status 3)."
                        + " It stays stopped and the other processes keep running")
                .contains("| cannot read my settings")
                .contains("'./syndicate restart failing'"));
        Thread.sleep(2_000); // past the longest backoff: nothing starts it again
        assertThat(status("failing").state()).isEqualTo(Supervisor.State.CRASH_LOOP);
        assertThat(status("failing").restarts()).isEqualTo(4);

        // the healthy sibling was never touched
        Supervisor.ProcessStatus sibling = status("healthy");
        assertThat(sibling.pid()).contains(healthyPid);
        assertThat(sibling.restarts()).isZero();
        assertThat(sibling.ready()).isTrue();
        assertThat(ProcessHandle.of(healthyPid).map(ProcessHandle::isAlive)).contains(true);

        String table = call("GET", "/status", TOKEN).body();
        assertThat(table.lines()).anySatisfy(line -> assertThat(line).startsWith("failing ")
                .contains("stopped: crash loop", " no ", "exit status 3 at "));
    }
}
