package org.syndication.feed.messaging;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.feed.messaging.RawMails.read;
import static org.syndication.feed.messaging.RawMails.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedMailTest {

    private final Session session = Session.getInstance(new Properties());

    @Test
    void aMailReadsBackAsItsTwoPartsWithItsHeaders() throws Exception {
        String text = "Harbour news\n\nThe ferry timetable changes on Monday.\nUnsubscribe: https://news.example/u?token=a.b\n";
        String html = "<html><body><h1>Harbour news</h1><p>Caf&#233; opens.</p></body></html>";
        PreparedMail mail = alternative(text, html);
        mail.setFrom(new InternetAddress("digest@news.example"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("reader@example.org", true));
        mail.setSubject("Harbour – weekly", "UTF-8");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        String raw = write(mail.ready());
        MimeMessage read = read(session, raw);

        assertThat(read.getSubject()).isEqualTo("Harbour – weekly");
        assertThat(read.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("reader@example.org");
        assertThat(read.getHeader("Message-ID")[0]).startsWith("<").endsWith(">");
        assertThat(read.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(read.getHeader("MIME-Version")[0]).isEqualTo("1.0");
        MimeMultipart parts = (MimeMultipart) read.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(text);
        assertThat(((MimeBodyPart) parts.getBodyPart(0)).getEncoding()).isEqualTo("7bit");
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(((String) parts.getBodyPart(1).getContent()).strip()).isEqualTo(html);
        assertThat(raw).contains("Content-Type: text/html\r\nContent-Transfer-Encoding: 7bit");
    }

    @Test
    void aTextBeyondAsciiOrWithLongLinesGoesOutQuotedPrintableAndReadsBackTheSame() throws Exception {
        String accented = "Café – über den Hafen\nÇa marche.\n";
        String longLine = "word ".repeat(300) + "\n";
        for (String text : new String[]{accented, longLine}) {
            MimeMessage read = read(session, write(alternative(text, "<p>x</p>").ready()));
            MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) read.getContent()).getBodyPart(0);
            assertThat(part.getEncoding()).isEqualTo("quoted-printable");
            assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
            assertThat(((String) part.getContent()).replace("\r\n", "\n")).isEqualTo(text);
        }
    }

    @Test
    void anHtmlPartBeyondAsciiIsRefused() {
        assertThatThrownBy(() -> alternative("text", "<p>Café</p>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anHtmlPartWithLinesTooLongForSevenBitGoesOutQuotedPrintableAndReadsBackTheSame() throws Exception {
        // a summary in a non-Latin script, as numeric references: one line far beyond 998 characters
        String html = "<p>" + "&#1041;&#1091;&#1093;&#1090;&#1072; ".repeat(60) + "</p>";
        MimeMessage read = read(session, write(alternative("text", html).ready()));
        MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) read.getContent()).getBodyPart(1);
        assertThat(part.getEncoding()).isEqualTo("quoted-printable");
        assertThat(part.isMimeType("text/html")).isTrue();
        assertThat(((String) part.getContent()).strip()).isEqualTo(html);
    }

    @Test
    void eachMailHasItsOwnBoundaryAndMessageId() throws Exception {
        MimeMessage a = read(session, write(alternative("a", "<p>a</p>").ready()));
        MimeMessage b = read(session, write(alternative("a", "<p>a</p>").ready()));
        assertThat(a.getContentType()).isNotEqualTo(b.getContentType());
        assertThat(a.getMessageID()).isNotEqualTo(b.getMessageID());
    }

    /** A mail of its own body (boundary), as one without per-recipient values. */
    private PreparedMail alternative(String text, String html) throws Exception {
        return AlternativeBody.of(session, text, html, List.of()).mail(List.of(), List.of());
    }
}
