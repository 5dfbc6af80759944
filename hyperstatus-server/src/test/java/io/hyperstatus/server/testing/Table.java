package io.hyperstatus.server.testing;

import java.util.Arrays;
import java.util.List;

/**
 * A table of cases written as a text block, one case a line and its cells separated by {@code " | "}: for a spec
 * that checks many inputs against one running server, where each case as a test of its own would start one.
 */
public final class Table {
    private Table() {
    }

    public static List<List<String>> rows(String text) {
        return text.lines().filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.split(" \\| ", -1)).map(String::strip).toList())
                .toList();
    }
}
