package batou.ui.internal;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.IExecutableExtensionFactory;
import org.eclipse.core.runtime.Status;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.InjectionException;
import org.eclipse.ui.PlatformUI;

/**
 * Creates what plugin.xml names after its colon ({@code class="batou.ui.internal.Injected:batou.ui...Handler"})
 * with dependency injection from the workbench's context: the 3.x extension points (handlers, editors, toolbar
 * controls) create their classes with a no-argument constructor, and this way they get the workbench's services
 * through an {@code @Inject} constructor, as the e4 views do.
 */
public final class Injected implements IExecutableExtensionFactory, IExecutableExtension {

    private String type;

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        type = data instanceof String name ? name.trim() : null;
    }

    @Override
    public Object create() throws CoreException {
        if (type == null || type.isEmpty()) {
            throw new CoreException(Status.error("plugin.xml names no class after " + getClass().getName() + ":"));
        }
        IEclipseContext context = PlatformUI.getWorkbench().getService(IEclipseContext.class);
        try {
            return ContextInjectionFactory.make(getClass().getClassLoader().loadClass(type), context);
        } catch (ClassNotFoundException | InjectionException e) {
            throw new CoreException(Status.error("cannot create " + type + ": " + e.getMessage(), e));
        }
    }
}
