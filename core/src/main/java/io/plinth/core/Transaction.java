package io.plinth.core;

/**
 * The repositories as seen from inside one unit of work (see {@link Store#inTransaction}).
 * Valid only while the work runs, and only on the thread running it.
 */
public interface Transaction extends Repositories {
}
