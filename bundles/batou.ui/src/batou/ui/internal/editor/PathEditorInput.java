package batou.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.PartInitException;

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

    /** Reads a file into an editor's document. */
    @FunctionalInterface
    interface DocumentReader<T> {
        T read(Path file) throws IOException;
    }

    /**
     * What {@code reader} reads from the file of {@code input}, for an editor's {@code init}: another input is refused
     * naming {@code editor}, a file that cannot be read is the editors' "cannot open" error.
     */
    static <T> T read(IEditorInput input, String editor, DocumentReader<T> reader) throws PartInitException {
        if (!(input instanceof PathEditorInput pathInput)) {
            throw new PartInitException("the " + editor + " opens files: " + input.getName());
        }
        try {
            return reader.read(pathInput.file());
        } catch (IOException e) {
            throw new PartInitException(NLS.bind(EditorMessages.Editor_cannotOpen, pathInput.file(), e.getMessage()),
                    e);
        }
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
