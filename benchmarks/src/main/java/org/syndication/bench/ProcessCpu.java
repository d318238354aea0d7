package org.syndication.bench;

import org.syndication.localstack.ProductProcesses;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used so far by each part of the product: the three services, the Kafka broker, and PostgreSQL (the
 * postmaster and its live backends). Two readings around a measured stretch say where its CPU went, which holds
 * on a loaded machine too, where items/s do not: the work per item does not depend on who else runs.
 * A backend that ended within the stretch is not counted (the services keep their pooled connections open).
 */
final class ProcessCpu {

    static final String KAFKA = "Kafka broker";
    static final String POSTGRES = "PostgreSQL";

    private ProcessCpu() {
    }

    /** CPU time by part, in the order services, broker, PostgreSQL. */
    static Map<String, Duration> now(ProductProcesses product) {
        Map<String, Duration> used = new LinkedHashMap<>();
        Set<Long> services = new HashSet<>();
        for (String service : ProductProcesses.SERVICES) {
            ProcessHandle process = product.process(service).toHandle();
            services.add(process.pid());
            used.put(service, cpu(process));
        }
        // the broker is the one other JVM this benchmark started (told apart by elimination: its main class
        // comes after a class path of a few thousand characters)
        used.put(KAFKA, ProcessHandle.current().children()
                .filter(p -> !services.contains(p.pid()) && p.info().command().orElse("").endsWith("java"))
                .map(ProcessCpu::cpu).reduce(Duration.ZERO, Duration::plus));
        ProcessHandle postmaster = product.stack().postgres().postmaster();
        used.put(POSTGRES, Stream.concat(Stream.of(postmaster), postmaster.children())
                .map(ProcessCpu::cpu).reduce(Duration.ZERO, Duration::plus));
        return used;
    }

    /**
     * CPU time used so far by each service's JIT compiler threads (HotSpot names them "C1 CompilerThread<n>" and
     * "C2 CompilerThread<n>", cut to 15 characters in {@code /proc}); a compiler thread that ended is not counted.
     */
    static Map<String, Duration> jit(ProductProcesses product) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (String service : ProductProcesses.SERVICES) {
            used.put(service, ThreadCpu.ofThreads(product.process(service).pid(), name -> name.contains("CompilerThre")));
        }
        return used;
    }

    /** What each part used between two readings. */
    static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> used = new LinkedHashMap<>();
        after.forEach((part, total) -> used.put(part, total.minus(before.getOrDefault(part, Duration.ZERO))));
        return used;
    }

    private static Duration cpu(ProcessHandle process) {
        Optional<Duration> total = process.info().totalCpuDuration();
        return total.orElse(Duration.ZERO);
    }
}
