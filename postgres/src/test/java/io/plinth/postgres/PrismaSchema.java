package io.plinth.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small parser for the subset of the Prisma schema language seed 004 uses: {@code model} blocks
 * with fields {@code name Type[?|[]] @attributes} ({@code @id}, {@code @unique}, {@code @default(…)},
 * {@code @updatedAt}, {@code @db.X}, {@code @relation(…)}) and the block attributes
 * {@code @@unique([…])}, {@code @@index([…])} and {@code @@map("…")}. {@code generator} and
 * {@code datasource} blocks and {@code //} comments are skipped. Anything else is refused, so a
 * construct the parser does not know cannot pass unnoticed.
 */
final class PrismaSchema {
    /** Prisma's scalar types; a field of another type is a relation field. */
    static final Set<String> SCALARS = Set.of("String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes");

    /** A column of an index or key, {@code sort: Desc} or not. */
    record KeyColumn(String name, boolean descending) {
        @Override
        public String toString() {
            return descending ? name + " DESC" : name;
        }
    }

    /** {@code @relation(name?, fields: […], references: […], onDelete: …, onUpdate: …)}; absent actions are null. */
    record Relation(String name, List<String> fields, List<String> references, String onDelete, String onUpdate) {
    }

    /**
     * One field. {@code type} is the bare type ({@code String}, or a model's name); {@code optional}
     * for {@code ?}, {@code list} for {@code []}; {@code defaultValue} is the text inside
     * {@code @default(…)} or null.
     */
    record Field(String name, String type, boolean optional, boolean list, boolean id, boolean unique,
                 boolean updatedAt, String defaultValue, Relation relation) {
        boolean scalar() {
            return SCALARS.contains(type);
        }
    }

    /** One model: its name, table ({@code @@map}, else the model's name), fields and block attributes. */
    record Model(String name, String table, List<Field> fields, List<List<KeyColumn>> uniques,
                 List<List<KeyColumn>> indexes) {
        Field field(String fieldName) {
            return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no field " + fieldName));
        }

        List<Field> scalars() {
            return fields.stream().filter(Field::scalar).toList();
        }
    }

    private final Map<String, Model> models;

    private PrismaSchema(Map<String, Model> models) {
        this.models = models;
    }

    /** Every model, in the order of the schema. */
    List<Model> models() {
        return List.copyOf(models.values());
    }

    Model model(String name) {
        Model m = models.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no model " + name);
        }
        return m;
    }

    /** The schema of seed 004 Part 1, from the test resource {@code seed-004-schema.prisma}. */
    static PrismaSchema seed004() {
        return parse(resourceText("/seed-004-schema.prisma"));
    }

    static String resourceText(String resource) {
        try (InputStream in = PrismaSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern BLOCK = Pattern.compile("(?m)^\\s*(model|generator|datasource|enum|type|view)\\s+(\\w+)\\s*\\{");
    private static final Pattern FIELD = Pattern.compile("^(\\w+)\\s+(\\w+)(\\[\\]|\\?)?\\s*(.*)$");

    static PrismaSchema parse(String text) {
        String source = stripComments(text);
        Map<String, Model> models = new LinkedHashMap<>();
        Matcher block = BLOCK.matcher(source);
        int at = 0;
        while (block.find(at)) {
            if (!source.substring(at, block.start()).isBlank()) {
                throw new IllegalArgumentException("unexpected text: " + source.substring(at, block.start()).strip());
            }
            int close = source.indexOf('}', block.end());
            if (close < 0) {
                throw new IllegalArgumentException("unterminated block " + block.group(2));
            }
            String kind = block.group(1);
            String body = source.substring(block.end(), close);
            if (kind.equals("model")) {
                models.put(block.group(2), model(block.group(2), body));
            } else if (!kind.equals("generator") && !kind.equals("datasource")) {
                throw new IllegalArgumentException("unsupported block: " + kind + " " + block.group(2));
            }
            at = close + 1;
        }
        if (!source.substring(at).isBlank()) {
            throw new IllegalArgumentException("unexpected text: " + source.substring(at).strip());
        }
        return new PrismaSchema(models);
    }

    /** Removes {@code //} comments outside string literals. */
    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            boolean quoted = false;
            int cut = line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                } else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    cut = i;
                    break;
                }
            }
            out.append(line, 0, cut).append('\n');
        }
        return out.toString();
    }

    private static Model model(String name, String body) {
        List<Field> fields = new ArrayList<>();
        List<List<KeyColumn>> uniques = new ArrayList<>();
        List<List<KeyColumn>> indexes = new ArrayList<>();
        String table = name;
        for (String raw : body.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("@@")) {
                Attribute a = attributes(line.substring(1)).get(0);
                switch (a.name()) {
                    case "map" -> table = unquote(a.args().strip());
                    case "unique" -> uniques.add(keyColumns(a.args()));
                    case "index" -> indexes.add(keyColumns(a.args()));
                    default -> throw new IllegalArgumentException(name + ": unsupported block attribute @@" + a.name());
                }
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(name + ": cannot read field: " + line);
            }
            boolean id = false;
            boolean unique = false;
            boolean updatedAt = false;
            String defaultValue = null;
            Relation relation = null;
            for (Attribute a : attributes(m.group(4))) {
                switch (a.name()) {
                    case "id" -> id = true;
                    case "unique" -> unique = true;
                    case "updatedAt" -> updatedAt = true;
                    case "default" -> defaultValue = a.args().strip();
                    case "relation" -> relation = relation(a.args());
                    default -> {
                        if (!a.name().startsWith("db.")) {
                            throw new IllegalArgumentException(name + "." + m.group(1) + ": unsupported attribute @" + a.name());
                        }
                    }
                }
            }
            String suffix = m.group(3);
            fields.add(new Field(m.group(1), m.group(2), "?".equals(suffix), "[]".equals(suffix), id, unique,
                    updatedAt, defaultValue, relation));
        }
        return new Model(name, table, List.copyOf(fields), List.copyOf(uniques), List.copyOf(indexes));
    }

    /** An attribute {@code @name} or {@code @name(args)}; args is null without parentheses. */
    private record Attribute(String name, String args) {
    }

    /** The attributes of a field's tail: {@code @id @default(uuid()) @db.JsonB}. */
    private static List<Attribute> attributes(String tail) {
        List<Attribute> out = new ArrayList<>();
        int i = 0;
        String s = tail.strip();
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            if (s.charAt(i) != '@') {
                throw new IllegalArgumentException("expected an attribute at: " + s.substring(i));
            }
            int start = ++i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '_')) {
                i++;
            }
            String attribute = s.substring(start, i);
            String args = null;
            if (i < s.length() && s.charAt(i) == '(') {
                int close = closing(s, i);
                args = s.substring(i + 1, close);
                i = close + 1;
            }
            out.add(new Attribute(attribute, args));
        }
        return out;
    }

    /** The index of the parenthesis or bracket closing the one at {@code open}, skipping string literals. */
    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("unbalanced: " + s.substring(open));
    }

    /** {@code [user_id, created_at(sort: Desc)]} → its columns. */
    private static List<KeyColumn> keyColumns(String args) {
        String list = args.strip();
        if (!list.startsWith("[")) {
            throw new IllegalArgumentException("expected a column list: " + args);
        }
        list = list.substring(1, closing(list, 0));
        List<KeyColumn> columns = new ArrayList<>();
        for (String item : splitTopLevel(list)) {
            String column = item.strip();
            boolean desc = false;
            int paren = column.indexOf('(');
            if (paren >= 0) {
                String options = column.substring(paren + 1, column.lastIndexOf(')')).replace(" ", "");
                if (!options.equals("sort:Desc") && !options.equals("sort:Asc")) {
                    throw new IllegalArgumentException("unsupported index column options: " + column);
                }
                desc = options.equals("sort:Desc");
                column = column.substring(0, paren).strip();
            }
            columns.add(new KeyColumn(column, desc));
        }
        return List.copyOf(columns);
    }

    private static Relation relation(String args) {
        String name = null;
        List<String> fields = List.of();
        List<String> references = List.of();
        String onDelete = null;
        String onUpdate = null;
        for (String item : splitTopLevel(args)) {
            String part = item.strip();
            int colon = part.indexOf(':');
            if (colon < 0) {
                name = unquote(part);
                continue;
            }
            String key = part.substring(0, colon).strip();
            String value = part.substring(colon + 1).strip();
            switch (key) {
                case "name" -> name = unquote(value);
                case "fields" -> fields = keyColumns(value).stream().map(KeyColumn::name).toList();
                case "references" -> references = keyColumns(value).stream().map(KeyColumn::name).toList();
                case "onDelete" -> onDelete = value;
                case "onUpdate" -> onUpdate = value;
                default -> throw new IllegalArgumentException("unsupported @relation argument " + key);
            }
        }
        return new Relation(name, fields, references, onDelete, onUpdate);
    }

    /** Splits on commas outside parentheses, brackets and string literals. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (!s.substring(start).isBlank()) {
            parts.add(s.substring(start));
        }
        return parts;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
            throw new IllegalArgumentException("expected a string literal: " + s);
        }
        return t.substring(1, t.length() - 1);
    }
}
