package io.plinth.graph;

import io.plinth.core.Check;
import io.plinth.core.Json;
import io.plinth.core.Store;
import io.plinth.memory.NewUserGraphProjection;
import io.plinth.memory.UserGraphProjection;
import io.plinth.tenancy.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's "3D cosmos": a user's knowledge graph laid out in three dimensions, stored as a
 * {@link UserGraphProjection}, and drawn as an SVG picture.
 *
 * <p><b>Deterministic.</b> The same {@link GraphSnapshot} gives the same coordinates on every JVM: each
 * node starts at a position drawn from its id (SplitMix64, no shared random source), then
 * up to {@value #ITERATIONS} rounds of a force-directed layout (Fruchterman–Reingold: every pair of
 * nodes repels, every edge pulls in proportion to its weight, the moves shrink each round) run in the
 * snapshot's order, with only IEEE-exact arithmetic ({@code +}, {@code *}, {@code /}, {@code sqrt});
 * coordinates are scaled into [-100, 100] and rounded to 4 decimals. A round costs O(n²) in the
 * number of nodes, so beyond about 1,800 nodes the rounds are fewer ({@link #rounds}), down to 2 from
 * 10,000 nodes on: the layout stays deterministic, and coarser; 20,000 nodes take some seconds.
 *
 * <p>The projection's JSON ({@link #toJson}) is {@code {"layout": "force-3d", "nodes": [{"type",
 * "id", "label", "x", "y", "z"}…], "edges": [{"type", "from", "to", "weight"}…]}}, nodes and edges in
 * the snapshot's order.
 */
public final class Cosmos {
    /** The rounds of the force-directed layout. */
    public static final int ITERATIONS = 60;
    /** The name of the layout, written in the projection. */
    public static final String LAYOUT = "force-3d";
    private static final double SCALE = 100;

    private Cosmos() {
    }

    /** A node placed in the cosmos. */
    public record Star(NodeType type, UUID id, String label, double x, double y, double z) {
        public Star {
            Check.required("type", type);
            Check.required("id", id);
        }
    }

    /** A laid-out graph: the stored form of a projection ({@link #toJson}, {@link #fromJson}). */
    public record Layout(String layout, List<Star> nodes, List<GraphSnapshot.Edge> edges) {
        public Layout {
            Check.required("layout", layout);
            nodes = List.copyOf(Check.required("nodes", nodes));
            edges = List.copyOf(Check.required("edges", edges));
        }
    }

