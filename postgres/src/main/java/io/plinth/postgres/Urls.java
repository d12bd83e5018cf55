package io.plinth.postgres;

/** Makes JDBC URLs safe to print: the query string, which may hold a password, is dropped. */
final class Urls {
    private Urls() {
    }

    static String safe(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "(no URL)";
        }
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    }
}
