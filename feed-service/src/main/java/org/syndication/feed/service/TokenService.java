package org.syndication.feed.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.Tokens;

import java.security.SecureRandom;
import java.util.Base64;

/** The token signer, keyed by {@code feed.token-secret} or by a random key created once in the database. */
@ApplicationScoped
public class TokenService {

    private final FeedConfig config;
    private final EntityManager em;
    private volatile Tokens tokens;

    public TokenService(FeedConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    @Transactional
    public Tokens tokens() {
        Tokens current = tokens;
        if (current == null) {
            current = new Tokens(config.tokenSecret().orElseGet(this::storedSecret));
            tokens = current;
        }
        return current;
    }

    private String storedSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        em.createNativeQuery("insert into token_secret (id, secret) values (1, :secret) on conflict (id) do nothing")
                .setParameter("secret", Base64.getEncoder().encodeToString(random))
                .executeUpdate();
        return (String) em.createNativeQuery("select secret from token_secret where id = 1").getSingleResult();
    }
}
