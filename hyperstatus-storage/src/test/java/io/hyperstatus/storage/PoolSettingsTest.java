package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {
    private static String connectTimeout(String url) {
        return PoolSettings.of(DatabaseUrl.parse(url), 4, Duration.ofSeconds(2), false).getDataSourceProperties()
                .getProperty("connectTimeout");
    }

    @Test
    void theNodesOfAGaleraClusterAreEachGivenTwoSecondsToAnswer() {
        assertThat(connectTimeout("mysql+pymysql://nova@db1,db2,db3/nova")).isEqualTo("2000");
        assertThat(connectTimeout("jdbc:mariadb:loadbalance://db1,db2/nova")).isEqualTo("2000");
    }

    @Test
    void oneHostOrATimeoutOfTheUrlsOwnKeepsTheDriversSetting() {
        assertThat(connectTimeout("mysql+pymysql://nova@db1/nova")).isNull();
        assertThat(connectTimeout("jdbc:mariadb:sequential://db1,db2/nova?connectTimeout=500")).isNull();
    }

    @Test
    void severalPostgresqlHostsTargetThePrimaryWithShortTimeouts() {
        assertThat(PoolSettings.postgresqlDefaults(DatabaseUrl.parse("postgresql://u@h1,h2/x")))
                .containsEntry("targetServerType", "primary").containsEntry("hostRecheckSeconds", "2")
                .containsEntry("connectTimeout", "2");
        assertThat(PoolSettings.postgresqlDefaults(DatabaseUrl.parse("postgresql://u@h1/x"))).isEmpty();
    }
}
