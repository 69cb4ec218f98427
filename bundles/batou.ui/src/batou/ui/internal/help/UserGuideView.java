package batou.ui.internal.help;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Path;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The user guide (docs/user-guide.md, shipped in this bundle) as text, headings in bold: it works offline and needs
 * no browser engine.
 */
public final class UserGuideView {

    public static final String ID = "batou.ui.views.userGuide";

    /** Where the guide lies in this bundle. */
    static final String GUIDE = "guide/user-guide.md";

    private StyledText text;

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        text.setMargins(8, 8, 8, 8);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        show(read());
    }

    private void show(String markdown) {
        StringBuilder shown = new StringBuilder();
        List<StyleRange> headings = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "");
                StyleRange bold = new StyleRange(shown.length(), heading.length(), null, null);
                bold.font = JFaceResources.getHeaderFont();
                headings.add(bold);
                shown.append(heading);
            } else {
                shown.append(line);
            }
            shown.append('\n');
        }
        text.setText(shown.toString());
        text.setStyleRanges(headings.toArray(StyleRange[]::new));
    }

    private static String read() {
        Bundle bundle = FrameworkUtil.getBundle(UserGuideView.class);
        URL guide = bundle == null ? null : FileLocator.find(bundle, new Path(GUIDE));
        if (guide == null) {
            return HelpMessages.UserGuide_missing;
        }
        try (InputStream in = guide.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return HelpMessages.UserGuide_missing;
        }
    }

    @Focus
    public void setFocus() {
        text.setFocus();
    }

    /** The guide's text; for tests. */
    public StyledText text() {
        return text;
    }
}
