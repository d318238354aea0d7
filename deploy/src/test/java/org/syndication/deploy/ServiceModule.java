package org.syndication.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What deploy/ needs to know about a service module, read from its {@code src/main/resources/application.properties}
 * (the production profile: keys without a profile prefix, or with {@code %prod.}).
 *
 * @param name     the module directory, which must equal quarkus.application.name
 * @param httpPort quarkus.http.port
 * @param bindings every Kafka topic the code reads or writes
 */
record ServiceModule(String name, String applicationName, int httpPort, List<TopicBinding> bindings) {

    /** The three services; each has a module directory next to deploy/. */
    static final List<String> SERVICES = List.of("ingest-service", "catalog-service", "feed-service");

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    enum Access { READ, WRITE }

    /**
     * One topic bound in application.properties.
     *
     * @param group the consumer group of a READ binding, else null
     * @param key   the property that binds it, for messages
     */
    record TopicBinding(String topic, Access access, String group, String key) {
    }

    static List<ServiceModule> all() {
        return SERVICES.stream().map(ServiceModule::load).toList();
    }

    static ServiceModule load(String name) {
        Path file = Manifests.moduleDir().resolveSibling(name).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": deploy/ expects a module per service next to it");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties raw = new Properties();
            raw.load(reader);
            return parse(name, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceModule parse(String name, Properties raw) {
        Properties prod = productionProfile(raw);
        String applicationName = prod.getProperty("quarkus.application.name", "");
        int port = Integer.parseInt(prod.getProperty("quarkus.http.port", "8080").trim());
        String defaultGroup = prod.getProperty("kafka.group.id", applicationName);

        Set<String> channels = new TreeSet<>();
        for (String key : prod.stringPropertyNames()) {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                channels.add(m.group(1) + "." + m.group(2));
            }
        }
        List<TopicBinding> bindings = new ArrayList<>();
        for (String channel : channels) {
            String prefix = "mp.messaging." + channel + ".";
            String connector = prod.getProperty(prefix + "connector", "smallrye-kafka");
            if (!connector.equals("smallrye-kafka")) {
                continue;
            }
            boolean incoming = channel.startsWith("incoming.");
            String channelName = channel.substring(channel.indexOf('.') + 1);
            List<String> topicKeys = List.of(prefix + "topic", prefix + "topics");
            String topicKey = topicKeys.stream().filter(prod::containsKey).findFirst().orElse(null);
            // SmallRye's default topic is the channel name.
            String topics = topicKey == null ? channelName : prod.getProperty(topicKey);
            String group = prod.getProperty(prefix + "group.id", defaultGroup);
            for (String topic : topics.split(",")) {
                bindings.add(new TopicBinding(topic.trim(), incoming ? Access.READ : Access.WRITE,
                        incoming ? group : null, topicKey == null ? prefix + "(channel name)" : topicKey));
            }
            if (incoming && "dead-letter-queue".equals(prod.getProperty(prefix + "failure-strategy"))) {
                String dlqKey = prefix + "dead-letter-queue.topic";
                String dlq = prod.getProperty(dlqKey, "dead-letter-topic-" + channelName);
                bindings.add(new TopicBinding(dlq.trim(), Access.WRITE, null, dlqKey));
            }
        }
        bindings.sort(Comparator.comparing(TopicBinding::topic).thenComparing(TopicBinding::access));
        return new ServiceModule(name, applicationName, port, List.copyOf(bindings));
    }

    /** Keys without a profile, overridden by their {@code %prod.} variant; other profiles are dropped. */
    private static Properties productionProfile(Properties raw) {
        Properties prod = new Properties();
        for (String key : raw.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                prod.setProperty(key, raw.getProperty(key));
            }
        }
        for (String key : raw.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                prod.setProperty(key.substring("%prod.".length()), raw.getProperty(key));
            }
        }
        return prod;
    }
}
