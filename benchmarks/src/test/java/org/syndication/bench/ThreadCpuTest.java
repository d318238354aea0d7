package org.syndication.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadCpuTest {

    @Test
    void readsUserAndSystemTicksAfterTheCommandEvenWithSpacesAndParenthesesInIt() {
        // a compiler thread's stat line as Linux writes it (utime 1234, stime 56)
        String stat = "4242 (C2 Compiler) x) S 4200 4200 4200 0 -1 1077936192 5120 0 0 0 1234 56 0 0 20 0 30 0 "
                + "123456 1234567890 40000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 -1 1 0 0 0 0 0";
        assertEquals(1290, ThreadCpu.parseTicks(stat));
    }

    @Test
    void countsTheCpuOfTheMatchingThreadsOnly() throws Exception {
        long pid = ProcessHandle.current().pid();
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread burner = new Thread(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < 300_000_000L) {
                x += System.nanoTime() % 7;
            }
            burnt.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (x == 42) {
                System.out.println(x);
            }
        }, "cpu-burner");
        burner.start();
        burnt.await();
        try {
            Duration burner300 = ThreadCpu.ofThreads(pid, "cpu-burner"::equals);
            assertTrue(burner300.toMillis() >= 250, "the burner's own 300 ms: " + burner300);
            assertTrue(burner300.toMillis() < 2_000, "only the burner: " + burner300);
            assertEquals(Duration.ZERO, ThreadCpu.ofThreads(pid, name -> false));
            assertTrue(ThreadCpu.ofThreads(pid, name -> true).compareTo(burner300) >= 0);
        } finally {
            done.countDown();
            burner.join();
        }
    }
}
