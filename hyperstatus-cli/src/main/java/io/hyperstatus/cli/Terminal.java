package io.hyperstatus.cli;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/** Whether to colour: only for a person at a terminal, never into a pipe or file, and never under NO_COLOR. */
final class Terminal {
    private Terminal() {
    }

    static boolean colourWanted(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return false;
        }
        if ("dumb".equals(environment.get("TERM"))) {
            return false;
        }
        return atTerminal(System.console());
    }

    /**
     * Up to Java 21 there is a console only when both stdin and stdout are a terminal; from Java 22 on there is
     * always one, and {@code Console.isTerminal()} (not in Java 17, hence the look-up) tells. When in doubt, no.
     */
    private static boolean atTerminal(Console console) {
        if (console == null) {
            return false;
        }
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
