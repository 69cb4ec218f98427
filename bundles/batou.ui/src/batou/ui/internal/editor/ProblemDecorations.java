package batou.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

import batou.model.Diagnostic;

/**
 * Error and warning decorations of the form's fields: a field shows the problems of the configuration at the line
 * of environment.yaml it edits, or the error of what was typed into it (which is then not written).
 */
final class ProblemDecorations {

    private static final class Field {
        final ControlDecoration decoration;
        final IntSupplier line;
        final Predicate<Diagnostic> concerns;
        final Consumer<String> shown;
        String inputError;
        String problem;
        boolean problemIsError;

        Field(ControlDecoration decoration, IntSupplier line, Predicate<Diagnostic> concerns, Consumer<String> shown) {
            this.decoration = decoration;
            this.line = line;
            this.concerns = concerns;
            this.shown = shown;
        }
    }

    private final Map<Control, Field> fields = new LinkedHashMap<>();
    private final String file;
    private List<Diagnostic> diagnostics = List.of();

    /** {@code file}: the environment file as diagnostics name it. */
    ProblemDecorations(String file) {
        this.file = file;
    }

    /** Decorates {@code control} with the problems at the line {@code line} gives (0: none). */
    void add(Control control, IntSupplier line) {
        add(control, line, diagnostic -> true, text -> {
        });
    }

    /**
     * Decorates {@code control} with the problems at the line {@code line} gives (0: none) that {@code concerns}
     * accepts (several fields edit one line, such as the cells of a host's components), and tells {@code shown} the
     * text shown (null: none) after every change.
     */
    void add(Control control, IntSupplier line, Predicate<Diagnostic> concerns, Consumer<String> shown) {
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
        decoration.hide();
        Field field = new Field(decoration, line, concerns, shown);
        fields.put(control, field);
        control.addDisposeListener(event -> {
            fields.remove(control);
            decoration.dispose();
        });
        show(control, field);
    }

    /** The error of the value typed into {@code control}, or null when it is valid. */
    void setInputError(Control control, String message) {
        Field field = fields.get(control);
        if (field != null) {
            field.inputError = message;
            show(control, field);
        }
    }

    /** Shows the problems of the last configuration; fields added later get them too. */
    void setDiagnostics(List<Diagnostic> all) {
        diagnostics = List.copyOf(all);
        refresh();
    }

    /** Shows the diagnostics again, at the lines the fields edit now. */
    void refresh() {
        for (Map.Entry<Control, Field> entry : new ArrayList<>(fields.entrySet())) {
            show(entry.getKey(), entry.getValue());
        }
    }

    private void show(Control control, Field field) {
        int line = field.line.getAsInt();
        List<String> messages = new ArrayList<>();
        boolean error = false;
        if (line > 0) {
            for (Diagnostic diagnostic : diagnostics) {
                if (diagnostic.location().file().equals(file) && diagnostic.location().line() == line
                        && field.concerns.test(diagnostic)) {
                    messages.add(diagnostic.text());
                    error |= diagnostic.isError();
                }
            }
        }
        field.problem = messages.isEmpty() ? null : String.join("\n", messages);
        field.problemIsError = error;
        String text = field.inputError != null ? field.inputError : field.problem;
        if (text == null || control.isDisposed()) {
            field.decoration.hide();
            field.shown.accept(null);
            return;
        }
        boolean isError = field.inputError != null || field.problemIsError;
        field.decoration.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(
                isError ? FieldDecorationRegistry.DEC_ERROR : FieldDecorationRegistry.DEC_WARNING).getImage());
        field.decoration.setDescriptionText(text);
        field.decoration.show();
        field.shown.accept(text);
    }

    /** The text the decoration of {@code control} shows, or null when it shows none; for tests and tool tips. */
    String shown(Control control) {
        Field field = fields.get(control);
        if (field == null || !field.decoration.isVisible()) {
            return null;
        }
        return field.decoration.getDescriptionText();
    }
}
