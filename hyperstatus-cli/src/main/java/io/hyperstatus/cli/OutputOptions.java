package io.hyperstatus.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code -f} and {@code -c} options of every command that prints, and the printing itself. */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-c", "--column"}, paramLabel = "COLUMN",
            description = "Print only this column (repeat for more), in the order given.")
    List<String> columns = new ArrayList<>();

    void print(ListOutput output) {
        write(writer().render(selected(output::select)));
    }

    void print(ShowOutput output) {
        write(writer().render(selected(output::select)));
    }

    /** The output cut down to the columns asked for; an unknown column is a usage error. */
    private <T> T selected(Function<List<String>, T> select) {
        try {
            return select.apply(columns);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    private OutputWriter writer() {
        return new OutputWriter(format, format == OutputFormat.table && Terminal.colourWanted(System.getenv()));
    }

    private void write(String text) {
        PrintWriter out = command.commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
