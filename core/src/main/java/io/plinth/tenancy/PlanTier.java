package io.plinth.tenancy;

/** A workspace's subscription plan (seed 000); stored with the seed's spelling, e.g. {@code Apprentice}. */
public enum PlanTier {
    APPRENTICE, ARTISAN, PRIESTHOOD
}
