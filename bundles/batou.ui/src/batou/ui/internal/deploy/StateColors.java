package batou.ui.internal.deploy;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

import batou.engine.RootStatus;

/** The background colour of each {@link RootStatus}, made in (and freed with) a resource manager. */
final class StateColors {

    private final Map<RootStatus, Color> colors = new EnumMap<>(RootStatus.class);
    private final Color unreachable;

    StateColors(ResourceManager resources) {
        put(resources, RootStatus.PENDING, new RGB(232, 232, 232));
        put(resources, RootStatus.RUNNING, new RGB(255, 226, 128));
        put(resources, RootStatus.CHANGED, new RGB(166, 208, 255));
        put(resources, RootStatus.UNCHANGED, new RGB(200, 235, 200));
        put(resources, RootStatus.FAILED, new RGB(240, 140, 140));
        put(resources, RootStatus.SKIPPED, new RGB(255, 196, 130));
        unreachable = resources.create(ColorDescriptor.createFrom(new RGB(190, 190, 205)));
    }

    private void put(ResourceManager resources, RootStatus state, RGB rgb) {
        colors.put(state, resources.create(ColorDescriptor.createFrom(rgb)));
    }

    Color of(RootStatus state) {
        return colors.get(state);
    }

    /** The colour of a root whose host could not be reached. */
    Color unreachable() {
        return unreachable;
    }
}
