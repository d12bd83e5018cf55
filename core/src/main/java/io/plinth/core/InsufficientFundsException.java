package io.plinth.core;

/** A debit would take an account below what its rule allows. Nothing has been written. */
public final class InsufficientFundsException extends PlinthException {
    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(String message) {
        super(message);
    }
}
