package io.r1kit.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The {@code --json} option every verb takes, and the printing that goes with it: text by default,
 * one JSON object with {@code --json}. A picocli mixin:
 *
 * <pre>{@code
 * @Mixin JsonOutput output;
 * ...
 * output.print(() -> toText(scene), () -> JsonOutput.pretty(toJson(scene)));
 * }</pre>
 */
final class JsonOutput {

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    /** The command this is mixed into (not the mixin's own spec), for its output streams. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Whether {@code --json} was given. */
    boolean json() {
        return json;
    }

    /** The command's standard output. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's error output (progress bars). */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints the text or, with {@code --json}, the JSON (only the one printed is made), then flushes. */
    void print(Supplier<String> text, Supplier<String> json) {
        PrintWriter out = out();
        out.println(this.json ? json.get() : text.get());
        out.flush();
    }

    /** {@code e} as indented JSON. */
    static String pretty(JsonElement e) {
        return new GsonBuilder().setPrettyPrinting().create().toJson(e);
    }
}
