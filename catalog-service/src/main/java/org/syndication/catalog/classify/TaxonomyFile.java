package org.syndication.catalog.classify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/** Reads the default taxonomy shipped as {@code taxonomy.yaml} (or an operator's file of the same shape). */
public final class TaxonomyFile {

    public static final String CLASSPATH_RESOURCE = "taxonomy.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Document(List<ThemeDefinition> themes) {
    }

    private TaxonomyFile() {
    }

    public static Taxonomy read(InputStream in) {
        try {
            Document doc = YAML.readValue(in, Document.class);
            if (doc == null || doc.themes() == null || doc.themes().isEmpty()) {
                throw new IllegalArgumentException("taxonomy file has no themes");
            }
            var seen = new HashSet<String>();
            for (ThemeDefinition t : doc.themes()) {
                if (!seen.add(t.slug())) {
                    throw new IllegalArgumentException("duplicate theme slug " + t.slug());
                }
            }
            return new Taxonomy(0, doc.themes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy file", e);
        }
    }

    public static Taxonomy readClasspathDefault() {
        try (InputStream in = TaxonomyFile.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Taxonomy read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy file " + file, e);
        }
    }
}
