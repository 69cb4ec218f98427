package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.application.ApplicationDescriptor;
import org.osgi.service.application.ApplicationHandle;

/** Launches the registered OSGi application {@code batou.deploy}, as {@code eclipse -application} does. */
class BatouApplicationTest {

    private static Object launch(String... arguments) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(BatouApplicationTest.class).getBundleContext();
        Collection<ServiceReference<ApplicationDescriptor>> references = context
                .getServiceReferences(ApplicationDescriptor.class, "(service.pid=batou.deploy)");
        assertEquals(1, references.size(), "exactly one application registered as batou.deploy");
        ApplicationDescriptor descriptor = context.getService(references.iterator().next());
        assertNotNull(descriptor);
        ApplicationHandle handle = descriptor.launch(Map.of("application.args", arguments));
        return handle.getExitValue(60_000);
    }

    @Test
    void applicationReturnsZeroForVersion() throws Exception {
        assertEquals(Integer.valueOf(ExitCode.OK), launch("--version"));
    }

    @Test
    void applicationReturnsTwoForAnUnknownCommand() throws Exception {
        assertEquals(Integer.valueOf(ExitCode.USAGE), launch("nonsense"));
    }
}
