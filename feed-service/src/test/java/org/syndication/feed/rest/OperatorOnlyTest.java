package org.syndication.feed.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;
import org.syndication.support.rest.OperatorOnly;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write method needs the operator token, except the reader-facing subscription forms and API, which are
 * public on purpose (their own tokens and rate limits protect them), and the WebSub hub (intent verification
 * protects it): a new write method without
 * {@link OperatorOnly} fails here until it is added to one list or the other.
 */
class OperatorOnlyTest {

    static final List<String> PUBLIC = List.of("SubscriptionResource.subscribe", "SubscriptionResource.subscribeForm",
            "SubscriptionResource.confirm", "SubscriptionResource.unsubscribe", "SubscriptionResource.manage",
            "HubResource.request");

    @Test
    void everyWriteMethodIsOperatorOnly() throws Exception {
        List<String> writes = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (isWrite(method)) {
                    String name = resource.getSimpleName() + "." + method.getName();
                    writes.add(name);
                    if (!method.isAnnotationPresent(OperatorOnly.class) && !resource.isAnnotationPresent(OperatorOnly.class)) {
                        open.add(name);
                    }
                }
            }
        }
        assertThat(writes).contains("DigestApiResource.issue");
        assertThat(open).as("write methods without @OperatorOnly").containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    private static boolean isWrite(Method method) {
        return Stream.of(POST.class, PUT.class, DELETE.class, PATCH.class).anyMatch(method::isAnnotationPresent);
    }

    /** The JAX-RS resource classes of this package, found in the compiled classes. */
    static List<Class<?>> resources() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(ProblemMappers.class.getResource("ProblemMappers.class").toURI()).getParent();
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName(ProblemMappers.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}
