package io.hyperstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
    private static final ListOutput SERVICES = new ListOutput(List.of("ID", "Host", "State", "Disabled Reason", "Forced Down"),
            List.of(Arrays.asList(7, "compute-01", "up", null, false),
                    Arrays.asList(12, "compute-02", "down", "rack \"12\", power", true)));

    private static String render(OutputFormat format, ListOutput output) {
        return new OutputWriter(format, false).render(output);
    }

    @Test
    void tableIsAlignedToTheWidestCellWithMissingValuesAsDashes() {
        assertThat(render(OutputFormat.table, SERVICES)).isEqualTo("""
                +----+------------+-------+------------------+-------------+
                | ID | Host       | State | Disabled Reason  | Forced Down |
                +----+------------+-------+------------------+-------------+
                | 7  | compute-01 | up    | -                | false       |
                | 12 | compute-02 | down  | rack "12", power | true        |
                +----+------------+-------+------------------+-------------+
                """);
    }

    @Test
    void emptyListIsJustTheHeader() {
        assertThat(render(OutputFormat.table, new ListOutput(List.of("ID", "Name"), List.of()))).isEqualTo("""
                +----+------+
                | ID | Name |
                +----+------+
                +----+------+
                """);
    }

    @Test
    void colourMarksDownAndDisabledWithoutShiftingColumns() {
        ListOutput output = new ListOutput(List.of("State", "Status"), List.of(List.of("down", "disabled"), List.of("up", "enabled")));
        String coloured = new OutputWriter(OutputFormat.table, true).render(output);
        assertThat(coloured).contains("\u001b[31mdown \u001b[0m").contains("\u001b[33mdisabled\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9]+m", "")).isEqualTo(render(OutputFormat.table, output));
        assertThat(render(OutputFormat.table, output)).doesNotContain("\u001b");
    }

    @Test
    void csvQuotesTextsAndHeaderButNotNumbersOrBooleans() {
        assertThat(render(OutputFormat.csv, SERVICES)).isEqualTo("""
                "ID","Host","State","Disabled Reason","Forced Down"
                7,"compute-01","up",,false
                12,"compute-02","down","rack ""12"", power",true
                """);
    }

    @Test
    void valueIsSpaceSeparatedCells() {
        assertThat(render(OutputFormat.value, SERVICES.select(List.of("Host", "state"))))
                .isEqualTo("compute-01 up\ncompute-02 down\n");
    }

    @Test
    void jsonAndYamlAreListsOfObjectsKeyedByColumn() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(render(OutputFormat.json, SERVICES.select(List.of("ID", "Disabled Reason")))))
                .isEqualTo(mapper.readTree("[{\"ID\": 7, \"Disabled Reason\": null},"
                        + " {\"ID\": 12, \"Disabled Reason\": \"rack \\\"12\\\", power\"}]"));
        assertThat(render(OutputFormat.yaml, SERVICES.select(List.of("Host", "Forced Down"))))
                .isEqualTo("- Host: compute-01\n  Forced Down: false\n- Host: compute-02\n  Forced Down: true\n");
    }

    @Test
    void showIsAPropertyValueTableOrOneObject() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", "31bfbb40");
        properties.put("service_disabled_reason", null);
        ShowOutput show = new ShowOutput(properties);
        assertThat(new OutputWriter(OutputFormat.table, false).render(show)).isEqualTo("""
                +-------------------------+----------+
                | Property                | Value    |
                +-------------------------+----------+
                | id                      | 31bfbb40 |
                | service_disabled_reason | -        |
                +-------------------------+----------+
                """);
        assertThat(new ObjectMapper().readTree(new OutputWriter(OutputFormat.json, false).render(show)))
                .isEqualTo(new ObjectMapper().readTree("{\"id\": \"31bfbb40\", \"service_disabled_reason\": null}"));
        assertThat(new OutputWriter(OutputFormat.value, false).render(show.select(List.of("id")))).isEqualTo("31bfbb40\n");
    }

    @Test
    void unknownColumnIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> SERVICES.select(List.of("Zone")))
                .hasMessage("no column 'Zone'; the columns are: ID, Host, State, Disabled Reason, Forced Down");
    }

    @Test
    void detailsAreFlattenedAndSortedWithJsonTextDecoded() throws Exception {
        Map<String, Object> flat = Flattened.of(new ObjectMapper().readTree(
                "{\"state\": \"up\", \"cpu_info\": \"{\\\"arch\\\": \\\"x86_64\\\", \\\"topology\\\": {\\\"cores\\\": 8}}\","
                        + " \"service\": {\"host\": \"compute-01\", \"disabled_reason\": null}}"));
        assertThat(flat.keySet()).containsExactly("cpu_info_arch", "cpu_info_topology_cores", "service_disabled_reason",
                "service_host", "state");
        assertThat(Values.text(flat.get("cpu_info_topology_cores"))).isEqualTo("8");
        assertThat(flat.get("service_disabled_reason")).isNull();
    }

    @Test
    void endpointsFromTheServiceCatalogueLoseTheirVersionPath() {
        assertThat(ConnectionOptions.normalized("http://controller:8774/v2.1/")).isEqualTo("http://controller:8774");
        assertThat(ConnectionOptions.normalized("http://controller:8774/v2.1/4b3c2a1f")).isEqualTo("http://controller:8774");
        assertThat(ConnectionOptions.normalized("https://cloud.example.org/compute/v2.1"))
                .isEqualTo("https://cloud.example.org/compute");
        assertThat(ConnectionOptions.normalized("http://127.0.0.1:8774")).isEqualTo("http://127.0.0.1:8774");
    }

    @Test
    void listAndDictCellsReadAsTheStandardClientsPrintThemAndAreDataInJsonAndYaml() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ssd", "true");
        properties.put("gpu", "a100");
        ListOutput aggregates = new ListOutput(List.of("ID", "Properties", "Hosts"),
                List.of(Arrays.asList(1, Formatted.dict(properties), Formatted.list(List.of("c-2", "c-1"))),
                        Arrays.asList(2, Formatted.dict(Map.of()), Formatted.list(List.of()))));
        assertThat(render(OutputFormat.table, aggregates)).isEqualTo("""
                +----+------------------------+----------+
                | ID | Properties             | Hosts    |
                +----+------------------------+----------+
                | 1  | gpu='a100', ssd='true' | c-1, c-2 |
                | 2  |                        |          |
                +----+------------------------+----------+
                """);
        assertThat(render(OutputFormat.csv, aggregates))
                .isEqualTo("\"ID\",\"Properties\",\"Hosts\"\n1,\"gpu='a100', ssd='true'\",\"c-1, c-2\"\n2,\"\",\"\"\n");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(render(OutputFormat.json, aggregates))).isEqualTo(mapper.readTree("""
                [{"ID": 1, "Properties": {"ssd": "true", "gpu": "a100"}, "Hosts": ["c-2", "c-1"]},
                 {"ID": 2, "Properties": {}, "Hosts": []}]"""));
        assertThat(render(OutputFormat.yaml, aggregates)).contains("Hosts:\n  - c-2\n  - c-1\n");
    }
}
