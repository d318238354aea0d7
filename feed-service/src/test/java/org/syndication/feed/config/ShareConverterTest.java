package org.syndication.feed.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareConverterTest {

    private final ShareConverter converter = new ShareConverter();

    @Test
    void acceptsASharePastZeroUpToOne() {
        assertThat(converter.convert("0.25")).isEqualTo(0.25);
        assertThat(converter.convert(" 1 ")).isEqualTo(1.0);
        assertThat(converter.convert("1e-3")).isEqualTo(0.001);
    }

    @Test
    void rejectsZeroNegativeMoreThanOneAndNotANumber() {
        for (String bad : new String[] {"0", "-0.1", "1.01", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> converter.convert(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> converter.convert("a quarter")).isInstanceOf(NumberFormatException.class);
    }

    /** The mapping uses it: the service's own settings with a bad share do not load, a good one does. */
    @Test
    void feedConfigReadsTheBacklogShareThroughIt() throws IOException {
        assertThat(feedConfig("0.5").render().backlogShare()).isEqualTo(0.5);
        assertThat(feedConfig(null).render().backlogShare()).isEqualTo(0.25);
        assertThatThrownBy(() -> feedConfig("0")).hasStackTraceContaining("feed.render.backlog-share")
                .hasStackTraceContaining("must be greater than 0 and at most 1: 0");
        assertThatThrownBy(() -> feedConfig("2")).hasStackTraceContaining("feed.render.backlog-share");
    }

    private static FeedConfig feedConfig(String share) throws IOException {
        URL properties = ShareConverterTest.class.getResource("/application.properties");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, 100))
                // Quarkus' own forms of these types ("7d", "64K"), as the service reads them
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withMapping(FeedConfig.class);
        if (share != null) {
            builder.withSources(new PropertiesConfigSource(Map.of("feed.render.backlog-share", share), "test", 200));
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(FeedConfig.class);
    }
}
