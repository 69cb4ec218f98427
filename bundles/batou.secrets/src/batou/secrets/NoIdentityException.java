package batou.secrets;

import batou.secrets.age.AgeException;

/**
 * The user has no identity at all (none configured, no default SSH key): a front end tells where to set one (the
 * command line names {@code BATOU_AGE_IDENTITIES}, the workbench its preference page).
 */
public final class NoIdentityException extends AgeException {

    private static final long serialVersionUID = 1L;

    public NoIdentityException(String message) {
        super(message);
    }
}
