package batou.cli.internal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import batou.engine.DeploymentResult;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.model.Masking;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;

/**
 * The machine-readable reports of a run: JSON (every event and the summary) and JUnit XML (a test per root). Every
 * text is masked before it is escaped for JSON or XML (an escaped secret would no longer be found).
 */
final class Reports {

    private final Masking masking;

    Reports(Masking masking) {
        this.masking = masking;
    }

    void writeJson(Path file, String environment, RunMode mode, String outcome, Map<String, Object> source,
            EventLog events, DeploymentResult result, Map<String, Long> timings) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("environment", environment);
        report.put("mode", mode.json());
        report.put("outcome", outcome);
        report.put("source", source);
        report.put("timings_ms", timings);
        List<Object> roots = new ArrayList<>();
        if (result != null) {
            for (RootResult root : result.all()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("host", root.id().host());
                item.put("component", root.id().component());
                item.put("status", root.status().json());
                item.put("message", root.message());
                item.put("millis", root.millis());
                roots.add(item);
            }
        }
        report.put("roots", roots);
        report.put("events", events.entries());
        write(file, batou.engine.Json.write(masked(report), 2));
    }

    /**
     * Writes a test case per root of {@code plan}; without a plan or a result (the run failed before deploying),
     * one failed test case for the whole run, so that CI always finds a report that says what happened.
     */
    void writeJUnit(Path file, String environment, DeploymentPlan plan, DeploymentResult result, String failure)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(escape("batou deploy " + environment)).append("\">\n");
        if (plan == null || result == null) {
            xml.append("  <testsuite name=\"").append(escape(environment)).append("\" tests=\"1\" failures=\"")
                    .append(failure == null ? 0 : 1).append("\" errors=\"0\" skipped=\"0\">\n")
                    .append("    <testcase classname=\"").append(escape(environment)).append("\" name=\"deploy\"");
            xml.append(failure == null ? "/>\n" : ">\n      <failure message=\"" + escape(failure) + "\">"
                    + escape(failure) + "</failure>\n    </testcase>\n");
            xml.append("  </testsuite>\n</testsuites>\n");
            write(file, xml.toString());
            return;
        }
        for (HostPlan host : plan.hosts()) {
            List<RootResult> roots = result.of(host.name());
            long failures = roots.stream().filter(r -> r.status() == RootStatus.FAILED).count();
            long skipped = roots.stream().filter(r -> r.status() == RootStatus.SKIPPED).count();
            double seconds = roots.stream().mapToLong(RootResult::millis).sum() / 1000.0;
            xml.append("  <testsuite name=\"").append(escape(host.name())).append("\" tests=\"").append(roots.size())
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", seconds)).append("\">\n");
            for (RootResult root : roots) {
                xml.append("    <testcase classname=\"").append(escape(plan.environment() + "." + host.name()))
                        .append("\" name=\"").append(escape(root.id().component())).append("\" time=\"")
                        .append(String.format(Locale.ROOT, "%.3f", root.millis() / 1000.0)).append('"');
                switch (root.status()) {
                    case FAILED -> xml.append(">\n      <failure message=\"").append(escape(root.message()))
                            .append("\">").append(escape(root.message())).append("</failure>\n    </testcase>\n");
                    case SKIPPED -> xml.append(">\n      <skipped message=\"").append(escape(root.message()))
                            .append("\"/>\n    </testcase>\n");
                    default -> xml.append(">\n      <system-out>").append(root.status() == RootStatus.CHANGED
                            ? "changed" : "unchanged").append("</system-out>\n    </testcase>\n");
                }
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        write(file, xml.toString());
    }

    /** A copy of a report structure with every text masked. */
    private Object masked(Object value) {
        if (value instanceof String text) {
            return masking.mask(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(masking.mask(String.valueOf(key)), masked(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::masked).toList();
        }
        return value;
    }

    private String escape(String unmasked) {
        if (unmasked == null) {
            return "";
        }
        String text = masking.mask(unmasked);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Writes a report atomically, so that a CI server never reads half of one. */
    private static void write(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
