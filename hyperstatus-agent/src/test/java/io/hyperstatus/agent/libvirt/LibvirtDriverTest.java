package io.hyperstatus.agent.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hyperstatus.agent.HostFacts;
import io.hyperstatus.agent.ReportedHost;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.domain.Instance;
import io.hyperstatus.domain.NodeReport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The driver against libvirt's built-in test hypervisor, every figure checked against what virsh (or df) reports
 * for the same URI, so the test follows libvirt rather than numbers copied from one libvirt version. Figures that
 * depend on the domains are checked on the default test host and on one with several domains, one shut off.
 */
class LibvirtDriverTest {
    private static final String URI = "test:///default";
    private static final int RESERVED_MB = 512;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tempDir;

    private Path instancesPath;
    private LibvirtDriver driver;

    @BeforeEach
    void openDriver() {
        // Not created yet, as on a fresh compute host: the driver measures the nearest existing parent.
        instancesPath = tempDir.resolve("state/instances");
        driver = new LibvirtDriver(URI, "compute-17", instancesPath, Optional.of("192.0.2.17"), RESERVED_MB);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void reportsOneHeartbeatingHostNamedAfterTheAgentsHost() {
        List<ReportedHost> hosts = driver.hosts();

        assertThat(hosts).hasSize(1);
        assertThat(hosts.get(0).heartbeats()).isTrue();
        NodeReport node = hosts.get(0).node();
        assertThat(node.host()).isEqualTo("compute-17");
        assertThat(node.uuid()).isNull();
        assertThat(node.resources().hostIp()).isEqualTo("192.0.2.17");
        assertThat(node.hypervisorHostname()).isEqualTo(virsh("hostname").strip());
        assertThat(node.resources().currentWorkload()).isZero();
        assertThat(node.resources().uptime()).as("the uptime line, as HostFacts reads it")
                .contains(" up ", "load average");
    }

    @Test
    void hypervisorTypeAndVersionAreLibvirts() {
        NodeReport node = report();

        // "Running hypervisor: TEST 0.0.2" in libvirt's integer encoding.
        Matcher running = Pattern.compile("Running hypervisor: (\\S+) (\\d+)\\.(\\d+)\\.(\\d+)")
                .matcher(virsh("version"));
        assertThat(running.find()).as("virsh version names the running hypervisor").isTrue();
        assertThat(node.resources().hypervisorType()).isEqualTo("TEST").isEqualTo(running.group(1));
        assertThat(node.resources().hypervisorVersion()).isEqualTo(Long.parseLong(running.group(2)) * 1_000_000
                + Long.parseLong(running.group(3)) * 1_000 + Long.parseLong(running.group(4)));
    }

    static List<String> hypervisors() throws Exception {
        Path busyHost = Path.of(LibvirtDriverTest.class.getResource("busy-host.xml").toURI());
        return List.of(URI, "test://" + busyHost.toAbsolutePath());
    }

    @ParameterizedTest
    @MethodSource("hypervisors")
    void processorsAndMemoryAreNodeinfos(String uri) {
        Map<String, String> nodeinfo = fields(virshOn(uri, "nodeinfo"));
        NodeReport node = report(uri);

        assertThat(node.resources().vcpus()).isPositive().isEqualTo(Integer.parseInt(nodeinfo.get("CPU(s)")));
        assertThat(node.resources().memoryMb()).isPositive().isEqualTo(kib(nodeinfo.get("Memory size")) / 1024);
    }

    @ParameterizedTest
    @MethodSource("hypervisors")
    void usageCountsTheRunningDomainsAsDominfoDescribesThem(String uri) {
        List<String> running = lines(virshOn(uri, "list", "--name"));
        int vcpus = 0;
        long memoryKib = 0;
        for (String name : running) {
            Map<String, String> dominfo = fields(virshOn(uri, "dominfo", name));
            assertThat(dominfo.get("State")).isEqualTo("running");
            vcpus += Integer.parseInt(dominfo.get("CPU(s)"));
            memoryKib += kib(dominfo.get("Used memory"));
        }
        assertThat(running).as("the test hypervisor starts with a running domain").isNotEmpty();

        NodeReport node = report(uri);

        assertThat(node.resources().runningVms()).isEqualTo(running.size());
        assertThat(node.resources().vcpusUsed()).isEqualTo(vcpus);
        assertThat(node.resources().memoryMbUsed()).isEqualTo(memoryKib / 1024 + RESERVED_MB);
        assertThat(node.resources().freeRamMb())
                .isEqualTo(node.resources().memoryMb() - node.resources().memoryMbUsed());
    }

    @ParameterizedTest
    @MethodSource("hypervisors")
    void instancesAreEveryDefinedDomainWithItsUuidAndName(String uri) {
        List<Instance> listed = new ArrayList<>();
        for (String line : lines(virshOn(uri, "list", "--all", "--uuid", "--name"))) {
            String[] uuidAndName = line.split("\\s+", 2);
            listed.add(new Instance(uuidAndName[0], uuidAndName[1]));
        }

        assertThat(report(uri).instances()).isNotEmpty().containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void aShutOffDomainIsAnInstanceButUsesNothing() throws Exception {
        String busyHost = hypervisors().get(1);
        List<String> shutOff = lines(virshOn(busyHost, "list", "--name", "--inactive"));
        assertThat(shutOff).as("the busy host defines a shut-off domain").isNotEmpty();

        NodeReport node = report(busyHost);

        assertThat(node.instances()).extracting(Instance::name).containsAll(shutOff);
        assertThat(node.resources().runningVms()).isEqualTo(node.instances().size() - shutOff.size());
    }

    @Test
    void diskIsTheFileSystemUnderTheInstancesPathAsDfMeasuresIt() {
        // df of the nearest existing parent, in bytes: "size used".
        String[] df = lines(run("df", "-B1", "--output=size,used", tempDir.toString())).get(1).strip().split("\\s+", -1);
        long sizeGb = Long.parseLong(df[0]) / (1L << 30);
        long usedGb = Long.parseLong(df[1]) / (1L << 30);

        NodeReport node = report();

        assertThat(node.resources().localGb()).isEqualTo(sizeGb);
        // Parallel builds write to the same disk; allow the used figure to cross one GiB boundary meanwhile.
        assertThat(node.resources().localGbUsed()).isBetween(usedGb - 1, usedGb + 1);
        assertThat(node.resources().freeDiskGb()).isEqualTo(node.resources().localGb() - node.resources().localGbUsed());
        assertThat(node.resources().diskAvailableLeast()).isEqualTo(node.resources().freeDiskGb());
    }

    @Test
    void cpuInfoIsJsonFromTheCapabilitiesAndTheNodeinfoTopology() throws Exception {
        Element hostCpu = child(child(xml(virsh("capabilities")).getDocumentElement(), "host"), "cpu");
        Map<String, String> nodeinfo = fields(virsh("nodeinfo"));

        JsonNode cpuInfo = MAPPER.readTree(report().resources().cpuInfo());

        assertThat(cpuInfo.isObject()).isTrue();
        assertThat(cpuInfo.path("arch").asText()).isNotEmpty().isEqualTo(child(hostCpu, "arch").getTextContent());
        assertThat(cpuInfo.has("model")).isEqualTo(child(hostCpu, "model") != null);
        assertThat(cpuInfo.has("vendor")).isEqualTo(child(hostCpu, "vendor") != null);
        JsonNode topology = cpuInfo.path("topology");
        assertThat(topology.path("cells").asInt()).isEqualTo(Integer.parseInt(nodeinfo.get("NUMA cell(s)")));
        assertThat(topology.path("sockets").asInt()).isEqualTo(Integer.parseInt(nodeinfo.get("CPU socket(s)")));
        assertThat(topology.path("cores").asInt()).isEqualTo(Integer.parseInt(nodeinfo.get("Core(s) per socket")));
        assertThat(topology.path("threads").asInt()).isEqualTo(Integer.parseInt(nodeinfo.get("Thread(s) per core")));
        List<String> features = new ArrayList<>();
        cpuInfo.path("features").forEach(feature -> features.add(feature.asText()));
        assertThat(features).isNotEmpty().isSorted().containsExactlyElementsOf(capabilityFeatures(hostCpu));
    }

    @Test
    void hostIpDefaultsToTheDefaultRouteAddress() {
        try (LibvirtDriver withoutMyIp = new LibvirtDriver(URI, "compute-17", instancesPath, Optional.empty(), 0)) {
            assertThat(withoutMyIp.hosts().get(0).node().resources().hostIp()).isEqualTo(HostFacts.defaultRouteAddress());
        }
    }

    @Test
    void reconnectsWhenTheConnectionDrops() throws Exception {
        NodeReport before = report();
        // What a libvirtd restart does to an open connection: every call on it fails.
        driver.connectionInUse().close();

        NodeReport after = report();

        assertThat(after.resources().vcpus()).isEqualTo(before.resources().vcpus());
        assertThat(after.instances()).isEqualTo(before.instances());
        assertThat(driver.connectionInUse().isAlive()).isTrue();
    }

    @Test
    void aClosedDriverRefusesToReport() {
        driver.close();

        assertThatThrownBy(driver::hosts).isInstanceOf(IllegalStateException.class).hasMessageContaining(URI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu+tcp://127.0.0.1:1/system", "test:///nonexistent-file.xml"})
    void anUnreachableUriStopsStartUpNamingTheOption(String uri) {
        assertThatThrownBy(() -> new LibvirtDriver(uri, "compute-17", instancesPath, Optional.empty(), 0))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Cannot open [libvirt] connection_uri '" + uri + "': ")
                .hasMessageNotContaining("\n");
    }

    private NodeReport report() {
        return driver.hosts().get(0).node();
    }

    private NodeReport report(String uri) {
        try (var driverOfUri = new LibvirtDriver(uri, "compute-17", instancesPath, Optional.empty(), RESERVED_MB)) {
            return driverOfUri.hosts().get(0).node();
        }
    }

    /** Feature names under the capabilities' host CPU, in either of libvirt's two spellings, sorted. */
    private static List<String> capabilityFeatures(Element cpu) {
        TreeSet<String> names = new TreeSet<>();
        for (Node node = cpu.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("feature")) {
                names.add(element.getAttribute("name"));
            } else if (node instanceof Element element && element.getTagName().equals("features")) {
                for (Node flag = element.getFirstChild(); flag != null; flag = flag.getNextSibling()) {
                    if (flag instanceof Element flagElement) {
                        names.add(flagElement.getTagName());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    /** virsh's "Key:   value" lines as a map. */
    private static Map<String, String> fields(String output) {
        Map<String, String> fields = new HashMap<>();
        for (String line : lines(output)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    private static long kib(String value) {
        assertThat(value).endsWith(" KiB");
        return Long.parseLong(value.substring(0, value.length() - " KiB".length()).strip());
    }

    private static List<String> lines(String output) {
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static String virsh(String... arguments) {
        return virshOn(URI, arguments);
    }

    private static String virshOn(String uri, String... arguments) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", uri));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    /** Runs a command that must exist and succeed: without libvirt's tools the test fails rather than skips. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finishes", String.join(" ", command)).isTrue();
            assertThat(process.exitValue()).as("exit status of %s: %s", String.join(" ", command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + String.join(" ", command)
                    + " (install libvirt-clients: scripts/install-test-dependencies.sh): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
