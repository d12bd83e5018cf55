package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plinth.memory.NewProactivePrompt;
import io.plinth.memory.ProactivePrompt;
import io.plinth.tenancy.UserId;
import org.junit.jupiter.api.Test;

/** Proactive prompts: a new one is {@code pending} and made at the store's time; its status is free text. */
public abstract class ProactivePromptContract extends StoreContract {

    private ProactivePrompt prompt(UserId user) {
        return store.prompts().create(new NewProactivePrompt(user, "How did the talk go?", "companion", null));
    }

    @Test
    void aNewPromptIsPendingAndMadeNow() {
        ProactivePrompt created = prompt(newUser("Prompted").id());
        assertEquals("pending", created.status());
        assertEquals(clock.instant(), created.createdAt());
        assertEquals(0, created.version());
        assertEquals(created, store.prompts().get(created.userId(), created.id()));
    }

    @Test
    void theStatusIsFreeText() {
        ProactivePrompt created = prompt(newUser("Free").id());
        for (String status : new String[] {"shown", "dismissed", "snoozed until Monday", "accepted"}) {
            ProactivePrompt stored = store.prompts().get(created.userId(), created.id());
            assertEquals(status, store.prompts().update(stored.withStatus(status)).status());
        }
        ProactivePrompt stored = store.prompts().get(created.userId(), created.id());
        assertInvalid("status", () -> store.prompts().update(stored.withStatus("s".repeat(501))));
        assertInvalid("status", () -> store.prompts().update(stored.withStatus("")));
        assertInvalid("status", () -> store.prompts().update(stored.withStatus("sh\0wn")));
    }

    @Test
    void badPromptsAreInvalid() {
        UserId user = newUser("Bad").id();
        assertInvalid("promptText", () -> store.prompts().create(new NewProactivePrompt(user, "x".repeat(100_001), "companion", null)));
        assertInvalid("promptText", () -> store.prompts().create(new NewProactivePrompt(user, "a\0b", "companion", null)));
        assertInvalid("sourceAgent", () -> store.prompts().create(new NewProactivePrompt(user, "Hi", null, null)));
        assertInvalid("newProactivePrompt", () -> store.prompts().create(null));
    }
}
