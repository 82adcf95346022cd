package io.r1kit.magics;

import io.r1kit.Startup;
import io.r1kit.display.HtmlRenderable;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Registers r1kit's magics and display renderers with a JJava kernel. The kernel discovers this
 * class through {@code META-INF/services/org.dflib.jjava.jupyter.Extension} when the magics jar
 * is on {@code JJAVA_CLASSPATH}.
 */
public final class R1Extension implements Extension {

    /** The line magic's name: cells say {@code %r1 version}. */
    public static final String MAGIC = "r1";

    @Override
    public void install(BaseKernel kernel) {
        kernel.getMagicsRegistry().registerLineMagic(MAGIC, new R1Magic());
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
}
