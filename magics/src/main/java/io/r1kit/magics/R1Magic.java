package io.r1kit.magics;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code %r1} line magic: {@code %r1 <command> [args...]}. Commands are registered here by
 * name; {@code %r1 help} lists them. An unknown command answers with the list instead of failing
 * silently.
 */
public final class R1Magic implements LineMagic<Object, BaseKernel> {

    /** One {@code %r1} sub-command. */
    interface Command {
        String help();

        Object run(List<String> args) throws Exception;
    }

    private final Map<String, Command> commands = new TreeMap<>();

    public R1Magic() {
        commands.put("version", new VersionCommand());
    }

    /**
     * Runs the command and displays its result in the cell's output (JJava shows a magic's
     * return value only when the magic is used as an expression, so a bare {@code %r1 version}
     * would otherwise print nothing). The value is returned as well, for {@code var v = %r1 ...}.
     */
    @Override
    public Object eval(BaseKernel kernel, List<String> args) throws Exception {
        Object result = run(args);
        if (kernel != null && result != null) {
            kernel.display(kernel.getRenderer().render(result));
        }
        return result;
    }

    /** Runs a command without a kernel (for JShell and tests). */
    public Object run(List<String> args) throws Exception {
        if (args.isEmpty() || args.get(0).equals("help")) {
            return help();
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            throw new IllegalArgumentException("%r1: unknown command '" + args.get(0) + "'\n" + help());
        }
        return command.run(args.subList(1, args.size()));
    }

    /** The commands and what they do, one per line. */
    public String help() {
        StringBuilder sb = new StringBuilder("usage: %r1 <command>\n");
        commands.forEach((name, c) -> sb.append(String.format("  %-10s %s%n", name, c.help())));
        return sb.toString();
    }
}
