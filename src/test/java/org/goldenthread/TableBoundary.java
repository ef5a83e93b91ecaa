package org.goldenthread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL in one module's Java sources that names another module's tables. A module owns what its
 * migrations create; it may offer a view or function to other modules by documenting it in its
 * package-info, and only modules allowed to depend on it may use what it offers. Tables are never
 * offered: they are free to change with the module that owns them.
 */
final class TableBoundary {

    enum Kind {
        TABLE,
        VIEW,
        FUNCTION
    }

    record Owned(String module, Kind kind) {}

    /** SQL in {@code file} of {@code module} names {@code name}, which {@code owner} keeps to itself. */
    record Violation(String module, String file, String name, Owned owner, String why) {

        @Override
        public String toString() {
            return module + " (" + file + ") names " + owner.module() + "'s "
                    + owner.kind().name().toLowerCase(Locale.ROOT) + " " + name + ": " + why;
        }
    }

    /** How a module stands towards the others: what it offers them and which of them it may use. */
    record Module(Set<String> offers, Set<String> allowedDependencies) {}

    private final Map<String, Owned> owners;
    private final Map<String, Module> modules;

    TableBoundary(Map<String, Owned> owners, Map<String, Module> modules) {
        this.owners = Map.copyOf(owners);
        this.modules = Map.copyOf(modules);
    }

    /** The boundaries as this repository draws them: migrations by module, and each module's package-info. */
    static TableBoundary of(Path migrations, Path sources) {
        Map<String, Owned> owners = new HashMap<>();
        Map<String, Module> modules = new HashMap<>();
        for (Path folder : list(migrations)) {
            String module = folder.getFileName().toString();
            for (Path migration : list(folder)) {
                owners.putAll(created(module, read(migration)));
            }
        }
        for (Path folder : list(sources)) {
            Path packageInfo = folder.resolve("package-info.java");
            if (Files.isDirectory(folder) && Files.exists(packageInfo)) {
                modules.put(folder.getFileName().toString(), module(read(packageInfo)));
            }
        }
        return new TableBoundary(owners, modules);
    }

