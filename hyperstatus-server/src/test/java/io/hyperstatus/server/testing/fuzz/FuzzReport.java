package io.hyperstatus.server.testing.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Violations grouped into classes (rule, request family, route, status), each shown once with a request that
 * reproduces it and an excerpt of what came back; the summary stays short however many requests broke a rule.
 */
public final class FuzzReport {
    private FuzzReport() {
    }

    public record Group(String kind, String family, String route, int status, int count, Violation example) {
    }

    public static List<Group> group(List<Violation> violations) {
        Map<String, List<Violation>> byKey = new TreeMap<>();
        for (Violation v : violations) {
            String key = v.kind() + "\u0001" + v.request().family() + "\u0001" + v.request().route() + "\u0001"
                    + v.answer().status();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        List<Group> groups = new ArrayList<>();
        byKey.values().forEach(list -> {
            Violation first = list.get(0);
            groups.add(new Group(first.kind(), first.request().family(), first.request().route(),
                    first.answer().status(), list.size(), first));
        });
        return groups;
    }

    /**
     * A failure class: the rule, the status and what the body says with ids, numbers and echoed values blurred, so
     * that one defect seen through many routes and request families is one class.
     */
    static String signature(Violation v) {
        Answer a = v.answer();
        if (!a.answered()) {
            return v.kind() + " | " + a.failure().replaceAll("[0-9]+", "N");
        }
        String body = a.body();
        java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?is)<title>(.*?)</title>").matcher(body);
        String said = title.find() ? "html: " + title.group(1) : body;
        said = said.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "U")
                .replaceAll("'[^']*'", "'…'").replaceAll("[0-9]+", "N").replaceAll("\\s+", " ");
        if (said.length() > 90) {
            said = said.substring(0, 90);
        }
        // A 500's message names the class that escaped; each is a failure of its own.
        java.util.regex.Matcher escaped = java.util.regex.Pattern.compile("<class '([^']*)'>").matcher(body);
        if (escaped.find()) {
            said += " <class '" + escaped.group(1) + "'>";
        }
        String type = a.contentType() == null ? "-" : a.contentType().split(";", 2)[0];
        return v.kind() + " | " + a.status() + " " + type + " | " + said;
    }

    /** At most about {@code maxLines} lines: counts by rule, data changes, then two lines per failure class. */
    public static String summary(long seed, int requests, List<Violation> violations, List<String> dataChanges,
                                 int maxLines) {
        StringBuilder out = new StringBuilder();
        out.append(violations.size()).append(" violations in ").append(requests).append(" requests (seed ")
                .append(seed).append("; rerun with -Dhyperstatus.fuzz.seed=").append(seed).append(")\n");
        Map<String, Integer> byKind = new TreeMap<>();
        violations.forEach(v -> byKind.merge(v.kind(), 1, Integer::sum));
        byKind.forEach((kind, count) -> out.append("  ").append(count).append(" x ").append(kind).append('\n'));
        dataChanges.forEach(change -> out.append("  data changed: ").append(Shorten.to(change, 300)).append('\n'));
        Map<String, List<Violation>> classes = classes(violations);
        int lines = (int) out.chars().filter(c -> c == '\n').count();
        int shown = 0;
        for (Map.Entry<String, List<Violation>> e : classes.entrySet()) {
            if (lines + 3 > maxLines) {
                break;
            }
            List<Violation> list = e.getValue();
            Violation first = list.get(0);
            long routes = list.stream().map(v -> v.request().route()).distinct().count();
            List<String> families = list.stream().map(v -> v.request().family()).distinct().toList();
            out.append("- ").append(Shorten.to(e.getKey(), 150)).append('\n');
            out.append("    ").append(list.size()).append(" request(s), ").append(routes).append(" route(s), ")
                    .append(families.size()).append(" famil").append(families.size() == 1 ? "y" : "ies").append(" (")
                    .append(Shorten.to(String.join(", ", families), 80)).append("), e.g. ")
                    .append(Shorten.to(first.request().toString(), 100)).append('\n');
            lines += 2;
            shown++;
        }
        if (shown < classes.size()) {
            out.append("  ... and ").append(classes.size() - shown)
                    .append(" more classes, all in target/fuzz-report-<database>.txt\n");
        }
        return out.toString();
    }

    /** The violations by failure class, most frequent first. */
    public static Map<String, List<Violation>> classes(List<Violation> violations) {
        Map<String, List<Violation>> bySignature = new LinkedHashMap<>();
        violations.forEach(v -> bySignature.computeIfAbsent(signature(v), k -> new ArrayList<>()).add(v));
        List<Map.Entry<String, List<Violation>>> sorted = new ArrayList<>(bySignature.entrySet());
        sorted.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        Map<String, List<Violation>> out = new LinkedHashMap<>();
        sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Every class with its reproduction command, for the report file. */
    public static String full(long seed, List<Violation> violations, List<String> dataChanges) {
        StringBuilder out = new StringBuilder("seed " + seed + "\n");
        dataChanges.forEach(change -> out.append("data changed: ").append(change).append('\n'));
        out.append("\n== failure classes ==\n");
        classes(violations).forEach((signature, list) -> {
            Violation first = list.get(0);
            out.append(signature).append(" | ").append(list.size()).append(" request(s)\n");
            out.append("  families: ").append(String.join(", ",
                    list.stream().map(v -> v.request().family()).distinct().toList())).append('\n');
            out.append("  routes: ").append(String.join(", ",
                    list.stream().map(v -> v.request().route()).distinct().toList())).append('\n');
            out.append("  ").append(first.request().reproduction()).append('\n');
            out.append("  -> ").append(excerpt(first.answer(), 400)).append('\n');
        });
        out.append("\n== by rule, family, route and status ==\n");
        for (Group g : group(violations)) {
            out.append(g.kind()).append(" | ").append(g.family()).append(" | ").append(g.route()).append(" | status ")
                    .append(g.status()).append(" | ").append(g.count()).append(" request(s)\n");
            out.append("  ").append(g.example().request().reproduction()).append('\n');
            out.append("  -> ").append(excerpt(g.example().answer(), 400)).append('\n');
        }
        return out.toString();
    }

    static String excerpt(Answer answer, int max) {
        if (!answer.answered()) {
            return answer.failure() + " (" + answer.millis() + " ms)";
        }
        String body = answer.body().replace("\n", "\\n").replace("\r", "\\r");
        return answer.status() + " " + answer.contentType() + " " + answer.millis() + " ms: "
                + (body.length() > max ? body.substring(0, max) + "..." : body);
    }
}
