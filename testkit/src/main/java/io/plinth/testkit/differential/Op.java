package io.plinth.testkit.differential;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

/** One step of a sequence, run on both stores. */
public interface Op {
    /** Whether the step may write (so the rows of both stores are compared after it). */
    boolean writes();

    /** Java-like source text of the step. */
    String render();

    /** A short name of the step for grouping differences, e.g. {@code users.create}. */
    String label();

    /** One repository call: {@code store.<accessor>().<method>(args)}. */
    record Call(Method accessor, Method method, List<Arg> args) implements Op {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public boolean writes() {
            return !Catalog.isRead(method);
        }

        @Override
        public String render() {
            return render("store");
        }

        String render(String on) {
            return on + "." + accessor.getName() + "()." + method.getName() + "(" + Canonical.join(args) + ")";
        }

        @Override
        public String label() {
            return accessor.getName() + "." + method.getName();
        }
    }

    /**
     * A unit of work of several calls; each call's exception is caught inside the work, and with
     * {@code rollBack} the work throws at its end, so nothing it did may remain.
     */
    record InTransaction(List<Call> calls, boolean rollBack) implements Op {
        public InTransaction {
            calls = List.copyOf(calls);
        }

        @Override
        public boolean writes() {
            return true;
        }

        @Override
        public String render() {
            StringBuilder out = new StringBuilder("store.inTransaction(tx -> {  // each call's exception is caught inside the work\n");
            for (Call call : calls) {
                out.append("           ").append(call.render("tx")).append(";\n");
            }
            if (rollBack) {
                out.append("           throw new RuntimeException(\"roll back\");\n");
            }
            return out.append("       })").toString();
        }

        @Override
        public String label() {
            return "inTransaction";
        }
    }

    /** Moves both stores' clocks by the same duration. */
    record AdvanceClock(Duration by) implements Op {
        @Override
        public boolean writes() {
            return false;
        }

        @Override
        public String render() {
            return "clock.advance(Duration.parse(\"" + by + "\"))";
        }

        @Override
        public String label() {
            return "clock.advance";
        }
    }
}
