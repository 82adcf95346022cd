package io.r1kit.magics;

import io.r1kit.Startup;
import io.r1kit.display.HtmlRenderable;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * Registers r1kit's magics and display renderers with a JJava kernel. The kernel discovers this
 * class through {@code META-INF/services/org.dflib.jjava.jupyter.Extension} when the magics jar
 * is on {@code JJAVA_CLASSPATH}. The magics of one kernel share a {@link MagicState}.
 */
public final class R1Extension implements Extension {

    /** The line magic's name: cells say {@code %r1 version}. */
    public static final String MAGIC = "r1";

    @Override
    public void install(BaseKernel kernel) {
        MagicState state = new MagicState(kernel);
        var magics = kernel.getMagicsRegistry();
        magics.registerLineMagic(MAGIC, line(new R1Magic()::eval));
        magics.registerLineMagic("scene", line((k, args) -> SceneMagic.run(state, args)));
        magics.registerLineMagic("render", line((k, args) -> RenderMagic.run(state, args)));
        magics.registerLineMagic("views", line((k, args) -> ViewsMagic.run(state, args)));
        magics.registerLineMagic("ask", line((k, args) -> AskMagic.run(state, args, null)));
        magics.registerCellMagic("ask", cell((k, args, body) -> AskMagic.run(state, args, body)));
        magics.registerLineMagic("reward", line((k, args) -> RewardMagic.run(state, args)));
        magics.registerCellMagic("sft", cell((k, args, body) -> SftMagic.run(state, args, body)));
        magics.registerCellMagic("grpo", cell((k, args, body) -> GrpoMagic.run(state, args, body)));
        magics.registerLineMagic("cot", line((k, args) -> CotMagic.run(state, args)));
        magics.registerLineMagic("eval", line((k, args) -> EvalMagic.run(state, args)));
        // JJava runs its own startup scripts before this jar is on the class path, so the
        // toolkit's imports are evaluated here, once the classes can be resolved.
        for (String statement : Startup.statements()) {
            kernel.eval(statement);
        }
        // Toolkit objects that know their HTML form show as HTML; text stays available too.
        kernel.getRenderer().createRegistration(HtmlRenderable.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((value, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, value::toHtml);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, value::toString);
                });
    }

    /** A line magic that shows what it returns (see {@link #show}) and prints a refusal as one line. */
    static LineMagic<Object, BaseKernel> line(LineMagic<Object, BaseKernel> magic) {
        return (k, args) -> {
            try {
                return show(k, magic.eval(k, args));
            } catch (MagicError e) {
                return refuse(e);
            }
        };
    }

    /** A cell magic that shows what it returns and prints a refusal as one line, as {@link #line} does. */
    static CellMagic<Object, BaseKernel> cell(CellMagic<Object, BaseKernel> magic) {
        return (k, args, body) -> {
            try {
                return show(k, magic.eval(k, args, body));
            } catch (MagicError e) {
                return refuse(e);
            }
        };
    }

    /**
     * Prints a refusal on the cell's error stream and shows nothing else. Thrown on, JJava would wrap it and
     * print the kernel's stack trace under it; the message already says what was wrong and how to fix it.
     */
    static Object refuse(MagicError e) {
        System.err.println(e.getMessage());
        System.err.flush();
        return null;
    }

    /**
     * Displays {@code result} in the cell's output and returns it. JJava shows a magic's value only when the
     * magic is used as an expression, so a bare {@code %render} would otherwise show nothing.
     */
    static Object show(BaseKernel kernel, Object result) {
        if (kernel != null && result != null) {
            kernel.display(kernel.getRenderer().render(result));
        }
        return result;
    }
}
