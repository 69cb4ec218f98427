package batou.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Every UI test class fails when the workspace log records an exception during one of its tests. */
@ExtendWith(WorkspaceLogGuard.class)
class UiTestsGuardTheLogTest {

    @Test
    void everyTestClassRegistersTheGuard() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        List<URL> classes = Collections.list(bundle.findEntries("/", "*Test.class", true));
        List<String> unguarded = new ArrayList<>();
        for (URL url : classes) {
            String path = url.getPath();
            String name = path.substring(path.indexOf("batou/")).replace(".class", "").replace('/', '.');
            Class<?> type = bundle.loadClass(name);
            ExtendWith extensions = type.getAnnotation(ExtendWith.class);
            if (name.equals(WorkspaceLogGuardTest.class.getName())) {
                continue; // logs an exception on purpose
            }
            if (extensions == null || !List.of(extensions.value()).contains(WorkspaceLogGuard.class)) {
                unguarded.add(name);
            }
        }
        assertTrue(classes.size() > 10, "found the UI tests: " + classes);
        assertEquals(List.of(), unguarded, "add @ExtendWith(WorkspaceLogGuard.class)");
    }
}
