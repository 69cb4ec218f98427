package batou.ui.internal.deploy;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** The background colour of each {@link RootState}, made in (and freed with) a resource manager. */
final class StateColors {

    private final Map<RootState, Color> colors = new EnumMap<>(RootState.class);

    StateColors(ResourceManager resources) {
        put(resources, RootState.PENDING, new RGB(232, 232, 232));
        put(resources, RootState.RUNNING, new RGB(255, 226, 128));
        put(resources, RootState.CHANGED, new RGB(166, 208, 255));
        put(resources, RootState.UNCHANGED, new RGB(200, 235, 200));
        put(resources, RootState.FAILED, new RGB(240, 140, 140));
        put(resources, RootState.SKIPPED, new RGB(255, 196, 130));
    }

    private void put(ResourceManager resources, RootState state, RGB rgb) {
        colors.put(state, resources.create(ColorDescriptor.createFrom(rgb)));
    }

    Color of(RootState state) {
        return colors.get(state);
    }
}
