package io.plinth.postgres;

import io.plinth.core.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A PostgreSQL JDBC URL taken apart so that its secrets never travel inside a string that a driver,
 * a pool or a log may print: the {@code password} and {@code sslpassword} parameters of the query
 * are taken out (the caller passes them to the driver as properties), and a URL with user-info
 * ({@code jdbc:postgresql://user:password@host/db}, which pgjdbc does not read but echoes in its
 * errors and log lines) is refused. {@link #toString()} and {@link #safe(String)} are the URL as
 * Plinth prints it: no user-info, no query.
 */
public final class JdbcUrl {
    private static final String PREFIX = "jdbc:postgresql:";

    private final String withoutSecrets;
    private final String password;
    private final String sslPassword;
    private final String safe;

    private JdbcUrl(String withoutSecrets, String password, String sslPassword, String safe) {
        this.withoutSecrets = withoutSecrets;
        this.password = password;
        this.sslPassword = sslPassword;
        this.safe = safe;
    }

    /**
     * Takes a URL apart.
     *
     * @param field the name of the option or field the URL came from, for the error
     * @throws InvalidInputException naming {@code field} when the URL is not a {@code jdbc:postgresql:}
     *         URL or carries user-info; the message shows the URL only as {@link #safe(String)}
     */
    public static JdbcUrl parse(String field, String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new InvalidInputException(field, "must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/app, not " + safe(url));
        }
        if (userInfo(url) >= 0) {
            throw new InvalidInputException(field, "must not carry a user name or password before the host "
                    + "(user:password@host, which the PostgreSQL driver does not read); give them as the user and "
                    + "password instead, or as ?user=... in the URL: " + safe(url));
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return new JdbcUrl(url, null, null, url);
        }
        String password = null;
        String sslPassword = null;
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(q + 1).split("&")) {
            int eq = parameter.indexOf('=');
            String key = (eq < 0 ? parameter : parameter.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(parameter.substring(eq + 1));
            if (key.equals("password")) {
                password = value;
            } else if (key.equals("sslpassword")) {
                sslPassword = value;
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        String base = url.substring(0, q);
        return new JdbcUrl(kept.isEmpty() ? base : base + "?" + String.join("&", kept), password, sslPassword,
                safe(url));
    }

    /** The URL to give the driver: the original without its {@code password} and {@code sslpassword}. */
    public String withoutSecrets() {
        return withoutSecrets;
    }

    /** The {@code password} parameter of the URL's query, if it had one. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The {@code sslpassword} parameter (of a client key) of the URL's query, if it had one. */
    public Optional<String> sslPassword() {
        return Optional.ofNullable(sslPassword);
    }

    /** The URL as Plinth prints it: {@link #safe(String)}. */
    @Override
    public String toString() {
        return safe;
    }

    /**
     * Any URL made safe to print: its query (which may hold a password) becomes {@code ?…} and its
     * user-info {@code …@}.
     */
    public static String safe(String url) {
        if (url == null) {
            return "(no URL)";
        }
        String out = url;
        int q = out.indexOf('?');
        if (q >= 0) {
            out = out.substring(0, q) + "?…";
        }
        int at = userInfo(out);
        if (at >= 0) {
            int start = out.indexOf("//") + 2;
            out = out.substring(0, start) + "…" + out.substring(at);
        }
        return out;
    }

    /** The index of the {@code @} ending the user-info of the URL's authority, or -1. */
    private static int userInfo(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return -1;
        }
        start += 2;
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return url.lastIndexOf('@', end - 1) >= start ? url.lastIndexOf('@', end - 1) : -1;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
