package batou.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;

import batou.model.BatouVersion;
import batou.ui.internal.UIText;

/** Help > About batou: the version and the commit this batou was built from, and the Java running it. */
public final class AboutHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        MessageDialog.openInformation(HandlerUtil.getActiveShell(event), UIText.About_title, text());
        return null;
    }

    /** The text of the dialog. */
    public static String text() {
        BatouVersion version = BatouVersion.current();
        return NLS.bind(UIText.About_text, new Object[] { version.version(), version.commit(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor") });
    }
}
