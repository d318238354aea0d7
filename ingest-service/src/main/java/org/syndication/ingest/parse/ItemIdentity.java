package org.syndication.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Stable identity of a news item and the hash of its text.
 * <p>
 * The item id is a name-based UUID (version 5, SHA-1, RFC 9562) in a namespace of our own, from the canonical
 * source name, the item date and the normalised title; so the same item ingested twice, from a page or from a
 * feed, gets the same id. Feed entries that carry their own guid (or, failing that, a link) are identified by
 * it, because feeds may change an entry's title or date without it becoming another item.
 * <p>
 * The content hash (SHA-256, hex) covers the text as shown, so a corrected title or body changes it while the id
 * stays the same.
 */
public final class ItemIdentity {

    /** Namespace of every item id (a random v4 UUID fixed once; never change it: ids would all change). */
    static final UUID NAMESPACE = UUID.fromString("6f1d7c3e-2b8a-4a54-9a0e-5c1f0e7b9d42");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ItemIdentity() {
    }

    /** Canonical source name: trimmed, lower case, runs of anything but letters, digits, '.' and '_' as one '-'. */
    public static String canonicalSource(String source) {
        if (source == null) {
            return "";
        }
        String lower = Normalizer.normalize(source.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^\\p{L}\\p{N}._]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * A title reduced to what identifies it: Unicode compatibility form, no accents, lower case, punctuation
     * and runs of spaces as one space. "EU-UNODC  Conference:" and "eu unodc conference" are the same title.
     */
    public static String normaliseTitle(String title) {
        if (title == null) {
            return "";
        }
        String text = Normalizer.normalize(title, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return text.strip();
    }

    /** Id of an item found on a page: (canonical source, date, normalised title). */
    public static String itemId(String source, LocalDate date, String title) {
        return nameUuid(canonicalSource(source) + "\n" + date + "\n" + normaliseTitle(title)).toString();
    }

    /**
     * Id of a feed entry: its guid when present, else its link, else (date, title) like a page item.
     * A missing date stays out of the name, so an undated entry keeps its id from one poll to the next.
     */
    public static String feedEntryId(String source, String guid, String link, LocalDate date, String title) {
        String canonical = canonicalSource(source);
        if (guid != null && !guid.isBlank()) {
            return nameUuid(canonical + "\nguid\n" + guid.strip()).toString();
        }
        if (link != null && !link.isBlank()) {
            return nameUuid(canonical + "\nlink\n" + link.strip()).toString();
        }
        return date == null
                ? nameUuid(canonical + "\ntitle\n" + normaliseTitle(title)).toString()
                : itemId(source, date, title);
    }

    /**
     * The id of the n-th item (n &gt;= 2) of one document that has the same id as an earlier one (two items with
     * the same date and title on one page stay two items).
     */
    public static String occurrence(String itemId, int n) {
        return n <= 1 ? itemId : nameUuid(itemId + "\n#" + n).toString();
    }

    /** SHA-256 (hex) of the title and body with runs of white space made one space. */
    public static String contentHash(String title, String body) {
        String text = squeeze(title) + "\n" + squeeze(body);
        return HexFormat.of().formatHex(digest("SHA-256", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String squeeze(String text) {
        return text == null ? "" : SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    static UUID nameUuid(String name) {
        byte[] ns = ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits())
                .array();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[ns.length + nameBytes.length];
        System.arraycopy(ns, 0, input, 0, ns.length);
        System.arraycopy(nameBytes, 0, input, ns.length, nameBytes.length);
        byte[] hash = digest("SHA-1", input);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JRE", e);
        }
    }
}
