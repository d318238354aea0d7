package org.syndication.support.concurrent;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void numberedThreadsAreDaemonsCountedFromOne() {
        ThreadFactory factory = DaemonThreads.numbered("worker");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertThat(first.getName()).isEqualTo("worker-1");
        assertThat(second.getName()).isEqualTo("worker-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    void eachFactoryCountsOnItsOwn() {
        DaemonThreads.numbered("a").newThread(() -> { });
        assertThat(DaemonThreads.numbered("a").newThread(() -> { }).getName()).isEqualTo("a-1");
    }

    @Test
    void namedThreadsAllCarryTheName() throws InterruptedException {
        ThreadFactory factory = DaemonThreads.named("feed-render");
        boolean[] ran = new boolean[1];
        Thread thread = factory.newThread(() -> ran[0] = true);
        assertThat(thread.getName()).isEqualTo("feed-render");
        assertThat(thread.isDaemon()).isTrue();
        thread.start();
        thread.join(5_000);
        assertThat(ran[0]).isTrue();
    }

    @Test
    void startRunsTheTaskOnANamedDaemonThread() throws InterruptedException {
        String[] ranOn = new String[1];
        Thread thread = DaemonThreads.start("websub-deliver", () -> ranOn[0] = Thread.currentThread().getName());
        thread.join(5_000);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(ranOn[0]).isEqualTo("websub-deliver");
    }
}
