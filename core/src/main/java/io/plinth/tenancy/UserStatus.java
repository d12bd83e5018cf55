package io.plinth.tenancy;

/** A user account's status; stored in lower case ({@code account_status}, default {@code active}). */
public enum UserStatus {
    ACTIVE, SUSPENDED, DEACTIVATED
}
