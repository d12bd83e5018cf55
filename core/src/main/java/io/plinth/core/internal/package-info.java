/**
 * Plinth's own plumbing shared by its backends. Not an API: applications must not use it, and it
 * may change in any release.
 */
package io.plinth.core.internal;
