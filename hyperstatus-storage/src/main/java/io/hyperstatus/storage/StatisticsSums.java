package io.hyperstatus.storage;

import io.hyperstatus.domain.HypervisorStatistics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** The sums of {@code GET /os-hypervisors/statistics}, exact whatever the database and however large the figures. */
final class StatisticsSums {
    /** The columns summed, in the order of {@link HypervisorStatistics}' fields after count. */
    private static final List<String> SUMMED = List.of("vcpus", "memory_mb", "local_gb", "vcpus_used", "memory_mb_used",
            "local_gb_used", "free_ram_mb", "free_disk_gb", "current_workload", "running_vms", "disk_available_least");
    private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);

    private StatisticsSums() {
    }

    /**
     * The statistics of the nodes {@code from} selects (a FROM and WHERE clause with a {@code :disabled} parameter),
     * exact on every database: each column is summed in two parts, its value divided by 2^32 (truncated) and the
     * remainder, whose sums no database overflows (SQLite's SUM fails on a 64-bit overflow, the others' widen), and
     * the parts are put together here. A sum beyond 64 bits is answered saturated; a sum of nothing (or of nulls
     * only) is 0.
     */
    static HypervisorStatistics read(Database database, String from) {
        String divide = database.dialect().integerDivision();
        StringBuilder sql = new StringBuilder("SELECT COUNT(cn.id)");
        for (String column : SUMMED) {
            sql.append(", SUM(cn.").append(column).append(divide).append("4294967296), SUM(cn.").append(column)
                    .append(" % 4294967296)");
        }
        sql.append(from);
        return database.jdbi().withHandle(handle -> handle.createQuery(sql.toString()).bind("disabled", false)
                .map((rs, ctx) -> {
                    long[] sums = new long[SUMMED.size()];
                    for (int i = 0; i < sums.length; i++) {
                        BigInteger high = wholeNumber(rs.getBigDecimal(2 + 2 * i));
                        BigInteger low = wholeNumber(rs.getBigDecimal(3 + 2 * i));
                        sums[i] = HypervisorStatistics.saturated(high.multiply(TWO_TO_32).add(low));
                    }
                    return new HypervisorStatistics(rs.getLong(1), sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
                            sums[6], sums[7], sums[8], sums[9], sums[10]);
                })
                .one());
    }

    private static BigInteger wholeNumber(BigDecimal value) {
        return value == null ? BigInteger.ZERO : value.toBigIntegerExact();
    }
}
