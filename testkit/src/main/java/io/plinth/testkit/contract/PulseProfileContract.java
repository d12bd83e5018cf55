package io.plinth.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plinth.core.ConflictException;
import io.plinth.core.InsufficientFundsException;
import io.plinth.core.NotFoundException;
import io.plinth.klepsydra.PulseProfile;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.ledger.Tribute;
import io.plinth.tenancy.User;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Klepsydra {@link io.plinth.klepsydra.PulseProfileRepository}, and its unit of work with TRIBUTE transfers. */
public abstract class PulseProfileContract extends StoreContract {

    @Test
    void aNewProfileStartsNeutralAndUpdatesWithItsVersion() {
        User user = newUser("Player");
        PulseProfile profile = store.pulseProfiles().create(user.id());
        assertEquals(0, profile.consecutiveLosses());
        assertEquals(0.5, profile.frustration());
        assertEquals(null, profile.lastEventTimestamp());
        clock.advance(Duration.ofSeconds(10));
        PulseProfile changed = store.pulseProfiles().update(profile.after(clock.instant(), 3, 0.9, 0.1, 0.75));
        assertEquals(1, changed.version());
        assertEquals(clock.instant(), changed.lastEventTimestamp());
        assertEquals(changed, store.pulseProfiles().get(user.id()));
        assertFailsAndWritesNothing(ConflictException.class,
                () -> store.pulseProfiles().update(profile.after(clock.instant(), 1, 0.2, 0.2, 0.2)));
        assertFailsAndWritesNothing(ConflictException.class, () -> store.pulseProfiles().create(user.id()));
        assertFailsAndWritesNothing(NotFoundException.class, () -> store.pulseProfiles().create(UserId.generate()));
    }

    @Test
    void levelsOutsideZeroToOneOrNaNAreRejected() {
        PulseProfile profile = store.pulseProfiles().create(newUser("Player").id());
        assertInvalid("frustration", () -> store.pulseProfiles().update(profile.after(clock.instant(), 0, 1.01, 0.5, 0.5)));
        assertInvalid("frustration", () -> store.pulseProfiles().update(profile.after(clock.instant(), 0, Double.NaN, 0.5, 0.5)));
        assertInvalid("flowState", () -> store.pulseProfiles().update(profile.after(clock.instant(), 0, 0.5, -0.01, 0.5)));
        assertInvalid("riskAversion", () -> store.pulseProfiles().update(
                profile.after(clock.instant(), 0, 0.5, 0.5, Double.POSITIVE_INFINITY)));
        assertInvalid("consecutiveLosses", () -> store.pulseProfiles().update(profile.after(clock.instant(), -1, 0.5, 0.5, 0.5)));
    }

    @Test
    void aTributeAndTheProfileItChangesCommitTogetherOrNotAtAll() {
        Workspace workspace = newWorkspace("Folly");
        User player = newUser("Player");
        Account mint = store.ledger().openPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account wallet = store.ledger().openAccount(NewAccount.workspaceCredits(workspace.id()));
        Account house = store.ledger().openPlatformAccount(NewAccount.system("house", Ledger.CREDITS));
        store.ledger().platformTransfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("mint-1")
                .debitAccountId(mint.id()).creditAccountId(wallet.id()).amount(100).type(TransferType.CREDIT).build());
        store.pulseProfiles().create(player.id());
        Tribute loss = new Tribute("folly-wheel", new BigDecimal("0.8"), "loss", 0, null);

        store.inTransaction(tx -> {
            tx.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("tribute-1")
                    .debitAccountId(wallet.id()).creditAccountId(house.id())
                    .amount(60).type(TransferType.TRIBUTE).description("spin").tribute(loss).build());
            PulseProfile p = tx.pulseProfiles().get(player.id());
            return tx.pulseProfiles().update(p.after(clock.instant(), p.consecutiveLosses() + 1, 0.7, 0.3, 0.6));
        });
        assertEquals(40, store.ledger().credits(workspace.id()));
        assertEquals(1, store.pulseProfiles().get(player.id()).consecutiveLosses());

        PulseProfile before = store.pulseProfiles().get(player.id());
        assertThrows(InsufficientFundsException.class, () -> store.inTransaction(tx -> {
            PulseProfile p = tx.pulseProfiles().get(player.id());
            tx.pulseProfiles().update(p.after(clock.instant(), p.consecutiveLosses() + 1, 0.9, 0.1, 0.9));
            return tx.ledger().transfer(TransferRequest.builder().workspaceId(workspace.id()).idempotencyKey("tribute-2")
                    .debitAccountId(wallet.id()).creditAccountId(house.id())
                    .amount(60).type(TransferType.TRIBUTE).description("spin").tribute(loss).build());
        }));
        assertEquals(before, store.pulseProfiles().get(player.id()), "the profile update was rolled back with the tribute");
        assertEquals(40, store.ledger().credits(workspace.id()));
    }
}
