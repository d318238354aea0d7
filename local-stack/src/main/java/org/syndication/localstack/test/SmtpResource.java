package org.syndication.localstack.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.syndication.localstack.Ports;
import org.syndication.localstack.SmtpSink;

import java.util.Map;

/**
 * A real SMTP server per start (per application: test classes that share resources and profile share it), whose
 * received messages are JSON at the URL in {@code smtp-sink.api-url}.
 * Sets the Quarkus mailer to send to it for real ({@code quarkus.mailer.mock=false}).
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_URL = "smtp-sink.api-url";

    private SmtpSink sink;

    @Override
    public Map<String, String> start() {
        sink = SmtpSink.start(Ports.free(), Ports.free());
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(sink.smtpPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                API_URL, sink.apiUrl());
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.close();
        }
    }
}
