package org.syndication.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JVM options of one service's process: the options of every service ({@code SERVICE_JAVA_OPTS}), then the
 * service's own from {@code SERVICE_JAVA_OPTS_<SERVICE>} (e.g. {@code SERVICE_JAVA_OPTS_CATALOG_SERVICE}), which come
 * later on the command line and so win. {@code bin/java.sh} holds the defaults of both and {@code ./syndicate} and
 * {@code benchmarks/run} export them; a service's AOT cache is recorded with the options it runs with.
 */
public final class ServiceJavaOptions {

    private ServiceJavaOptions() {
    }

    /** The variable holding a service's own options: {@code SERVICE_JAVA_OPTS_} and the name in capitals. */
    static String variable(String service) {
        return "SERVICE_JAVA_OPTS_" + service.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code common}, then the service's own options from {@code environment}, if any. */
    public static List<String> of(List<String> common, String service, Map<String, String> environment) {
        List<String> options = new ArrayList<>(common);
        options.addAll(split(environment.get(variable(service))));
        return List.copyOf(options);
    }

    /** Options as a variable holds them, separated by white space; none when it is unset or blank. */
    static List<String> split(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /** {@link #of(List, String, Map)} with this process's environment. */
    public static List<String> of(List<String> common, String service) {
        return of(common, service, System.getenv());
    }
}