    private static final Pattern CREATE = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(?:temp|temporary|unlogged)\\s+)?"
                    + "(table|view|materialized\\s+view|function)\\s+(?:if\\s+not\\s+exists\\s+)?(?:public\\.)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    /** What a migration creates: its tables, views and functions, owned by the module whose folder it is in. */
    static Map<String, Owned> created(String module, String migration) {
        Map<String, Owned> created = new HashMap<>();
        Matcher m = CREATE.matcher(withoutSqlComments(migration));
        while (m.find()) {
            String what = m.group(1).toLowerCase(Locale.ROOT);
            Kind kind = what.equals("table") ? Kind.TABLE : what.equals("function") ? Kind.FUNCTION : Kind.VIEW;
            created.put(m.group(2).toLowerCase(Locale.ROOT), new Owned(module, kind));
        }
        return created;
    }

    private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("\\w+");

    /**
     * A module's package-info: every word of its Javadoc may name something it offers (only views and
     * functions count), and its allowed dependencies, by module ("platform :: web" is platform).
     */
    static Module module(String packageInfo) {
        int javadocEnd = packageInfo.indexOf("*/");
        Set<String> words = new LinkedHashSet<>();
        Matcher w = WORD.matcher(javadocEnd < 0 ? "" : packageInfo.substring(0, javadocEnd));
        while (w.find()) {
            words.add(w.group().toLowerCase(Locale.ROOT));
        }
        Set<String> allowed = new LinkedHashSet<>();
        Matcher a = ALLOWED.matcher(packageInfo);
        if (a.find()) {
            Matcher q = QUOTED.matcher(a.group(1));
            while (q.find()) {
                allowed.add(q.group(1).split("::")[0].trim());
            }
        }
        return new Module(words, allowed);
    }

    /** Every violation in the Java sources under {@code sources}, module by module. */
    List<Violation> check(Path sources) {
        List<Violation> found = new ArrayList<>();
        for (Path folder : list(sources)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String module = folder.getFileName().toString();
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .forEach(f ->
                                found.addAll(check(module, sources.relativize(f).toString(), read(f))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The violations in one Java source file of {@code module}. */
    List<Violation> check(String module, String file, String javaSource) {
        List<Violation> found = new ArrayList<>();
        for (String sql : sqlIn(javaSource)) {
            Set<String> named = relations(sql);
            calls(sql).stream()
                    .filter(c -> owners.containsKey(c) && owners.get(c).kind() == Kind.FUNCTION)
                    .forEach(named::add);
            for (String name : named) {
                Owned owner = owners.get(name);
                if (owner == null || owner.module().equals(module)) {
                    continue;
                }
                String why = why(module, name, owner);
                if (why != null) {
                    found.add(new Violation(module, file, name, owner, why));
                }
            }
        }
        return found;
    }

    private String why(String module, String name, Owned owner) {
        if (owner.kind() == Kind.TABLE) {
            return "a table is its owner's own; read it through a view or function the owner offers, or its Java API";
        }
        Module offering = modules.get(owner.module());
        if (offering == null || !offering.offers().contains(name)) {
            return "not offered: " + owner.module() + "'s package-info does not document it";
        }
        Module using = modules.get(module);
        if (using != null && !using.allowedDependencies().contains(owner.module())) {
            return module + "'s package-info does not allow it to depend on " + owner.module();
        }
        return null;
    }

    // ------------------------------------------------------------------ reading SQL out of Java

    /**
     * The string literals and text blocks of a Java source that read as SQL, with literals joined by
     * {@code +} taken as one and SQL comments left out. Java comments are skipped, so words in them
     * never count.
     */
    static List<String> sqlIn(String javaSource) {
        List<String> sql = new ArrayList<>();
        for (String literal : literals(javaSource)) {
            String text = withoutSqlComments(literal);
            if (readsAsSql(text)) {
                sql.add(text);
            }
        }
        return sql;
    }

    /** The string literals and text blocks of a Java source, adjacent ones joined by {@code +} as one. */
    static List<String> literals(String src) {
        List<String> literals = new ArrayList<>();
        StringBuilder current = null;
        boolean joining = false;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                i = endOfLine(src, i);
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = closing(src, i + 1, "'");
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                int start = block ? i + 3 : i + 1;
                int end = closing(src, start, block ? "\"\"\"" : "\"");
                String text = src.substring(start, Math.max(start, end - (block ? 3 : 1)));
                if (current != null && joining) {
                    current.append(text);
                } else {
                    if (current != null) {
                        literals.add(current.toString());
                    }
                    current = new StringBuilder(text);
                }
                joining = false;
                i = end;
            } else if (c == '+' && current != null) {
                joining = true;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                if (current != null) {
                    literals.add(current.toString());
                    current = null;
                }
                joining = false;
                i++;
            }
        }
        if (current != null) {
            literals.add(current.toString());
        }
        return literals;
    }

    private static int endOfLine(String src, int from) {
        int end = src.indexOf('\n', from);
        return end < 0 ? src.length() : end + 1;
    }

    /** Just past the unescaped {@code quote} that closes a literal whose text starts at {@code from}. */
    private static int closing(String src, int from, String quote) {
        int i = from;
        while (i < src.length()) {
            if (src.charAt(i) == '\\') {
                i += 2;
            } else if (src.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return src.length();
    }

    private static final Pattern SQL_COMMENT = Pattern.compile("--[^\\n]*|/\\*[\\s\\S]*?\\*/");

    private static String withoutSqlComments(String sql) {
        return SQL_COMMENT.matcher(sql).replaceAll(" ");
    }

    /** A statement, or a fragment one is built from, starting with a keyword in lower or upper case. */
    private static final Pattern SQL_START = Pattern.compile(
            "^[\\s(]*(select|insert|update|delete|with|from|join|left|right|inner|full|cross|where|union|and|or"
                    + "|order|group|having|limit|on|returning|values|set|as|for|SELECT|INSERT|UPDATE|DELETE|WITH|FROM"
                    + "|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|WHERE|UNION|AND|OR|ORDER|GROUP|HAVING|LIMIT|ON|RETURNING"
                    + "|VALUES|SET|AS|FOR)\\b");

    /** A subquery, wherever it stands in a fragment ("a.id in (select ..."). */
    private static final Pattern SUBQUERY = Pattern.compile("\\(\\s*(?:select|SELECT)\\b");

    /**
     * Whether a literal is SQL rather than prose: it starts with a keyword, or holds a subquery. Prose
     * starts in sentence case ("Select the seat from the forum's list"); SQL keywords here are in lower
     * or upper case throughout.
     */
    static boolean readsAsSql(String text) {
        return SQL_START.matcher(text).find() || SUBQUERY.matcher(text).find();
    }

    /** Where SQL names a relation: after these keywords, and after a comma in a list of them. */
    private static final Pattern RELATION = Pattern.compile(
            "\\b(?:from|join|into|update|using)\\s+(?:(?:only|lateral)\\s+)?((?:\\w+\\.)?\\w+)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NEXT_IN_LIST = Pattern.compile(
            "\\G\\s*(?:\\([^()]*\\))?\\s*(?:as\\s+)?(?:(?!(?:where|on|join|left|right|inner|full|cross|order|group"
                    + "|limit|union|set|returning|using|natural|lateral)\\b)\\w+)?\\s*,\\s*(?:lateral\\s+)?((?:\\w+\\.)?\\w+)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\(");

    /** The tables and views a piece of SQL reads or writes, in lower case. */
    static Set<String> relations(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = RELATION.matcher(sql);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (name.contains(".") && !name.startsWith("public.")) {
                continue; // a column, as in extract(year from a.start_date)
            }
            names.add(unqualified(name));
            if (m.group().regionMatches(true, 0, "from", 0, 4)) {
                Matcher next = NEXT_IN_LIST.matcher(sql);
                int at = m.end();
                while (next.find(at) && next.start() == at) {
                    names.add(unqualified(next.group(1)));
                    at = next.end();
                }
            }
        }
        return names;
    }

    /** Every word a piece of SQL calls as a function, in lower case: only those a module creates count. */
    static Set<String> calls(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher call = CALL.matcher(sql);
        while (call.find()) {
            names.add(call.group(1).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String unqualified(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("public.") ? lower.substring("public.".length()) : lower;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
