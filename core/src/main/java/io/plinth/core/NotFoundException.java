package io.plinth.core;

/**
 * The row does not exist, or it exists but belongs to another tenant (which is never revealed).
 */
public final class NotFoundException extends PlinthException {
    private static final long serialVersionUID = 1L;
    private final String entity;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
    }

    /** The kind of thing that was looked for, for example {@code "user"}. */
    public String entity() {
        return entity;
    }
}
