package batou.ui.internal.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A file on disk as editor input (the workbench has no workspace): equal inputs for the same file. */
public final class PathEditorInput implements IPathEditorInput {

    private final Path file;

    public PathEditorInput(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public IPath getPath() {
        return IPath.fromOSString(file.toString());
    }

    @Override
    public boolean exists() {
        return java.nio.file.Files.isRegularFile(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    /** {@code <environment>/environment.yaml}. */
    @Override
    public String getName() {
        Path folder = file.getParent();
        return folder == null ? file.getFileName().toString() : folder.getFileName() + "/" + file.getFileName();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return file.toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathEditorInput input && input.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }
}
