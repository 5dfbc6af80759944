package io.hyperstatus.config;

import static io.hyperstatus.config.ConfigAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationOptionsTest {
    @Test
    void notificationsAreOffByDefaultWithNovasFormatAndTopics() {
        NotificationOptions options = HyperstatusConfig.defaults().notifications();

        assertThat(options.enabled()).isFalse();
        assertThat(options.format()).isEqualTo("unversioned");
        assertThat(options.versionedTopics()).containsExactly("versioned_notifications");
        assertThat(options.topics()).containsExactly("notifications");
        assertThat(options.livenessEvents()).isTrue();
        assertThat(options.transportUrl().brokers()).containsExactly(
                new TransportUrl.Broker("localhost", 5672, "guest", "guest"));
        assertThat(options.transportUrl().virtualHost()).isEqualTo("/");
    }

    @Test
    void aClusterUrlNamesEachNodeAndAHostWithoutCredentialsTakesTheFirstHostsOnes() {
        TransportUrl url = HyperstatusConfig.parse("[DEFAULT]\ntransport_url = rabbit://nova:s%3Acret@rabbit-1:5673,"
                + "rabbit-2,other:pw@[fd00::3]/openstack\n").notifications().transportUrl();

        assertThat(url.brokers()).containsExactly(new TransportUrl.Broker("rabbit-1", 5673, "nova", "s:cret"),
                new TransportUrl.Broker("rabbit-2", 5672, "nova", "s:cret"),
                new TransportUrl.Broker("fd00::3", 5672, "other", "pw"));
        assertThat(url.virtualHost()).isEqualTo("openstack");
        assertThat(url.redacted()).isEqualTo("rabbit://nova@rabbit-1:5673,nova@rabbit-2:5672,other@[fd00::3]:5672/openstack");
    }

    @Test
    void aBadUrlStopsStartUpNamingTheOptionButNotThePassword() {
        assertRefused("[DEFAULT]\ntransport_url = rabbit://nova:hunter2@rabbit:99999/\n")
                .hasMessage("Invalid value for option [DEFAULT] transport_url: the URL has a port that is not from 1"
                        + " to 65535: 99999")
                .message().doesNotContain("hunter2");
    }

    @Test
    void anUnknownDriverOrFormatStopsStartUpNamingTheOption() {
        assertRefused("[oslo_messaging_notifications]\ndriver = kafka\n")
                .hasMessageStartingWith("Invalid value for option [oslo_messaging_notifications] driver: 'kafka'");
        assertRefused("[notifications]\nnotification_format = json\n")
                .hasMessageStartingWith("Invalid value for option [notifications] notification_format: 'json'");
        assertRefused("[notifications]\nliveness_events = sometimes\n")
                .hasMessageStartingWith("Invalid value for option [notifications] liveness_events: 'sometimes'");
    }

    @Test
    void versionedNotificationsWithoutATopicAreRefused() {
        assertRefused("""
                [oslo_messaging_notifications]
                driver = messagingv2
                [notifications]
                notification_format = versioned
                versioned_notifications_topics =
                """)
                .hasMessageStartingWith("Invalid value for option [notifications] versioned_notifications_topics: no"
                        + " topic is named");
    }

    @Test
    void theDriversSayWhereNotificationsGo() {
        for (String driver : List.of("messagingv2", "messaging")) {
            assertThat(HyperstatusConfig.parse("[oslo_messaging_notifications]\ndriver = " + driver + "\n")
                    .notifications().toRabbit()).isTrue();
        }
        NotificationOptions log = HyperstatusConfig.parse("[oslo_messaging_notifications]\ndriver = log\n")
                .notifications();
        assertThat(log.enabled()).isTrue();
        assertThat(log.toRabbit()).isFalse();
        assertThat(HyperstatusConfig.parse("[oslo_messaging_notifications]\ndriver = noop\n").notifications()
                .enabled()).isFalse();
    }
}
