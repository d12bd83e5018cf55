package io.plinth.tenancy;

/** A member's role within a workspace (seed 000). */
public enum Role {
    ADMIN, MANAGER, OPERATOR, AUDITOR
}
