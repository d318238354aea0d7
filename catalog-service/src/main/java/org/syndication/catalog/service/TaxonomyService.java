package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.NewsItemRepository;
import org.syndication.catalog.TaxonomyRepository;
import org.syndication.catalog.TaxonomyTheme;
import org.syndication.catalog.UnknownThemeException;
import org.syndication.catalog.classify.Classifier;
import org.syndication.catalog.classify.Taxonomy;
import org.syndication.catalog.classify.TaxonomyFile;
import org.syndication.catalog.classify.ThemeDefinition;
import org.syndication.catalog.classify.ThemeRules;
import org.syndication.catalog.classify.ThemeStanding;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.catalog.mapping.ThemeMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The taxonomy: seeded from the shipped file into the database at startup (themes missing from the database are
 * added; themes already there keep their run-time edits), versioned on every change, and held in memory as a
 * ready {@link Classifier}.
 */
@ApplicationScoped
public class TaxonomyService {

    private final TaxonomyRepository themes;
    private final NewsItemRepository items;
    private final CatalogConfig config;
    private final Clock clock;
    private final Event<TaxonomyChanged> changed;
    private final AtomicReference<Classifier> current = new AtomicReference<>();

    public TaxonomyService(TaxonomyRepository themes, NewsItemRepository items, CatalogConfig config, Clock clock,
                           Event<TaxonomyChanged> changed) {
        this.themes = themes;
        this.items = items;
        this.config = config;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Seeds and loads in one transaction, with one read of the stored slugs (not a query per theme) and the same
     * read of the taxonomy in force as {@link #reload}: this runs before the catalog is ready (issue 18's start-up
     * target).
     */
    void onStart(@Observes StartupEvent event) {
        Taxonomy file = config.classifier().taxonomyFile()
                .map(f -> TaxonomyFile.read(Path.of(f)))
                .orElseGet(TaxonomyFile::readClasspathDefault);
        install(QuarkusTransaction.requiringNew().call(() -> seed(file)));
    }

    /** Adds the file's themes missing from the database; returns the taxonomy then in force. */
    private Taxonomy seed(Taxonomy file) {
        Set<String> stored = themes.listInOrder().stream().map(t -> t.slug).collect(Collectors.toSet());
        for (ThemeDefinition def : file.themes()) {
            if (!stored.contains(def.slug())) {
                store(def, new TaxonomyTheme());
                Log.infof("taxonomy theme seeded slug=%s", def.slug());
            }
        }
        return inForce();
    }

    /** The classifier of the taxonomy in force. */
    public Classifier classifier() {
        Classifier c = current.get();
        return c != null ? c : reload();
    }

    public String titleOf(String slug) {
        return classifier().taxonomy().theme(slug).map(ThemeDefinition::title).orElse(slug);
    }

    /** Throws {@link UnknownThemeException} listing the valid slugs when the slug is not a theme. */
    public void requireTheme(String slug) {
        Taxonomy taxonomy = classifier().taxonomy();
        if (taxonomy.theme(slug).isEmpty()) {
            throw new UnknownThemeException(slug, taxonomy.slugs());
        }
    }

    @Transactional
    public List<ThemeStanding> overview() {
        Map<String, Long> counts = items.countPublishedByTheme();
        return themes.listInOrder().stream().map(t -> ThemeMapper.toStanding(t, counts.getOrDefault(t.slug, 0L))).toList();
    }

    /** Creates or changes a theme; items keep their themes until {@code POST /api/recategorise}. */
    @Transactional
    public ThemeStanding update(String slug, String title, String description, ThemeRules rules) {
        ThemeDefinition def;
        try {
            def = new ThemeDefinition(slug, title, description, rules);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
        try {
            new Classifier(new Taxonomy(0, List.of(def)), settings());
        } catch (RuntimeException e) {
            throw new InvalidRequestException("rules", "rules cannot be compiled: " + e.getMessage());
        }
        TaxonomyTheme row = store(def, themes.findByIdOptional(slug).orElseGet(TaxonomyTheme::new));
        changed.fire(new TaxonomyChanged(row.revision));
        Log.infof("taxonomy theme changed slug=%s revision=%d", slug, row.revision);
        return ThemeMapper.toStanding(row, items.countPublishedByTheme().getOrDefault(slug, 0L));
    }

    /** Writes the definition into the row (the stored one, or a new one) as a new revision. */
    private TaxonomyTheme store(ThemeDefinition def, TaxonomyTheme row) {
        long revision = themes.nextRevision();
        boolean created = row.slug == null;
        ThemeMapper.apply(def, revision, row);
        row.updatedAt = clock.instant();
        if (created) {
            themes.persist(row);
        }
        themes.recordRevision(row.slug);
        return row;
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaxonomyChanged event) {
        reload();
    }

    /** Other instances may change the taxonomy: compare the revision now and then. */
    @Scheduled(every = "${catalog.classifier.refresh-interval:30s}", delayed = "${catalog.classifier.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        long revision = QuarkusTransaction.requiringNew().call(themes::currentRevision);
        Classifier c = current.get();
        if (c == null || c.taxonomy().revision() != revision) {
            reload();
        }
    }

    private Classifier reload() {
        return install(QuarkusTransaction.requiringNew().call(this::inForce));
    }

    /** The stored taxonomy: its current revision and its themes in order (inside the caller's transaction). */
    private Taxonomy inForce() {
        return new Taxonomy(themes.currentRevision(), themes.listInOrder().stream().map(ThemeMapper::toDefinition).toList());
    }

    private Classifier install(Taxonomy taxonomy) {
        Classifier classifier = new Classifier(taxonomy, settings());
        current.set(classifier);
        Log.infof("taxonomy loaded revision=%d themes=%d", taxonomy.revision(), taxonomy.themes().size());
        return classifier;
    }

    private Classifier.Settings settings() {
        CatalogConfig.Classifier c = config.classifier();
        return new Classifier.Settings(c.defaultThreshold(), c.titleBoost(), c.bodyReferenceLength());
    }
}
