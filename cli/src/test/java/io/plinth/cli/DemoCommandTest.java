package io.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void demoReportsTheWorkspaceItsMembersAndTheirRoles(@TempDir Path dir) throws Exception {
        Path cosmos = dir.resolve("cosmos.svg");
        List<String> args = new ArrayList<>(List.of("demo", "--cosmos", cosmos.toString()));
        String existing = System.getenv("PLINTH_TEST_JDBC_URL");
        if (existing != null && !existing.isBlank()) {
            args.add("--jdbc-url");
            args.add(existing);
        }

        CommandOutput result = CommandOutput.run(args.toArray(String[]::new));

        assertEquals(0, result.exitCode(), () -> "stderr: " + result.err() + "\nstdout: " + result.out());
        String report = result.out();
        assertTrue(report.contains("Workspace  Obsidian Forge"), report);
        assertTrue(report.contains("plan     Artisan"), report);
        for (String member : List.of("Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson")) {
            assertTrue(report.contains(member), member + " missing from\n" + report);
        }
        for (String role : List.of("ADMIN", "MANAGER", "OPERATOR", "AUDITOR")) {
            assertTrue(report.contains(role), role + " missing from\n" + report);
        }
        assertTrue(report.contains("FORGE") && report.contains("ANVIL"), report);
        assertTrue(report.contains("Live sessions, checked 2 hours later (4 of 5)"), report);
        assertTrue(report.contains("expired, so not listed: Ada Lovelace's Pixel 9"), report);
        assertTrue(report.contains("ConflictException"), report);
        assertTrue(report.contains("rolled back: no user eve@"), report);
        assertTrue(report.contains("Ledger (Obelisk Pay, seed 000): Obsidian Forge's credits"), report);
        assertTrue(report.matches("(?s).*purchase-8812 +CREDIT +POSTED +5,000 XCR.*"), report);
        assertTrue(report.matches("(?s).*tribute-1 +TRIBUTE +POSTED +250 XCR.*"), report);
        assertTrue(report.matches("(?s).*agent-run-42 +DEBIT +PENDING +800 XCR.*"), report);
        assertTrue(report.matches("(?s).*agent-run-42-done +DEBIT +POST_PENDING +600 XCR.*"), report);
        assertTrue(report.contains("obsidian-dice, loss (luck weight 0.35), in one unit of work with Ada Lovelace's "
                + "pulse profile"), report);
        assertTrue(report.contains("losses 0 -> 1, frustration 0.5 -> 0.7"), report);
        assertTrue(report.contains("800 reserved for an agent run, then 600 posted, 200 released"), report);
        assertTrue(report.contains("credits  4,150 (balance 4,150, reserved 0)"), report);
        assertTrue(report.contains("verify   ledger OK ("), report);
        assertTrue(report.contains("Memory companion (seed 004): Mira Okafor"), report);
        assertTrue(report.contains("3 messages, active -> ended -> processing -> processed"), report);
        assertTrue(report.contains("Jogging into Running; resolving Jogging gives Running"), report);
        assertTrue(report.contains("conversation_messages 3 -> 0"), report);
        assertTrue(report.contains("concepts 3 -> 0") && report.contains("cards 1 -> 0"), report);
        assertTrue(report.contains("Knee recovery, depth 2: Running 0.80 (1 edge), Jogging 0.72 (1 edge)"), report);
        assertTrue(report.contains("concept_relations 3 -> 0") && report.contains("user_graph_projections 1 -> 0"), report);
        assertTrue(report.contains("semantic search  9 items fed from the outbox"), report);
        assertTrue(report.contains("asked \"How is my knee doing since the injury?\""), report);
        assertTrue(report.matches("(?s).*asked [^\n]*\n +0\\.\\d\\d  Concept +Knee recovery\n.*"), "the best answer: " + report);
        assertTrue(report.matches("(?s).*\n +0\\.\\d\\d  ConversationMessage I finally ran the coastal half-marathon, and my knee held up\\.\n.*"),
                report);
        assertTrue(report.contains("Cosmos written to " + cosmos + " (6 nodes, 9 edges)"), report);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(cosmos.toFile());
    }
}
