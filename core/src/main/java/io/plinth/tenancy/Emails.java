package io.plinth.tenancy;

/**
 * How Plinth compares emails: ignoring the case of the ASCII letters A–Z, and of nothing else.
 * {@code Ada@Example.COM} and {@code ada@example.com} are one user; {@code É@example.com} and
 * {@code é@example.com} are two. This is exactly PostgreSQL's {@code lower(email COLLATE "C")},
 * the expression of the unique index {@code users_email_lower_key}, on every server version and
 * locale; full Unicode case mapping differs between Java, PostgreSQL's locales and versions, so
 * two stores could not agree on it.
 */
public final class Emails {
    private Emails() {
    }

    /** The key two emails share when they are the same ignoring ASCII case. */
    public static String key(String email) {
        char[] chars = null;
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = email.toCharArray();
                }
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? email : new String(chars);
    }
}
