package org.syndication.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentDecoderTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void utf8WithoutDeclarationIsRead() {
        var decoded = DocumentDecoder.decode("29 May 2019 – Café".getBytes(StandardCharsets.UTF_8), null, false);
        assertThat(decoded.text()).isEqualTo("29 May 2019 – Café");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8ByteOrderMarkIsDropped() {
        byte[] bytes = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'H', 'i'};
        assertThat(DocumentDecoder.decode(bytes, null, false).text()).isEqualTo("Hi");
        assertThat(DocumentDecoder.decode(bytes, "utf-8", false).text()).isEqualTo("Hi");
    }

    @Test
    void utf16ByteOrderMarkIsHonoured() {
        byte[] body = "Vienna".getBytes(StandardCharsets.UTF_16BE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xfe;
        bytes[1] = (byte) 0xff;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(DocumentDecoder.decode(bytes, null, false).text()).isEqualTo("Vienna");
    }

    @Test
    void invalidUtf8ThatIsValidWindows1252FallsBackToIt() {
        byte[] bytes = "\u201cQuoted\u201d \u2013 caf\u00e9 \u20ac".getBytes(CP1252);
        var decoded = DocumentDecoder.decode(bytes, null, false);
        assertThat(decoded.text()).isEqualTo("\u201cQuoted\u201d \u2013 caf\u00e9 \u20ac");
        assertThat(decoded.charset()).isEqualTo(CP1252);
    }

    @Test
    void charsetParameterWins() {
        byte[] bytes = "Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DocumentDecoder.decode(bytes, "ISO-8859-1", false).text()).isEqualTo("Gr\u00fc\u00dfe");
        byte[] koi8 = "\u041f\u0440\u0438\u0432\u0435\u0442".getBytes(Charset.forName("KOI8-R"));
        assertThat(DocumentDecoder.decode(koi8, "koi8-r", false).text()).isEqualTo("\u041f\u0440\u0438\u0432\u0435\u0442");
    }

    @Test
    void htmlMetaCharsetIsHonouredWhenTheBytesAreNotUtf8() {
        byte[] bytes = "<html><head><meta charset=\"koi8-r\"></head><body>\u041c\u0438\u0440</body></html>"
                .getBytes(Charset.forName("KOI8-R"));
        assertThat(DocumentDecoder.decode(bytes, null, true).text()).contains("\u041c\u0438\u0440");
    }

    @Test
    void bytesThatAreNeitherUtf8NorWindows1252AreRefused() {
        byte[] bytes = {'a', (byte) 0x81, (byte) 0x8d, 'b'};
        assertThatThrownBy(() -> DocumentDecoder.decode(bytes, null, false))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("neither UTF-8 nor windows-1252");
    }

    @Test
    void bytesInvalidForTheDeclaredCharsetAreRefused() {
        byte[] bytes = {'a', (byte) 0xc3, 'b'};
        assertThatThrownBy(() -> DocumentDecoder.decode(bytes, "utf-8", false))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("declared charset");
    }

    @Test
    void unknownCharsetIsRefused() {
        assertThatThrownBy(() -> DocumentDecoder.decode("x".getBytes(StandardCharsets.UTF_8), "x-klingon", false))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("unsupported charset");
    }

    @Test
    void binaryContentIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};
        assertThatThrownBy(() -> DocumentDecoder.decode(png, null, false))
                .isInstanceOf(UndecodableDocumentException.class);
    }

    /** Finding 9 of issue 13: a stray vertical tab (Word's line break) or other control is text, not binary. */
    @Test
    void strayControlCharactersAreText() {
        String page = "20 April 2017: Harbour training\u000bThirty officers took part.\f3 March 2017: Conference\u0001";
        assertThat(DocumentDecoder.decode(page.getBytes(StandardCharsets.UTF_8), null, false).text()).isEqualTo(page);
        assertThat(DocumentDecoder.decode(page.getBytes(StandardCharsets.UTF_8), "utf-8", true).text()).isEqualTo(page);
        byte[] cp1252 = "Caf\u00e9\u000b\u0002 au lait \u0003".getBytes(CP1252);
        assertThat(DocumentDecoder.decode(cp1252, null, false).text()).isEqualTo("Caf\u00e9\u000b\u0002 au lait \u0003");
        String manyBreaks = "line\u000b".repeat(50) + "\u0085".repeat(20);
        assertThat(DocumentDecoder.decode(manyBreaks.getBytes(StandardCharsets.UTF_8), null, false).text()).isEqualTo(manyBreaks);
    }

    @Test
    void aNulByteMeansBinary() {
        byte[] bytes = "20 April 2017: Title\u0000 and text".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentDecoder.decode(bytes, null, false))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("NUL");
        byte[] utf16WithoutBom = "20 April 2017: Title".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> DocumentDecoder.decode(utf16WithoutBom, null, false))
                .isInstanceOf(UndecodableDocumentException.class);
    }

    @Test
    void aHighShareOfControlCharactersMeansBinary() {
        StringBuilder binaryLike = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            binaryLike.append((char) ('A' + i % 26)).append(i % 8 == 0 ? (char) (1 + i % 8) : 'x');
        }
        byte[] bytes = binaryLike.toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentDecoder.decode(bytes, null, false))
                .isInstanceOf(UndecodableDocumentException.class)
                .hasMessageContaining("control characters");
        byte[] shortGarbage = {0x01, 0x02, 0x03, 'a'};
        assertThatThrownBy(() -> DocumentDecoder.decode(shortGarbage, null, false))
                .isInstanceOf(UndecodableDocumentException.class);
    }
}
