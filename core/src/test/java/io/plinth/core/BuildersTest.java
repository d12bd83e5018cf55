package io.plinth.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plinth.ledger.AccountId;
import io.plinth.ledger.NewAccount;
import io.plinth.ledger.TransferRequest;
import io.plinth.ledger.TransferType;
import io.plinth.tenancy.NewProject;
import io.plinth.tenancy.NewUser;
import io.plinth.tenancy.UserId;
import io.plinth.tenancy.WorkspaceId;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The records' builders: one pattern for every {@code New…} or request record of four or more components. */
class BuildersTest {
    /** Records of what a caller supplies: {@code New…} and the ledger's requests and their parts. */
    private static boolean suppliedByCallers(Class<?> type) {
        String name = type.getSimpleName();
        return name.startsWith("New") || name.equals("TransferRequest") || name.equals("Resolution")
                || name.equals("Tribute");
    }

    @Test
    void everyRecordACallerBuildsWithFourOrMoreComponentsHasABuilderWithASetterPerComponent() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : recordsOfCore()) {
            if (!suppliedByCallers(type) || type.getRecordComponents().length < 4) {
                continue;
            }
            Method builder = type.getMethod("builder");
            assertTrue(Modifier.isStatic(builder.getModifiers()), type + ".builder() is static");
            Class<?> builderType = builder.getReturnType();
            assertEquals(type.getName() + "$Builder", builderType.getName());
            for (RecordComponent component : type.getRecordComponents()) {
                Method setter = builderType.getMethod(component.getName(), component.getType());
                assertEquals(builderType, setter.getReturnType(), setter + " chains");
            }
            assertEquals(type, builderType.getMethod("build").getReturnType());
            checked.add(type.getSimpleName());
        }
        assertTrue(checked.containsAll(List.of("NewProject", "NewUser", "TransferRequest", "NewAccount", "NewMemoryUnit")),
                checked.toString());
    }

    @Test
    void aBuilderMakesTheRecordTheConstructorMakes() {
        WorkspaceId ws = WorkspaceId.generate();
        UserId ada = UserId.generate();
        assertEquals(new NewProject(ws, "Forge", "FORGE", null, ada),
                NewProject.builder().workspaceId(ws).name("Forge").keyName("FORGE").createdBy(ada).build());
        AccountId debit = AccountId.generate();
        AccountId credit = AccountId.generate();
        TransferRequest built = TransferRequest.builder().workspaceId(ws).idempotencyKey("k-1")
                .debitAccountId(debit).creditAccountId(credit).amount(5).type(TransferType.DEBIT).build();
        assertEquals(new TransferRequest(ws, "k-1", debit, credit, 5, TransferType.DEBIT, null, null, null, false, null), built);
        assertEquals(new NewAccount(ws, "shop", "XCR", false),
                NewAccount.builder().workspaceId(ws).code("shop").unit("XCR").build());
    }

    @Test
    void aBuilderStartsAtTheDefaultsOfTheShortFactory() {
        assertEquals(NewUser.of("ada@example.com", "Ada"), NewUser.builder().email("ada@example.com").name("Ada").build());
    }

    @Test
    void aComponentNotSetOrBrokenIsAnInvalidInputExceptionNamingIt() {
        WorkspaceId ws = WorkspaceId.generate();
        assertEquals("keyName", assertThrows(InvalidInputException.class,
                () -> NewProject.builder().workspaceId(ws).name("Forge").build()).field());
        assertEquals("workspaceId", assertThrows(InvalidInputException.class,
                () -> NewProject.builder().name("Forge").keyName("FORGE").build()).field());
        assertEquals("amount", assertThrows(InvalidInputException.class, () -> TransferRequest.builder().workspaceId(ws)
                .idempotencyKey("k").debitAccountId(AccountId.generate()).creditAccountId(AccountId.generate())
                .type(TransferType.DEBIT).build()).field());
    }

    @Test
    void aBuilderMayBuildAgainAndEachRecordKeepsItsValues() {
        WorkspaceId ws = WorkspaceId.generate();
        NewProject.Builder builder = NewProject.builder().workspaceId(ws).name("One").keyName("ONE");
        NewProject one = builder.build();
        NewProject two = builder.name("Two").keyName("TWO").build();
        assertEquals("One", one.name());
        assertEquals("Two", two.name());
        assertFalse(one.equals(two));
    }

    /** Every record class compiled from core's main sources. */
    private static List<Class<?>> recordsOfCore() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(NewProject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        BuildersTest.class.getClassLoader());
                if (type.isRecord()) {
                    records.add(type);
                }
            }
        }
        return records;
    }
}
