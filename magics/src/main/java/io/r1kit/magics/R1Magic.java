package io.r1kit.magics;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code %r1} line magic: {@code %r1 <command> [args...]} ({@code version}, {@code device}, {@code help}); {@code %r1 help}
 * lists every magic of the toolkit with one line each ({@code %scene}, {@code %render}, {@code %views},
 * {@code %ask}, {@code %reward}, {@code %%sft}, {@code %%grpo}, {@code %cot}, {@code %eval}). An unknown
 * command answers with the list.
 */
public final class R1Magic implements LineMagic<Object, BaseKernel> {

    /** One {@code %r1} sub-command. */
    interface Command {
        String help();

        Object run(List<String> args) throws Exception;
    }

    /** Every magic and its one line, in the order a session uses them. */
    static final Map<String, String> MAGICS = magics();

    private final Map<String, Command> commands = new TreeMap<>();

    public R1Magic() {
        commands.put("version", new VersionCommand());
        commands.put("device", new DeviceCommand());
    }

    private static Map<String, String> magics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("%r1 version", "toolkit, Java and DJL engine versions, and the device in use");
        m.put("%r1 device", DeviceCommand.HELP);
        m.put("%r1 help", "this list");
        m.put("%scene", SceneMagic.HELP);
        m.put("%render", RenderMagic.HELP);
        m.put("%views", ViewsMagic.HELP);
        m.put("%ask", AskMagic.HELP);
        m.put("%reward", RewardMagic.HELP);
        m.put("%%sft", SftMagic.HELP);
        m.put("%%grpo", GrpoMagic.HELP);
        m.put("%cot", CotMagic.HELP);
        m.put("%eval", EvalMagic.HELP);
        return m;
    }

    /** Runs the command; the extension registers it to show the result ({@link R1Extension#line}). */
    @Override
    public Object eval(BaseKernel kernel, List<String> args) throws Exception {
        return run(args);
    }

    /** Runs a command without a kernel (for JShell and tests). */
    public Object run(List<String> args) throws Exception {
        if (args.isEmpty() || args.get(0).equals("help")) {
            return help();
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            throw new MagicError("%r1: unknown command '" + args.get(0) + "'\n" + help());
        }
        return command.run(args.subList(1, args.size()));
    }

    /** Every magic and what it does, one per line; each takes {@code --help} for its usage. */
    public String help() {
        StringBuilder sb = new StringBuilder("r1kit magics (each takes --help):\n");
        MAGICS.forEach((name, h) -> sb.append(String.format("  %-12s %s%n", name, h)));
        return sb.toString();
    }
}
