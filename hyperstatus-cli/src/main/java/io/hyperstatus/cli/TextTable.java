package io.hyperstatus.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table with the borders python-openstackclient draws. Widths count the plain text only: colour codes
 * are added to a cell after it is padded, so they never shift the columns.
 */
final class TextTable {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private TextTable() {
    }

    static String render(List<String> columns, List<List<String>> rows, boolean colour) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        String rule = rule(widths);
        StringBuilder text = new StringBuilder(rule);
        line(text, columns, widths, false);
        text.append(rule);
        for (List<String> row : rows) {
            line(text, row, widths, colour);
        }
        return text.append(rule).toString();
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("+");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('+');
        }
        return rule.append('\n').toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths, boolean colour) {
        text.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            String padded = cell + " ".repeat(widths[i] - cell.length());
            text.append(' ').append(colour ? highlight(cell, padded) : padded).append(" |");
        }
        text.append('\n');
    }

    /** What an operator scans for: hosts that are down (red) or disabled (yellow). */
    private static String highlight(String cell, String padded) {
        return switch (cell) {
            case "down" -> RED + padded + RESET;
            case "disabled" -> YELLOW + padded + RESET;
            default -> padded;
        };
    }

    static List<List<String>> texts(List<List<Object>> rows) {
        List<List<String>> texts = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> line = new ArrayList<>();
            row.forEach(value -> line.add(Values.text(value)));
            texts.add(line);
        }
        return texts;
    }
}
