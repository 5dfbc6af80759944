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
}
