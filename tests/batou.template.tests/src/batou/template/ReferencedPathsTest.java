package batou.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * For item 27: {@link Template#referencedPaths()} names the attribute paths a template reads, and stops at the
 * longest static prefix wherever access is dynamic, so that a caller tracking secrets stays conservative. The
 * aliasing cases are where a leak would hide.
 */
class ReferencedPathsTest {

    /** The paths of a template, each written with dots. */
    private static List<String> paths(String source) throws TemplateException {
        return Template.parse(source, "t").referencedPaths().stream().map(p -> String.join(".", p)).toList();
    }

    private static void assertPaths(String source, String... expected) throws TemplateException {
        assertEquals(List.of(expected), paths(source), source);
    }

    @Test
    void item27_attributeChainsAreReadAsWritten() throws TemplateException {
        assertPaths("{{ host.name }}:{{ port }}", "host.name", "port");
        assertPaths("{{ host.data.db_password }} {{ component.workdir }}/x", "host.data.db_password",
                "component.workdir");
        assertPaths("{{ host['data'].pw }} {{ host[\"na\" 'me'] }}", "host.data.pw", "host.name");
        assertPaths("{{ host.name }}{{ host.name | upper }}{% if host.name %}{% endif %}", "host.name");
        assertEquals(List.of(List.of("host", "data", "db password")), List.copyOf(Template.parse(
                "{{ host.data['db password'] }}", "t").referencedPaths()));
        assertPaths("plain text");
        assertPaths("{{ 1 + 2 }}{{ 'x' | upper }}{{ range(3) | list }}");
    }

    @Test
    void item27_usingAValueWholeReadsItsPath() throws TemplateException {
        assertPaths("{{ host.data.pw | upper }}", "host.data.pw");
        assertPaths("{{ host | attr('name') }}", "host");
        assertPaths("{{ host.data | tojson }}", "host.data");
        assertPaths("{{ host.data.get('pw') }}", "host.data");
        assertPaths("{{ host.data.keys() | join }}", "host.data");
        assertPaths("{{ 'pw' in host.data }}", "host.data");
        assertPaths("{{ host.data.pw is defined }}{{ host.data.x | default('') }}", "host.data.pw", "host.data.x");
        assertPaths("{{ host.port + 1 }}{{ host.name ~ '/' }}{{ host.a == host.b }}", "host.port", "host.name",
                "host.a", "host.b");
        assertPaths("{{ '%s' % host.data }}{{ '{}'.format(host) }}", "host.data", "host");
        assertPaths("{{ host }}", "host");
        assertPaths("{{ [host.a, {'k': host.b}] }}{{ (host.c, host.d) }}", "host.a", "host.b", "host.c", "host.d");
        assertPaths("{{ hosts | map(attribute='data.pw') | join }}", "hosts");
        assertPaths("{{ hosts | selectattr('up') | first }}", "hosts");
    }

    @Test
    void item27_dynamicSubscriptsStopAtTheirBase() throws TemplateException {
        assertPaths("{{ host.data[key] }}", "host.data", "key");
        assertPaths("{{ host.data[key.name].x }}", "host.data", "key.name");
        assertPaths("{{ servers[0].name }}{{ servers.1.name }}", "servers");
        assertPaths("{{ servers[1:].name }}", "servers");
        assertPaths("{{ host.data['p' ~ 'w'] }}", "host.data");
        assertPaths("{{ (host | attr('data')).pw }}", "host");
        assertPaths("{{ (host if a else b).data.pw }}", "a", "host", "b");
        assertPaths("{{ (host.data or {}).pw }}", "host.data");
    }

    @Test
    void item27_setAliasesReadWhatTheyAliasWhole() throws TemplateException {
        assertPaths("{% set h = host %}{{ h.data.pw }}", "host");
        assertPaths("{% set d = host.data %}{{ d.pw }}{{ d['user'] }}", "host.data");
        assertPaths("{% set a, b = host.x, host.y %}{{ a.z }}{{ b }}", "host.x", "host.y");
        assertPaths("{% set ns = namespace(h=host) %}{{ ns.h.data.pw }}", "host");
        assertPaths("{% set ns = namespace() %}{% set ns.h = host.data %}{{ ns.h.pw }}", "host.data");
        assertPaths("{% set x %}{{ host.data.pw }}{% endset %}{{ x }}", "host.data.pw");
        assertPaths("{% set h = host %}{% set g = h %}{{ g.data.pw }}", "host");
    }

    @Test
    void item27_loopVariablesReadTheWholeSequence() throws TemplateException {
        assertPaths("{% for h in hosts %}{{ h.data.pw }}{% endfor %}", "hosts");
        assertPaths("{% for k, v in host.data.items() %}{{ k }}={{ v.x }}{% endfor %}", "host.data");
        assertPaths("{% for k in host.data %}{{ host.data[k] }}{% endfor %}", "host.data");
        assertPaths("{% for h in hosts if h.up %}{{ loop.previtem.pw }}{{ loop.index }}{% endfor %}", "hosts");
        assertPaths("{% for h in hosts %}{% for d in h.disks %}{{ d.size }}{% endfor %}{% endfor %}", "hosts");
        assertPaths("{% for h in hosts %}{% else %}{{ h.name }}{% endfor %}", "hosts", "h.name");
        assertPaths("{{ loop.index }}", "loop.index");
    }

    @Test
    void item27_aNameSetByTheTemplateIsNotAContextReadUnlessItMayBeUnset() throws TemplateException {
        assertPaths("{% set host = other %}{{ host.data.pw }}", "other");
        assertPaths("{{ host.a }}{% set host = 1 %}{{ host.b }}", "host.a");
        assertPaths("{% if c %}{% set host = other %}{{ host.x }}{% endif %}{{ host.data.pw }}", "c", "other",
                "host.data.pw");
        assertPaths("{% if c %}{% set host = 1 %}{% else %}{% set host = 2 %}{% endif %}{{ host.pw }}", "c",
                "host.pw");
        assertPaths("{% for i in l %}{% set host = 1 %}{% endfor %}{{ host.pw }}", "l", "host.pw");
        assertPaths("{% set host %}x{% endset %}{{ host.pw }}");
        assertPaths("{% set x = x.y %}{{ x.z }}", "x.y");
        assertPaths("{% set ns.a = host.pw %}", "ns", "host.pw");
    }

    @Test
    void item27_referencedNamesAreTheFirstElementsOfThePaths() throws TemplateException {
        Template t = Template.parse("{% for h in hosts %}{{ h.a }}{% endfor %}{{ host.data.pw }}{{ port }}"
                + "{{ host.name }}", "t");
        assertEquals(List.of("hosts", "host", "port"), List.copyOf(t.referencedNames()));
        assertEquals(t.referencedPaths().stream().map(p -> p.get(0)).collect(Collectors.toSet()),
                Set.copyOf(t.referencedNames()));
    }

    @Test
    void item27_pathsCannotBeChanged() throws TemplateException {
        Set<List<String>> paths = Template.parse("{{ host.name }}", "t").referencedPaths();
        assertThrows(UnsupportedOperationException.class, () -> paths.clear());
        assertThrows(UnsupportedOperationException.class, () -> paths.iterator().next().add("x"));
    }
}
