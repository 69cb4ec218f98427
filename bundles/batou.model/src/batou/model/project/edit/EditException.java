package batou.model.project.edit;

/** An edit of environment.yaml that cannot be made: an unknown host, a name taken, or a result that would not load. */
public final class EditException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public EditException(String message) {
        super(message);
    }
}
