package io.plinth.tenancy;

import io.plinth.core.Check;
import io.plinth.core.Json;
import java.time.Instant;

/**
 * The canonical user shared by all seeds (table {@code users}, {@link TenancyTables#USERS}), with every
 * field of seed 004's {@code User}. Immutable; change it with the {@code with…} methods and
 * {@link UserRepository}'s {@code update}. The password hash never prints ({@link PasswordHash}).
 *
 * @param region                 required, seed 004's default {@code us}
 * @param timezone               optional, seed 004's default {@code UTC}
 * @param languagePreference     optional, seed 004's default {@code en}
 * @param lastCycleStartedAt     owned by the concept cycle ({@link io.plinth.memory.ConceptRepository#startCycle});
 *                               an update leaves it as stored
 * @param conceptsCreatedInCycle owned by the concept cycle (creating a concept counts); an update
 *                               leaves it as stored
 * @param version                optimistic-lock version; an update must carry the version it read
 */
public record User(UserId id,
                   String email,
                   String name,
                   PasswordHash passwordHash,
                   String region,
                   String timezone,
                   String languagePreference,
                   String profilePictureUrl,
                   UserStatus status,
                   Instant createdAt,
                   Instant lastActiveAt,
                   Json memoryProfile,
                   Json knowledgeGraphSchema,
                   Json nextConversationContextPackage,
                   Instant lastCycleStartedAt,
                   int conceptsCreatedInCycle,
                   Json preferences,
                   Instant updatedAt,
                   long version) {
    /** Longest accepted display name. */
    public static final int MAX_NAME = 200;
    /** Seed 004's default region. */
    public static final String DEFAULT_REGION = "us";
    /** Seed 004's default time zone. */
    public static final String DEFAULT_TIMEZONE = "UTC";
    /** Seed 004's default language. */
    public static final String DEFAULT_LANGUAGE = "en";

    public User {
        Check.required("id", id);
        Check.email("email", email);
        Check.optionalText("name", name, MAX_NAME);
        Check.required("region", region);
        Check.storable("region", region);
        Check.storable("timezone", timezone);
        Check.storable("languagePreference", languagePreference);
        Check.storable("profilePictureUrl", profilePictureUrl);
        Check.required("status", status);
        Check.required("createdAt", createdAt);
        lastActiveAt = Check.instant("lastActiveAt", lastActiveAt);
        memoryProfile = Json.absentIfNull(memoryProfile);
        knowledgeGraphSchema = Json.absentIfNull(knowledgeGraphSchema);
        nextConversationContextPackage = Json.absentIfNull(nextConversationContextPackage);
        lastCycleStartedAt = Check.instant("lastCycleStartedAt", lastCycleStartedAt);
        Check.range("conceptsCreatedInCycle", conceptsCreatedInCycle, 0, Integer.MAX_VALUE);
        preferences = Json.absentIfNull(preferences);
        Check.required("updatedAt", updatedAt);
        Check.version(version);
    }

    /** A user with seed 004's defaults for the fields beyond the account's (no cycle started, no profile). */
    public User(UserId id, String email, String name, PasswordHash passwordHash, UserStatus status,
                Instant createdAt, Instant updatedAt, long version) {
        this(id, email, name, passwordHash, DEFAULT_REGION, DEFAULT_TIMEZONE, DEFAULT_LANGUAGE, null, status, createdAt,
                null, null, null, null, null, 0, null, updatedAt, version);
    }

    public User withEmail(String newEmail) {
        return new User(id, newEmail, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withName(String newName) {
        return new User(id, email, newName, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withPasswordHash(PasswordHash newPasswordHash) {
        return new User(id, email, name, newPasswordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withRegion(String newRegion) {
        return new User(id, email, name, passwordHash, newRegion, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withTimezone(String newTimezone) {
        return new User(id, email, name, passwordHash, region, newTimezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withLanguagePreference(String newLanguagePreference) {
        return new User(id, email, name, passwordHash, region, timezone, newLanguagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withProfilePictureUrl(String newProfilePictureUrl) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, newProfilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withStatus(UserStatus newStatus) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                newStatus, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withLastActiveAt(Instant newLastActiveAt) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, newLastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withMemoryProfile(Json newMemoryProfile) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, newMemoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withKnowledgeGraphSchema(Json newKnowledgeGraphSchema) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, newKnowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withNextConversationContextPackage(Json newNextConversationContextPackage) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, newNextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, preferences, updatedAt, version);
    }

    public User withPreferences(Json newPreferences) {
        return new User(id, email, name, passwordHash, region, timezone, languagePreference, profilePictureUrl,
                status, createdAt, lastActiveAt, memoryProfile, knowledgeGraphSchema, nextConversationContextPackage, lastCycleStartedAt,
                conceptsCreatedInCycle, newPreferences, updatedAt, version);
    }
}
