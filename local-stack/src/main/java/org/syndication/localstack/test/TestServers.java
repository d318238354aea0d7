package org.syndication.localstack.test;

/** What the test resources need of a Kafka broker and a PostgreSQL server, local or in a container. */
final class TestServers {

    private TestServers() {
    }

    /** A broker on which every topic of the contract exists. */
    interface Kafka {
        String bootstrapServers();
    }

    /** A server whose superuser is {@code postgres}/{@code postgres}. */
    interface Postgres {
        String jdbcUrl(String database);

        /** Creates {@code name} unless it exists. */
        void createDatabase(String name);
    }
}
