package io.plinth.ledger;

import io.plinth.core.Check;
import io.plinth.core.InvalidInputException;
import java.math.BigDecimal;

/**
 * The Folly-Instrument details of a {@link TransferType#TRIBUTE} transfer (seed 000).
 *
 * @param instrumentId the instrument played, at most 100 characters
 * @param luckWeight   a non-negative decimal, at most 6 decimal places
 * @param outcome      what happened, e.g. {@code win}, {@code loss}, {@code hollow_win}; at most 50 characters
 * @param boonAmount   credits granted by the outcome, not negative
 * @param judasFactor  optional reduction factor of a hollow win, in [0, 1], at most 6 decimal places
 */
public record Tribute(String instrumentId, BigDecimal luckWeight, String outcome, long boonAmount, BigDecimal judasFactor) {
    public Tribute {
        Check.text("instrumentId", instrumentId, 100);
        luckWeight = decimal("luckWeight", Check.required("luckWeight", luckWeight), new BigDecimal("999999"));
        Check.text("outcome", outcome, 50);
        Check.range("boonAmount", boonAmount, 0, Long.MAX_VALUE);
        judasFactor = judasFactor == null ? null : decimal("judasFactor", judasFactor, BigDecimal.ONE);
    }

    private static BigDecimal decimal(String field, BigDecimal value, BigDecimal max) {
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new InvalidInputException(field, "must be between 0 and " + max.toPlainString());
        }
        BigDecimal normal = value.stripTrailingZeros();
        if (normal.scale() > 6) {
            throw new InvalidInputException(field, "must have at most 6 decimal places");
        }
        return normal.scale() < 0 ? normal.setScale(0) : normal;
    }

    /**
     * A builder of a {@code Tribute}: each component is set by its name, so that two values of one
     * type cannot change places unnoticed.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets the components of a {@link Tribute} by name. A component not set is null, false or 0;
     * {@link #build()} validates as the canonical constructor does. Not thread-safe; one builder may
     * build several records.
     */
    public static final class Builder {
        private String instrumentId;
        private BigDecimal luckWeight;
        private String outcome;
        private long boonAmount;
        private BigDecimal judasFactor;

        private Builder() {
        }

        /** Sets {@link Tribute#instrumentId()}. */
        public Builder instrumentId(String instrumentId) {
            this.instrumentId = instrumentId;
            return this;
        }

        /** Sets {@link Tribute#luckWeight()}. */
        public Builder luckWeight(BigDecimal luckWeight) {
            this.luckWeight = luckWeight;
            return this;
        }

        /** Sets {@link Tribute#outcome()}. */
        public Builder outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        /** Sets {@link Tribute#boonAmount()}. */
        public Builder boonAmount(long boonAmount) {
            this.boonAmount = boonAmount;
            return this;
        }

        /** Sets {@link Tribute#judasFactor()}. */
        public Builder judasFactor(BigDecimal judasFactor) {
            this.judasFactor = judasFactor;
            return this;
        }

        /**
         * The {@code Tribute} of the components set.
         *
         * @throws io.plinth.core.InvalidInputException naming the component that breaks a rule
         */
        public Tribute build() {
            return new Tribute(instrumentId, luckWeight, outcome, boonAmount, judasFactor);
        }
    }
}
