package io.hyperstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeReportTest {
    private static final List<Instance> TWO_INSTANCES = List.of(
            new Instance("2bd0c710-beb0-5cfd-9396-d394db959a45", "instance-00000001"),
            new Instance("6e6e5b2f-7f3b-5d3a-8a7c-3d2b1a0f9e8d", "instance-00000002"));

    private static NodeReport report(Reported<Long> freeRamMb, Reported<Long> freeDiskGb,
            Reported<Integer> currentWorkload, Reported<Integer> runningVms) {
        return NodeReport.withDefaults("compute-1", "compute-1.example.org", null, "QEMU", 8002000, "192.0.2.11",
                32, 4, 131072, 8704, 1000, 80, freeRamMb, freeDiskGb, currentWorkload, runningVms, 900L, "", null,
                TWO_INSTANCES);
    }

    @Test
    void leftOutFiguresFollowFromTheOthers() {
        NodeReport report = report(Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), Reported.leftOut());
        assertThat(report.resources().freeRamMb()).isEqualTo(131072 - 8704);
        assertThat(report.resources().freeDiskGb()).isEqualTo(1000 - 80);
        assertThat(report.resources().currentWorkload()).isZero();
        assertThat(report.resources().runningVms()).isEqualTo(2);
    }

    @Test
    void givenFiguresAreKeptEvenWhenTheyDisagreeWithTheTotals() {
        NodeReport report = report(Reported.of(5L), Reported.of(6L), Reported.of(7), Reported.of(0));
        assertThat(report.resources().freeRamMb()).isEqualTo(5);
        assertThat(report.resources().freeDiskGb()).isEqualTo(6);
        assertThat(report.resources().currentWorkload()).isEqualTo(7);
        assertThat(report.resources().runningVms()).isZero();
    }

    @Test
    void figuresGivenAsUnknownStayUnknownRatherThanBeingDerived() {
        NodeReport report = report(Reported.of(null), Reported.of(null), Reported.of(null), Reported.of(null));
        assertThat(report.resources().freeRamMb()).isNull();
        assertThat(report.resources().freeDiskGb()).isNull();
        assertThat(report.resources().currentWorkload()).isNull();
        assertThat(report.resources().runningVms()).isNull();
    }

    @Test
    void theOtherFiguresAreTakenAsGiven() {
        NodeReport report = report(Reported.leftOut(), Reported.leftOut(), Reported.leftOut(), Reported.leftOut());
        assertThat(report).isEqualTo(new NodeReport("compute-1", "compute-1.example.org", null, new NodeResources(
                "QEMU", 8002000, "192.0.2.11", 32, 4, 131072, 8704, 1000, 80, 122368L, 920L, 0, 2, 900L, "", null),
                TWO_INSTANCES));
    }

    @Test
    void aFigureLeftOutCannotCarryAValue() {
        assertThatThrownBy(() -> new Reported<>(false, 1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
