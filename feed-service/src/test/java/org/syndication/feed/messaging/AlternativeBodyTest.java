package org.syndication.feed.messaging;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.feed.messaging.RawMails.read;
import static org.syndication.feed.messaging.RawMails.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlternativeBodyTest {

    private static final String MANAGE = "urn:x-test:manage";
    private static final String UNSUBSCRIBE = "urn:x-test:unsubscribe";
    private static final List<String> PLACEHOLDERS = List.of(MANAGE, UNSUBSCRIBE);
    private static final String BOUNDARY = "=_alt_test";

    private final Session session = Session.getInstance(new Properties());

    /** A recipient's bytes, encoded line by line, are those of its whole text encoded at once (no placeholders). */
    private void assertSameAsWhole(String text, String html, List<String> textValues, List<String> htmlValues) {
        byte[] byLine = AlternativeBody.of(session, text, html, PLACEHOLDERS, BOUNDARY).body(textValues, htmlValues);
        byte[] whole = AlternativeBody.of(session, fill(text, textValues), fill(html, htmlValues), List.of(), BOUNDARY)
                .body(List.of(), List.of());
        assertThat(new String(byLine, StandardCharsets.US_ASCII)).isEqualTo(new String(whole, StandardCharsets.US_ASCII));
    }

    private static String fill(String s, List<String> values) {
        return s.replace(MANAGE, values.get(0)).replace(UNSUBSCRIBE, values.get(1));
    }

    @Test
    void aQuotedPrintableTextPartWithValuesIsTheWholeTextEncodedAtOnce() {
        // beyond ASCII, trailing spaces before line breaks, '=' signs, lines past 76 characters (soft breaks), a value
        // inside a long line, CRLF and LF breaks, and the last line without a break holding a value
        String text = "Café – über den Hafen \n"
                + "a=b and c = d\t\n"
                + "word ".repeat(40) + "\r\n"
                + "Manage: " + MANAGE + " " + "then some more words ".repeat(5) + "\n"
                + "\n"
                + "Ünsubscribe: " + UNSUBSCRIBE;
        String html = "<p>x</p>\n<a href=\"" + MANAGE + "\">m</a>\n<a href=\"" + UNSUBSCRIBE + "\">u</a>";
        assertSameAsWhole(text, html, List.of("https://x.example/m?token=A&x=1", "https://x.example/u?token=A=="),
                List.of("https://x.example/m?token=A&amp;x=1", "https://x.example/u?token=A=="));
        assertSameAsWhole(text, html, List.of("", ""), List.of("", ""));
    }

    @Test
    void aSevenBitPartWithValuesIsTheWholeTextAsItIs() {
        String text = "Harbour news\n\nManage: " + MANAGE + "\nUnsubscribe: " + UNSUBSCRIBE + "\n";
        String html = "<p>Caf&#233;</p>\n<p><a href=\"" + MANAGE + "\">m</a> <a href=\"" + UNSUBSCRIBE + "\">u</a></p>\n";
        List<String> links = List.of("https://x.example/m?token=B", "https://x.example/u?token=B");
        assertSameAsWhole(text, html, links, links);
        String raw = new String(AlternativeBody.of(session, text, html, PLACEHOLDERS, BOUNDARY).body(links, links),
                StandardCharsets.US_ASCII);
        assertThat(raw).contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit")
                .contains("Content-Type: text/html\r\nContent-Transfer-Encoding: 7bit")
                .contains("Unsubscribe: https://x.example/u?token=B\n");
    }

    @Test
    void aValueThatMakesALineTooLongForSevenBitTurnsItsPartQuotedPrintable() {
        String html = "<p>x</p>\n<a href=\"" + MANAGE + "\">m</a> <a href=\"" + UNSUBSCRIBE + "\">u</a>\n";
        List<String> longLinks = List.of("https://x.example/m?token=" + "A".repeat(1000), "https://x.example/u");
        assertSameAsWhole("text " + MANAGE + " " + UNSUBSCRIBE, html, longLinks, longLinks);
        String raw = new String(AlternativeBody.of(session, "text", html, PLACEHOLDERS, BOUNDARY)
                .body(List.of("m", "u"), longLinks), StandardCharsets.US_ASCII);
        assertThat(raw).contains("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable");
    }

    @Test
    void eachMailOfOneBodyReadsBackWithItsOwnValues() throws Exception {
        String text = "Ferry news – Monday\nManage: " + MANAGE + "\nUnsubscribe: " + UNSUBSCRIBE + "\n";
        String html = "<h1>Ferry news</h1>\n<a href=\"" + MANAGE + "\">Manage</a> <a href=\"" + UNSUBSCRIBE + "\">Unsubscribe</a>";
        AlternativeBody body = AlternativeBody.of(session, text, html, PLACEHOLDERS);
        for (String token : new String[]{"A", "B"}) {
            List<String> links = List.of("https://x.example/m?token=" + token, "https://x.example/u?token=" + token);
            MimeMessage read = read(session, write(body.mail(links, links).ready()));
            MimeMultipart parts = (MimeMultipart) read.getContent();
            MimeBodyPart textPart = (MimeBodyPart) parts.getBodyPart(0);
            assertThat(textPart.getEncoding()).isEqualTo("quoted-printable");
            assertThat(((String) textPart.getContent()).replace("\r\n", "\n")).isEqualTo(
                    "Ferry news – Monday\nManage: https://x.example/m?token=" + token
                            + "\nUnsubscribe: https://x.example/u?token=" + token + "\n");
            assertThat(((String) parts.getBodyPart(1).getContent()).strip().replace("\r\n", "\n"))
                    .isEqualTo("<h1>Ferry news</h1>\n<a href=\"https://x.example/m?token=" + token
                            + "\">Manage</a> <a href=\"https://x.example/u?token=" + token + "\">Unsubscribe</a>");
        }
    }

    @Test
    void anHtmlValueBeyondAsciiOrTheWrongNumberOfValuesIsRefused() {
        AlternativeBody body = AlternativeBody.of(session, "t", "<a href=\"" + MANAGE + "\">" + UNSUBSCRIBE + "</a>",
                PLACEHOLDERS);
        assertThatThrownBy(() -> body.mail(List.of("a", "b"), List.of("https://x.example/é", "u")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> body.mail(List.of("a"), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
