package org.syndication.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** CPU time of some threads of a process, from Linux's {@code /proc/PID/task/TID/{comm,stat}}. */
final class ThreadCpu {

    /** Clock ticks per second of {@code utime} and {@code stime} (USER_HZ: 100 on every Linux kernel build). */
    static final int TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** Total user + system time of the process's live threads whose name matches; zero where /proc is absent. */
    static Duration ofThreads(long pid, Predicate<String> name) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Duration.ZERO;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                ticks += ticks(thread, name);
            }
        } catch (IOException e) {
            return Duration.ZERO; // the process ended
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static long ticks(Path thread, Predicate<String> name) {
        try {
            if (!name.test(Files.readString(thread.resolve("comm")).strip())) {
                return 0;
            }
            return parseTicks(Files.readString(thread.resolve("stat")));
        } catch (IOException e) {
            return 0; // the thread ended between the listing and the read
        }
    }

    /** utime + stime of a {@code stat} line: fields 14 and 15, counted after the command's closing parenthesis. */
    static long parseTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime (14) and stime (15) are fields[11] and fields[12]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
