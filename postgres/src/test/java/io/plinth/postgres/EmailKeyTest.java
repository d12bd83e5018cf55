package io.plinth.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.tenancy.Emails;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * {@link Emails#key} — what the in-memory store and every look-up compute — is exactly the unique
 * index's {@code lower(email COLLATE "C")} on this server, for every Unicode code point.
 */
class EmailKeyTest {
    @Test
    void javaAndTheIndexFoldTheSameCharacters() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int code = 1; code <= Character.MAX_CODE_POINT; code++) {
            if (code < Character.MIN_SURROGATE || code > Character.MAX_SURROGATE) {
                all.appendCodePoint(code);
            }
        }
        String text = all.toString();
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT lower(? COLLATE \"C\")")) {
            s.setString(1, text);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                String server = row.getString(1);
                String java = Emails.key(text);
                for (int i = 0; i < Math.min(java.length(), server.length()); i++) {
                    int at = i;
                    assertEquals(server.charAt(i), java.charAt(i), () -> "the character at " + at + " of the text, "
                            + "in U+" + Integer.toHexString(text.codePointAt(at)) + ", folds differently");
                }
                assertEquals(server.length(), java.length());
            }
        }
    }
}
