/**
 * {@code plinth bench}: measured comparisons of Plinth against the minimal hand-written JDBC code
 * that does the same work, run in one invocation on one database with the same number of clients.
 *
 * <p>{@link io.plinth.cli.bench.LedgerBench} runs timed {@link io.plinth.cli.bench.Phase}s, in alternating rounds,
 * first {@link io.plinth.cli.bench.BaselineTransfers} and then
 * {@link io.plinth.cli.bench.PlinthTransfers}, each a source of per-thread
 * {@link io.plinth.cli.bench.Phase.Client}s; the phase runner is shared, so both sides are timed
 * and counted by the same code.
 */
package io.plinth.cli.bench;
