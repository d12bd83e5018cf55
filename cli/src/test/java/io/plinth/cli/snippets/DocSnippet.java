package io.plinth.cli.snippets;

import io.plinth.core.Store;
import io.plinth.ledger.Account;
import io.plinth.ledger.Ledger;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.NewWorkspace;
import io.plinth.tenancy.Project;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.Workspace;
import io.plinth.tenancy.WorkspaceId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a statement snippet of the docs may use without declaring it: the givens. A snippet that
 * does not declare a class becomes the body of {@link #run()} in a subclass, so it sees these
 * fields (and may declare a local of the same name, which then hides the given). They are made
 * fresh for every snippet on every store, as a reader's own code would have them:
 *
 * <ul>
 *   <li>{@code store} — a {@link Store}: the snippet runs once on an in-memory one and once on
 *       PostgreSQL;
 *   <li>{@code userId} — a user (Ada Lovelace, {@code ada@example.com});
 *   <li>{@code workspace}, {@code workspaceId} — a workspace she owns;
 *   <li>{@code project} — a project in that workspace;
 *   <li>{@code requests} — two workspace-scoped transfers between two accounts of the workspace
 *       ({@code ops}, funded with 1,000 ΞCredits, and {@code tools}): the first can succeed, the
 *       second (5,000) cannot; the workspace's {@code credits} account is left alone;
 *   <li>{@code log} — an SLF4J {@link Logger}.
 * </ul>
 */
public abstract class DocSnippet {
    /** A store: in-memory or PostgreSQL. */
    protected Store store;
    /** A user. */
    protected UserId userId;
    /** A workspace owned by {@link #userId}. */
    protected Workspace workspace;
    /** The id of {@link #workspace}. */
    protected WorkspaceId workspaceId;
    /** A project in {@link #workspace}. */
    protected Project project;
    /** Two transfers of {@link #workspace}: one that can succeed, one that cannot. */
    protected List<TransferRequest> requests;
    /** A logger named after the snippet. */
    protected Logger log;

    /** Runs the snippet. */
    protected abstract void run() throws Exception;

    /** Makes the givens in {@code store}, then runs the snippet. */
    final void runOn(Store store) throws Exception {
        this.store = store;
        this.log = LoggerFactory.getLogger(getClass());
        this.userId = store.users().create(NewUser.of("ada@example.com", "Ada Lovelace")).id();
        this.workspace = store.workspaces().create(NewWorkspace.of("Obsidian Forge", userId));
        this.workspaceId = workspace.id();
        this.project = store.projects().create(NewProject.builder()
                .workspaceId(workspaceId).name("Forge Runtime").keyName("FORGE").createdBy(userId).build());
        this.requests = transfers(store, workspaceId);
        run();
    }

    private static List<TransferRequest> transfers(Store store, WorkspaceId workspaceId) {
        Account mint = store.ledger().findOrOpenPlatformAccount(NewAccount.system("mint", Ledger.CREDITS));
        Account ops = store.ledger().openAccount(NewAccount.builder()
                .workspaceId(workspaceId).code("ops").unit(Ledger.CREDITS).build());
        Account tools = store.ledger().openAccount(NewAccount.builder()
                .workspaceId(workspaceId).code("tools").unit(Ledger.CREDITS).build());
        store.ledger().platformTransfer(transfer(workspaceId, "given-funding", mint, ops, 1_000, TransferType.CREDIT));
        return List.of(
                transfer(workspaceId, "given-1", ops, tools, 300, TransferType.DEBIT),
                transfer(workspaceId, "given-2", ops, tools, 5_000, TransferType.DEBIT));
    }

    private static TransferRequest transfer(WorkspaceId workspaceId, String key, Account from, Account to,
            long amount, TransferType type) {
        return TransferRequest.builder()
                .workspaceId(workspaceId).idempotencyKey(key)
                .debitAccountId(from.id()).creditAccountId(to.id())
                .amount(amount).type(type).description(key)
                .build();
    }
}
