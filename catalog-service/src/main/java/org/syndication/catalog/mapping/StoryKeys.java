package org.syndication.catalog.mapping;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keys by which two sources' items are recognised as the same story: the normalised link, and the normalised
 * title (compared together with the item's date). Pure functions.
 */
public final class StoryKeys {

    /** Query parameters that only track the reader (campaigns, click ids); they never make another page. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid",
            "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "icid", "wt.mc_id", "s_cid");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private StoryKeys() {
    }

    /**
     * The item's own link, normalised so that the spellings of one address agree: scheme ({@code http} and
     * {@code https} alike) and host case, a leading {@code www.}, the default port, a trailing slash, tracking
     * parameters ({@code utm_*}, click ids) and the order of the other parameters do not count. The fragment
     * counts (items of one page may link to its anchors).
     *
     * @param sourceUrl the page or feed the item came from: an item without a link of its own carries the page's
     *                  address, which says nothing about the story
     * @return the key, or null when the item has no link of its own or the link is not an absolute http(s) URL
     */
    public static String linkKey(String link, String sourceUrl) {
        String key = normalise(link);
        return key == null || key.equals(normalise(sourceUrl)) ? null : key;
    }

    /** The title in lower case without accents, every run of other characters than letters and digits a space. */
    public static String titleKey(String title) {
        if (title == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String normalise(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getRawAuthority() == null || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 || port == 443;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder key = new StringBuilder(host);
        if (!defaultPort) {
            key.append(':').append(port);
        }
        key.append(path);
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !tracking(p))
                .sorted()
                .collect(Collectors.joining("&"));
        if (!query.isEmpty()) {
            key.append('?').append(query);
        }
        if (uri.getRawFragment() != null && !uri.getRawFragment().isEmpty()) {
            key.append('#').append(uri.getRawFragment());
        }
        return key.toString();
    }

    private static boolean tracking(String parameter) {
        int eq = parameter.indexOf('=');
        String name = (eq < 0 ? parameter : parameter.substring(0, eq)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
