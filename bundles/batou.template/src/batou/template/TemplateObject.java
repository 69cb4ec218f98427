package batou.template;

/**
 * A Java object that templates can read attributes of ({@code obj.name} and {@code obj['name']}) without building a
 * {@link java.util.Map}. Implementations must be safe to call from several threads if the same object is rendered in
 * parallel, and should be cheap: {@link #attribute(String)} runs on every access.
 * <p>
 * The values returned follow the same rules as context values: {@code Map}, {@code List} (and arrays, collections),
 * {@code String}, numbers, {@code Boolean}, {@code null} (Jinja's {@code none}) or another {@code TemplateObject}.
 * An object is printed with its {@link Object#toString()}.
 */
public interface TemplateObject {

    /** Returned by {@link #attribute(String)} when the object has no such attribute. */
    Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "TemplateObject.UNDEFINED";
        }
    };

    /**
     * @param name the attribute name
     * @return the value (may be {@code null}), or {@link #UNDEFINED} if there is no such attribute
     */
    Object attribute(String name);
}
