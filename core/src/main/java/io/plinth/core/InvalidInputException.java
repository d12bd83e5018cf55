package io.plinth.core;

/**
 * An argument breaks a rule. The exception names the field and the rule it broke, for example
 * {@code email: must be a valid email address}. Nothing has been written when it is thrown.
 */
public final class InvalidInputException extends PlinthException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String rule;

    public InvalidInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** The name of the offending field, as spelled in the record's accessor. */
    public String field() {
        return field;
    }

    /** The rule that was broken, in words. */
    public String rule() {
        return rule;
    }
}
