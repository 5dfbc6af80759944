package io.hyperstatus.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The answers Nova gives at microversion 2.1 for the {@link ThreeHosts} fixture, shared by several specs. */
public final class ThreeHostsBodies {
    private ThreeHostsBodies() {
    }

    /** What the list shows of each node but its id: node 1 up, node 2 down and disabled, node 3 a bare-metal node. */
    private static final List<String> LISTED = List.of(
            "\"hypervisor_hostname\": \"compute-0001.example.org\", \"state\": \"up\", \"status\": \"enabled\"",
            "\"hypervisor_hostname\": \"compute-0002.example.org\", \"state\": \"down\", \"status\": \"disabled\"",
            "\"hypervisor_hostname\": \"bm-node-0003\", \"state\": \"up\", \"status\": \"enabled\"");
    private static final List<String> UUIDS = List.of(ThreeHosts.NODE1, ThreeHosts.NODE2, ThreeHosts.NODE3);

    public static final String LIST_V21 = list(1, 2, 3);

    /** The list before 2.53 of the nodes numbered (1 to 3), in that order: integer ids. */
    public static String list(int... nodes) {
        return list(nodes, n -> String.valueOf(n));
    }

    /** The list from 2.53 of the nodes numbered (1 to 3), in that order: the nodes' UUIDs as ids. */
    public static String listByUuid(int... nodes) {
        return list(nodes, n -> "\"" + UUIDS.get(n - 1) + "\"");
    }

    private static String list(int[] nodes, IntFunction<String> id) {
        return IntStream.of(nodes).mapToObj(n -> "{\"id\": " + id.apply(n) + ", " + LISTED.get(n - 1) + "}")
                .collect(Collectors.joining(", ", "{\"hypervisors\": [", "]}"));
    }

    /** The detail of the three nodes, as Nova writes it (the specs edit its text, so its spacing is kept). */
    public static final String DETAIL_V21 = resource("detail-v2.1.json");

    /** Node 1 shown. */
    public static final String SHOW1_V21 = resource("show-1-v2.1.json");

    /** Node {@code n}'s (1 to 3) entry of the detail from 2.28 to 2.52, to change for a later version. */
    public static ObjectNode detailV228(int n) {
        return (ObjectNode) Reply.parse(withCpuInfoObjects(DETAIL_V21)).get("hypervisors").get(n - 1);
    }

    private static String resource(String name) {
        return TestResources.text("three-hosts/" + name).strip();
    }

    /** A body of these before 2.28 as from 2.28, where cpu_info is the driver's JSON as an object (empty text: {}). */
    public static String withCpuInfoObjects(String body) {
        String objects = body
                .replace("\"cpu_info\": \"{\\\"arch\\\": \\\"x86_64\\\", \\\"vendor\\\": \\\"AMD\\\"}\"",
                        "\"cpu_info\": {\"arch\": \"x86_64\", \"vendor\": \"AMD\"}")
                .replace("\"cpu_info\": \"{\\\"arch\\\": \\\"x86_64\\\", \\\"vendor\\\": \\\"Intel\\\"}\"",
                        "\"cpu_info\": {\"arch\": \"x86_64\", \"vendor\": \"Intel\"}")
                .replace("\"cpu_info\": \"\"", "\"cpu_info\": {}");
        assertThat(objects).doesNotContain("\\\"arch");
        return objects;
    }
}
