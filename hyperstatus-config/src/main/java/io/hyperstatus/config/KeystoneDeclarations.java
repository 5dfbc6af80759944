package io.hyperstatus.config;

import static io.hyperstatus.config.ValueTypes.text;

import java.time.Duration;
import java.util.List;

/** The {@code [keystone_authtoken]} options, with keystonemiddleware's names; read only with Keystone. */
final class KeystoneDeclarations {
    static final String SECTION = "keystone_authtoken";
    private static final String WITH_KEYSTONE = "with Keystone";
    // A request waits for Keystone at most connect + request timeout; longer would make a Keystone outage a hang.
    private static final Duration MAX_HTTP_TIMEOUT = Duration.ofSeconds(60);
    private static final String WHY_BOUNDED = "so that a Keystone outage cannot hang requests";

    static final Option<String> AUTH_URL = Option.required(SECTION, "auth_url", ValueTypes.httpUrl(), WITH_KEYSTONE,
            "Keystone's identity endpoint (`http://host:5000` or `.../v3`)");
    static final Option<String> WWW_AUTHENTICATE_URI = Option.computed(SECTION, "www_authenticate_uri",
            ValueTypes.httpUrl(), "`auth_url`",
            "the URI that 401s name in `WWW-Authenticate: Keystone uri=\"...\"`").blankMeansDefault();
    static final Option<String> USERNAME = Option.required(SECTION, "username", text(), WITH_KEYSTONE,
            "the service user that validates tokens");
    static final Option<String> PASSWORD = Option.required(SECTION, "password", text(), WITH_KEYSTONE,
            "the service user's password");
    static final Option<String> PROJECT_NAME = Option.required(SECTION, "project_name", text(), WITH_KEYSTONE,
            "the service user's project");
    static final Option<String> USER_DOMAIN_NAME = Option.of(SECTION, "user_domain_name", text(), "Default",
            "the service user's domain").blankMeansDefault();
    static final Option<String> PROJECT_DOMAIN_NAME = Option.of(SECTION, "project_domain_name", text(), "Default",
            "the domain of the service user's project").blankMeansDefault();
    static final Option<String> REGION_NAME = Option.computed(SECTION, "region_name", text(), "(none)",
            "accepted for keystonemiddleware compatibility; the endpoint used is `auth_url`").blankMeansDefault();
    static final Option<Duration> TOKEN_CACHE_TIME = Option.of(SECTION, "token_cache_time", ValueTypes.seconds(),
            "300", "seconds a validated token is trusted without asking Keystone again (at most until it expires)");
    static final Option<Duration> HTTP_CONNECT_TIMEOUT = Option.of(SECTION, "http_connect_timeout",
            ValueTypes.seconds(MAX_HTTP_TIMEOUT, WHY_BOUNDED), "3",
            "seconds a request may wait to connect to Keystone before its 503");
    static final Option<Duration> HTTP_REQUEST_TIMEOUT = Option.of(SECTION, "http_request_timeout",
            ValueTypes.seconds(MAX_HTTP_TIMEOUT, WHY_BOUNDED), "5",
            "seconds a request may wait for Keystone's answer before its 503");

    static final OptionGroup GROUP = new OptionGroup("keystone", List.of(AUTH_URL, WWW_AUTHENTICATE_URI, USERNAME,
            PASSWORD, PROJECT_NAME, USER_DOMAIN_NAME, PROJECT_DOMAIN_NAME, REGION_NAME, TOKEN_CACHE_TIME,
            HTTP_CONNECT_TIMEOUT, HTTP_REQUEST_TIMEOUT));

    private KeystoneDeclarations() {
    }
}
