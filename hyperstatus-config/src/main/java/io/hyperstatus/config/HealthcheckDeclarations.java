package io.hyperstatus.config;

import java.nio.file.Path;
import java.util.List;

/** The API server's {@code [healthcheck]} options, with oslo.middleware's healthcheck names. */
final class HealthcheckDeclarations {
    static final Option<Boolean> DETAILED = Option.of("healthcheck", "detailed", ValueTypes.bool(), "false",
            "whether `GET /healthcheck` asked for JSON lists each check with its reason; otherwise it tells up"
                    + " from down only, see [docs/healthcheck.md](docs/healthcheck.md)");
    static final Option<Path> DISABLE_BY_FILE_PATH = Option.computed("healthcheck", "disable_by_file_path",
            ValueTypes.path(), "(none: never disabled by a file)", "while anything exists at this path,"
                    + " `GET /healthcheck` answers `503` `DISABLED BY FILE`, so that a load balancer drains the"
                    + " server").blankMeansDefault();

    static final OptionGroup GROUP = new OptionGroup("healthcheck", List.of(DETAILED, DISABLE_BY_FILE_PATH));

    private HealthcheckDeclarations() {
    }
}
