package batou.engine.parts;

/**
 * A part ready to converge one thing on the target. The engine calls {@link #verify} and, only when it reports
 * changes and the run is not a prediction, {@link #update}. Parts never print; they describe changes.
 */
public interface Part {

    /** Inspects the target without changing it. */
    Verdict verify(PartContext context) throws Exception;

    /** Brings the target to the wanted state; {@code verdict} is what verify returned. */
    void update(PartContext context, Verdict verdict) throws Exception;
}
