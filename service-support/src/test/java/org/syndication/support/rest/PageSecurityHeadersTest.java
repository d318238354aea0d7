package org.syndication.support.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageSecurityHeadersTest {

    @Test
    void pagesWithoutFormsMayPostNowhereAndLoadNothingButTheirOwnStyles() {
        assertThat(PageSecurityHeaders.CONTENT_SECURITY_POLICY_WITHOUT_FORMS).isEqualTo(
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; "
                        + "frame-ancestors 'none'");
    }

    @Test
    void aServicesFormActionGoesInTheFormActionDirective() {
        assertThat(PageSecurityHeaders.contentSecurityPolicy("'self' https://news.example.org"))
                .contains("; form-action 'self' https://news.example.org; ")
                .startsWith("default-src 'none'; ").endsWith("frame-ancestors 'none'");
    }
}
