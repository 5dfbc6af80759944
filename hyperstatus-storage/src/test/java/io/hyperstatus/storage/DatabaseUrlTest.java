package io.hyperstatus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperstatus.config.ConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void sqliteUrlWithFourSlashesIsAnAbsolutePath() {
        assertThat(DatabaseUrl.parse("sqlite:////var/lib/hyperstatus/hyperstatus.sqlite")).isEqualTo(new DatabaseUrl(
                Dialect.SQLITE, "jdbc:sqlite:/var/lib/hyperstatus/hyperstatus.sqlite", Optional.empty(), Optional.empty()));
    }

    @Test
    void sqliteUrlWithThreeSlashesIsRelative() {
        assertThat(DatabaseUrl.parse("sqlite:///data/hs.sqlite").jdbcUrl()).isEqualTo("jdbc:sqlite:data/hs.sqlite");
    }

    @Test
    void postgresqlUrlCarriesCredentialsSeparately() {
        assertThat(DatabaseUrl.parse("postgresql://nova:s3cr%40t@db.example.org/nova")).isEqualTo(new DatabaseUrl(
                Dialect.POSTGRESQL, "jdbc:postgresql://db.example.org:5432/nova", Optional.of("nova"), Optional.of("s3cr@t")));
        assertThat(DatabaseUrl.parse("postgresql+psycopg2://u@db:6432/x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:6432/x");
    }

    @Test
    void mysqlUrlsOfPythonDriversUseTheMariadbDriver() {
        assertThat(DatabaseUrl.parse("mysql+pymysql://nova:pw@db.example.org/nova?charset=utf8")).isEqualTo(
                new DatabaseUrl(Dialect.MARIADB, "jdbc:mariadb://db.example.org:3306/nova", Optional.of("nova"),
                        Optional.of("pw")));
    }

    @Test
    void aMysqlUrlWithSeveralHostsConnectsToThemInOrder() {
        assertThat(DatabaseUrl.parse("mysql+pymysql://nova:p%40ss,w@db1:3307,db2,[::1]:3308/nova?charset=utf8"))
                .isEqualTo(new DatabaseUrl(Dialect.MARIADB, "jdbc:mariadb:sequential://db1:3307,db2:3306,[::1]:3308/nova",
                        Optional.of("nova"), Optional.of("p@ss,w")));
        assertThat(DatabaseUrl.parse("mysql://root@127.0.0.1:33101,127.0.0.1:33102/hs").jdbcUrl())
                .isEqualTo("jdbc:mariadb:sequential://127.0.0.1:33101,127.0.0.1:33102/hs");
        assertThat(DatabaseUrl.parse("jdbc:mariadb:loadbalance://db1:3306,db2:3306/nova?user=nova"))
                .isEqualTo(new DatabaseUrl(Dialect.MARIADB, "jdbc:mariadb:loadbalance://db1:3306,db2:3306/nova?user=nova",
                        Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql+pymysql://nova:hunter2@db1,,db2/nova"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'' is not a host or host:port")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql+pymysql://nova@db1,db2"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected hosts and database name");
    }

    @Test
    void jdbcUrlsAreTakenAsGiven() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/x?user=postgres").dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(DatabaseUrl.parse("jdbc:mysql://localhost/x").jdbcUrl()).isEqualTo("jdbc:mariadb://localhost/x");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/x.sqlite").dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void unsupportedOrMalformedUrlsNameTheOptionAndHideThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://u:hunter2@db/x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value for option [database] connection: 'oracle://u:***@db/x'")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db.example.org"))
                .hasMessageStartingWith("Invalid value for option [database] connection");
        assertThatThrownBy(() -> DatabaseUrl.parse("just-a-file.sqlite"))
                .hasMessageStartingWith("Invalid value for option [database] connection");
    }

    @Test
    void postgresqlMultiHostUrlTargetsThePrimary() {
        assertThat(DatabaseUrl.parse("postgresql://nova:s3cr%40t@db1:5433,db2.example.org:5434/nova"
                + "?target_session_attrs=read-write")).isEqualTo(new DatabaseUrl(Dialect.POSTGRESQL,
                "jdbc:postgresql://db1:5433,db2.example.org:5434/nova?targetServerType=primary", Optional.of("nova"),
                Optional.of("s3cr@t")));
        assertThat(DatabaseUrl.parse("postgresql+psycopg2://u@10.0.0.1,10.0.0.2:6432/x?target_session_attrs=primary")
                .jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.1:5432,10.0.0.2:6432/x?targetServerType=primary");
        // Several hosts and no target: the primary all the same, since the service writes.
        assertThat(DatabaseUrl.parse("postgresql://u@h1,h2/x?sslmode=disable").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5432/x?targetServerType=primary");
        assertThat(DatabaseUrl.parse("postgresql://u@h1,h2/x?target_session_attrs=any").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5432/x?targetServerType=any");
        assertThat(DatabaseUrl.parse("postgresql://u@h1,h2/x").hasSeveralHosts()).isTrue();
    }

    @Test
    void postgresqlMultiHostUrlTakesIpv6AddressesInBrackets() {
        assertThat(DatabaseUrl.parse("postgresql://u@[::1]:5433,[2001:db8::7],127.0.0.1:5434/x").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433,[2001:db8::7]:5432,127.0.0.1:5434/x?targetServerType=primary");
        assertThat(DatabaseUrl.parse("postgresql://u@[::1]:5433/x").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/x");
    }

    @Test
    void postgresqlSingleHostUrlKeepsItsTargetIfGiven() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@db:5433/x?target_session_attrs=read-write");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/x?targetServerType=primary");
        assertThat(url.hasSeveralHosts()).isFalse();
        assertThat(DatabaseUrl.parse("postgresql://u@db/x").jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void jdbcMultiHostUrlPassesAsItIsAndGetsTheFailoverDefaults() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h1:5432,h2:5432/x?user=u&hostRecheckSeconds=5");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/x?user=u&hostRecheckSeconds=5");
        assertThat(url.hasSeveralHosts()).isTrue();
        // Defaults only: the URL's own hostRecheckSeconds=5 wins in the driver.
        assertThat(PoolSettings.postgresqlDefaults(url)).containsEntry("targetServerType", "primary")
                .containsEntry("hostRecheckSeconds", "2").containsEntry("connectTimeout", "2");
        assertThat(PoolSettings.postgresqlDefaults(DatabaseUrl.parse("jdbc:postgresql://h1/x"))).isEmpty();
    }

    @Test
    void badMultiHostUrlsAreRefusedClearly() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2@h1,,h2/x"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value for option [database] connection: 'postgresql://u:***@h1,,h2/x' "
                        + "has an empty host in its list of hosts");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1,/x")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("has an empty host in its list of hosts");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1,:5433/x")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("has an empty host before ':5433' in its list of hosts");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1:5432,h2:99999/x")).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("has a host 'h2:99999' whose port is not a number from 1 to 65535");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1:0,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("whose port is not a number from 1 to 65535");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1:abc,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'h1:abc' whose port is not a number");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1:,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'h1:' whose port is not a number");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@::1:5432,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("an IPv6 address goes in brackets");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@[::1,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no IPv6 address in brackets");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@[::1]x,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("something other than :port");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h_1%,h2/x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no host name or address");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1,h2")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a database name after the hosts");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1,h2/")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a database name after the hosts");
    }

    @Test
    void readOnlyOrUnknownTargetsAreRefused() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1,h2/x?target_session_attrs=standby"))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("asks for target_session_attrs=standby, but hyperstatus writes: use read-write or primary");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1/x?target_session_attrs=read-only"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hyperstatus writes");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h1,h2/x?target_session_attrs=bogus"))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("has target_session_attrs=bogus: use read-write, primary or any");
    }
}