    /** Lays {@code snapshot} out in 3D, the same on every JVM. */
    public static Layout layout(GraphSnapshot snapshot) {
        List<GraphSnapshot.Node> nodes = snapshot.nodes();
        int n = nodes.size();
        double[][] p = new double[n][];
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            p[i] = start(nodes.get(i).id());
            index.put(nodes.get(i).id(), i);
        }
        double k = n == 0 ? 1 : 1.0 / Math.sqrt(n); // the ideal distance in the unit cube, roughly
        int rounds = rounds(n);
        for (int round = 0; round < rounds; round++) {
            double[][] move = new double[n][3];
            for (int i = 0; i < n; i++) {
                double[] a = p[i];
                double[] mi = move[i];
                for (int j = i + 1; j < n; j++) {
                    double[] b = p[j];
                    double dx = b[0] - a[0];
                    double dy = b[1] - a[1];
                    double dz = b[2] - a[2];
                    double length = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (length < 1e-9) { // two nodes at one point: pushed apart along x, in their order
                        dx = 1e-9;
                        dy = 0;
                        dz = 0;
                        length = 1e-9;
                    }
                    double force = k * k / length;
                    double fx = dx / length * force;
                    double fy = dy / length * force;
                    double fz = dz / length * force;
                    double[] mj = move[j];
                    mi[0] += fx;
                    mj[0] -= fx;
                    mi[1] += fy;
                    mj[1] -= fy;
                    mi[2] += fz;
                    mj[2] -= fz;
                }
            }
            for (GraphSnapshot.Edge e : snapshot.edges()) {
                int i = index.get(e.from());
                int j = index.get(e.to());
                if (i == j) {
                    continue;
                }
                double[] d = delta(p[i], p[j], i, j);
                double length = d[3];
                double force = length * length / k * e.weight();
                for (int c = 0; c < 3; c++) {
                    double f = d[c] / length * force;
                    move[i][c] -= f;
                    move[j][c] += f;
                }
            }
            double limit = 0.1 * (rounds - round) / rounds;
            for (int i = 0; i < n; i++) {
                double length = Math.sqrt(move[i][0] * move[i][0] + move[i][1] * move[i][1] + move[i][2] * move[i][2]);
                if (length > 0) {
                    double step = Math.min(length, limit) / length;
                    for (int c = 0; c < 3; c++) {
                        p[i][c] += move[i][c] * step;
                    }
                }
            }
        }
        double extent = 0;
        double[] centre = new double[3];
        for (double[] q : p) {
            for (int c = 0; c < 3; c++) {
                centre[c] += q[c] / n;
            }
        }
        for (double[] q : p) {
            for (int c = 0; c < 3; c++) {
                extent = Math.max(extent, Math.abs(q[c] - centre[c]));
            }
        }
        double scale = extent == 0 ? 0 : SCALE / extent;
        List<Star> stars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GraphSnapshot.Node node = nodes.get(i);
            stars.add(new Star(node.type(), node.id(), node.label(), round((p[i][0] - centre[0]) * scale),
                    round((p[i][1] - centre[1]) * scale), round((p[i][2] - centre[2]) * scale)));
        }
        return new Layout(LAYOUT, stars, snapshot.edges());
    }

    /**
     * The rounds a layout of {@code n} nodes runs: {@value #ITERATIONS}, or fewer (at least 2) so that
     * the pairs visited stay under about 10⁸.
     */
    public static int rounds(int n) {
        double pairs = (double) n * (n - 1) / 2;
        return pairs == 0 ? ITERATIONS : (int) Math.max(2, Math.min(ITERATIONS, 1e8 / pairs));
    }

    /** {@code b - a} and its length; two nodes at one point are pushed apart along a direction fixed by their order. */
    private static double[] delta(double[] a, double[] b, int i, int j) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double dz = b[2] - a[2];
        double length = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (length < 1e-9) {
            dx = i < j ? 1e-9 : -1e-9;
            dy = 0;
            dz = 0;
            length = 1e-9;
        }
        return new double[] {dx, dy, dz, length};
    }

    /** A node's first position in the unit cube, from its id alone (SplitMix64). */
    private static double[] start(UUID id) {
        long state = id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17);
        double[] position = new double[3];
        for (int c = 0; c < 3; c++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            position[c] = (z >>> 11) * 0x1.0p-53 - 0.5;
        }
        return position;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** The projection data of a layout. */
    public static Json toJson(Layout layout) {
        return Json.of("projectionData", layout);
    }

    /** A layout read back from projection data written by {@link #toJson}. */
    public static Layout fromJson(Json projectionData) {
        return Check.required("projectionData", projectionData).as(Layout.class);
    }

    /**
     * Lays out the user's whole graph and writes it as a new {@link UserGraphProjection} (status
     * {@code completed}), in one unit of work: the layout is of the graph as the projection's commit
     * sees it. {@code store.graphProjections().latest(user)} serves the newest.
     */
    public static UserGraphProjection project(Store store, UserId userId) {
        Check.required("userId", userId);
        return store.inTransaction(tx -> tx.graphProjections()
                .create(new NewUserGraphProjection(userId, toJson(layout(tx.graph().subgraph(userId))))));
    }

    /**
     * The layout drawn as an SVG picture: an oblique view of the 3D positions (depth shifts a node up
     * and to the right, and shrinks it), nodes coloured by type with their labels, edges as lines.
     * Labels are escaped, and characters XML cannot hold are replaced by U+FFFD.
     */
    public static String svg(Layout layout) {
        int size = 800;
        double margin = 60;
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\">\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#0b1021\"/>\n");
        Map<UUID, double[]> at = new HashMap<>();
        double half = (size - 2 * margin) / 2;
        for (Star s : layout.nodes()) {
            double x = size / 2.0 + (s.x() + 0.35 * s.z()) / (SCALE * 1.35) * half;
            double y = size / 2.0 - (s.y() + 0.35 * s.z()) / (SCALE * 1.35) * half;
            at.put(s.id(), new double[] {x, y, 4 + 3 * (SCALE - s.z()) / (2 * SCALE)});
        }
        out.append("<g stroke=\"#8892b0\" stroke-opacity=\"0.5\">\n");
        for (GraphSnapshot.Edge e : layout.edges()) {
            double[] a = at.get(e.from());
            double[] b = at.get(e.to());
            if (a != null && b != null) {
                out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.2f\"><title>%s</title></line>%n",
                        a[0], a[1], b[0], b[1], 0.5 + 1.5 * e.weight(), e.type()));
            }
        }
        out.append("</g>\n<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#e6e6e6\">\n");
        for (Star s : layout.nodes()) {
            double[] a = at.get(s.id());
            out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%s</title></circle>%n",
                    a[0], a[1], a[2], colour(s.type()), s.type()));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", a[0] + a[2] + 2, a[1] + 4,
                    escape(s.label() == null ? "" : s.label())));
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    private static String colour(NodeType type) {
        return switch (type) {
            case User -> "#76b7b2";
            case MemoryUnit -> "#4e79a7";
            case Concept -> "#f28e2b";
            case DerivedArtifact -> "#59a14f";
            case Community -> "#e15759";
        };
    }

    /** Text made safe for XML content and attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
