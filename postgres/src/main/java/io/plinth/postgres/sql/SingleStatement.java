package io.plinth.postgres.sql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository method whose writes are one SQL statement, and so atomic by themselves. Called
 * on its own (an auto-commit call), such a method runs on a connection in auto-commit mode, without
 * the round trip of a separate COMMIT. Every other write method runs in a transaction.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SingleStatement {
}
