package org.syndication.bench;

import org.syndication.localstack.ProductProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opt-in: where each service's resident memory goes at the end of {@code benchmarks/run pipeline} or of the whole
 * {@code benchmarks/run} (issue 18). {@code BENCH_JCMD} holds {@code jcmd} commands separated by {@code ;} (e.g.
 * {@code VM.native_memory summary;GC.heap_info;Thread.print}); each is run against every service while it is still up
 * and written, after the service's {@code /proc/PID/status}, to {@code <service>.diagnostics.txt} in the run's
 * folder, with its {@code /proc/PID/smaps} next to it. Native Memory Tracking needs
 * {@code SERVICE_DIAGNOSTIC_JAVA_OPTS=-XX:NativeMemoryTracking=summary} (see {@link ProductProcesses}).
 */
final class ServiceDiagnostics {

    private ServiceDiagnostics() {
    }

    static void dumpIfAsked(ProductProcesses product, Path work) throws IOException, InterruptedException {
        String commands = System.getenv("BENCH_JCMD");
        if (commands == null || commands.isBlank()) {
            return;
        }
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (String service : ProductProcesses.SERVICES) {
            long pid = product.process(service).pid();
            List<String> out = new ArrayList<>(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
            for (String command : commands.split(";")) {
                List<String> args = new ArrayList<>(List.of(jcmd, String.valueOf(pid)));
                args.addAll(List.of(command.trim().split("\\s+")));
                Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
                byte[] output = process.getInputStream().readAllBytes();
                process.waitFor(60, TimeUnit.SECONDS);
                out.add("==== jcmd " + command.trim());
                out.add(new String(output));
            }
            Files.write(work.resolve(service + ".diagnostics.txt"), out);
            // read, not Files.copy: /proc files have no size, which a file-to-file copy may trust
            Files.write(work.resolve(service + ".smaps"), Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "smaps")));
        }
        System.out.println("services' diagnostics (BENCH_JCMD): " + work + "/*.diagnostics.txt, *.smaps");
    }
}
