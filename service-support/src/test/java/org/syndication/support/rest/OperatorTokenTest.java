package org.syndication.support.rest;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.support.rest.OperatorToken.Check.MISSING;
import static org.syndication.support.rest.OperatorToken.Check.OPERATOR;
import static org.syndication.support.rest.OperatorToken.Check.WRONG;

class OperatorTokenTest {

    private final OperatorToken token = new OperatorToken(Optional.of("s3cret-token"), OperatorToken.WhenUnset.CLOSED);

    @Test
    void theRightBearerTokenIsTheOperatorWhateverTheSchemesCaseAndSpaces() {
        assertThat(token.check("Bearer s3cret-token")).isEqualTo(OPERATOR);
        assertThat(token.check("bearer  s3cret-token ")).isEqualTo(OPERATOR);
        assertThat(token.isOperator("BEARER s3cret-token")).isTrue();
    }

    @Test
    void noBearerHeaderIsMissingAndAnyOtherTokenIsWrong() {
        assertThat(token.check(null)).isEqualTo(MISSING);
        assertThat(token.check("Basic czNjcmV0")).isEqualTo(MISSING);
        assertThat(token.check("Bearer s3cret")).isEqualTo(WRONG);
        assertThat(token.check("Bearer s3cret-token-and-more")).isEqualTo(WRONG);
        assertThat(token.check("Bearer ")).isEqualTo(WRONG);
    }

    @Test
    void anOpenServiceWithoutATokenTakesEveryCallerAsTheOperator() {
        OperatorToken open = new OperatorToken(Optional.empty(), OperatorToken.WhenUnset.OPEN);
        assertThat(open.isSet()).isFalse();
        assertThat(open.check(null)).isEqualTo(OPERATOR);
        assertThat(open.check("Bearer anything")).isEqualTo(OPERATOR);
    }

    @Test
    void aClosedServiceWithoutATokenRefusesEveryToken() {
        for (Optional<String> unset : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            OperatorToken closed = new OperatorToken(unset, OperatorToken.WhenUnset.CLOSED);
            assertThat(closed.isSet()).isFalse();
            assertThat(closed.check(null)).isEqualTo(MISSING);
            assertThat(closed.check("Bearer ")).isEqualTo(WRONG);
            assertThat(closed.check("Bearer anything")).isEqualTo(WRONG);
        }
    }

    @Test
    void anOpenServiceWithATokenChecksIt() {
        OperatorToken set = new OperatorToken(Optional.of(" s3cret-token\n"), OperatorToken.WhenUnset.OPEN);
        assertThat(set.check("Bearer s3cret-token")).isEqualTo(OPERATOR);
        assertThat(set.check(null)).isEqualTo(MISSING);
        assertThat(set.check("Bearer other")).isEqualTo(WRONG);
    }
}
