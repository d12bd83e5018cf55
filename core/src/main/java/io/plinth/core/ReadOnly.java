package io.plinth.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method that only reads. Backends rely on it, never on a method's name: a
 * read needs no transaction of its own when called alone, and nothing it did has to be undone when
 * it fails. Every method without it is treated as a write.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {
}
