package io.hyperstatus.server.api.board;

import static io.hyperstatus.server.api.microversion.VersionRange.ALL;
import static io.javalin.http.HandlerType.GET;

import io.hyperstatus.core.hypervisors.BoardFilter;
import io.hyperstatus.core.hypervisors.BoardPage;
import io.hyperstatus.core.hypervisors.BoardQuery;
import io.hyperstatus.core.hypervisors.BoardSort;
import io.hyperstatus.core.hypervisors.HypervisorBoard;
import io.hyperstatus.core.hypervisors.ZoneSummaries;
import io.hyperstatus.domain.ServiceState;
import io.hyperstatus.domain.ServiceStatus;
import io.hyperstatus.server.api.ApiRequest;
import io.hyperstatus.server.api.ApiResponse;
import io.hyperstatus.server.api.Endpoint;
import io.hyperstatus.server.api.QueryValues;
import io.hyperstatus.server.api.Resource;
import io.hyperstatus.server.api.policy.PolicyRule;
import io.hyperstatus.server.api.validation.RequestSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * hyperstatus's own API for a dashboard ({@code /hyperstatus/v1}): the hypervisors filtered by what Nova's
 * os-hypervisors cannot filter by, sorted and paged, and each zone's counts (see docs/hypervisor-board.md).
 */
public final class BoardController implements Resource {
    private static final RequestSchema LIST_QUERY = RequestSchema.load("board-hypervisors-query");
    /** No parameter at all, which is what Nova's strict query schema of 2.102 says too. */
    private static final RequestSchema SUMMARY_QUERY = RequestSchema.load("no-query-v2.102");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_OFFSET = 10_000_000;

    private final HypervisorBoard board;
    private final BoardView view = new BoardView();

    public BoardController(HypervisorBoard board) {
        this.board = Objects.requireNonNull(board, "board");
    }

    /** {@code GET /hypervisors}: a page of the hypervisors that match the filters, and how many match. */
    public ApiResponse hypervisors(ApiRequest request) {
        Map<String, List<String>> query = request.query(Optional.of(LIST_QUERY));
        request.authorize(PolicyRule.BOARD_HYPERVISORS);
        int limit = QueryValues.last(query, "limit").map(v -> range("limit", v, 1, MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        int offset = QueryValues.last(query, "offset").map(v -> range("offset", v, 0, MAX_OFFSET)).orElse(0);
        // The schema has checked the names: each is a constant's name in lower case.
        BoardFilter filter = new BoardFilter(QueryValues.last(query, "q"),
                QueryValues.last(query, "state").map(v -> ServiceState.valueOf(v.toUpperCase(Locale.ROOT))),
                QueryValues.last(query, "status").map(v -> ServiceStatus.valueOf(v.toUpperCase(Locale.ROOT))),
                QueryValues.last(query, "zone"), QueryValues.last(query, "aggregate"));
        BoardSort sort = QueryValues.last(query, "sort").map(v -> BoardSort.valueOf(v.toUpperCase(Locale.ROOT)))
                .orElse(BoardSort.HOSTNAME);
        BoardQuery boardQuery = new BoardQuery(filter, sort, QueryValues.last(query, "dir").map("desc"::equals)
                .orElse(false), offset, limit);
        BoardPage page = board.list(boardQuery);
        return ApiResponse.ok(json -> view.page(json, page, offset, limit));
    }

    /** {@code GET /zones/summary}: every zone that has a hypervisor, with its counts by state and status. */
    public ApiResponse zoneSummary(ApiRequest request) {
        request.query(Optional.of(SUMMARY_QUERY));
        request.authorize(PolicyRule.ZONES_SUMMARY);
        ZoneSummaries summaries = board.zoneSummaries();
        return ApiResponse.ok(json -> view.zones(json, summaries));
    }

    /** A number the schema has checked the digits of, within its range. */
    private static int range(String name, String value, int min, int max) {
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw QueryValues.invalid(name, value, name + " must be from " + min + " to " + max);
        }
        return (int) number;
    }

    @Override
    public List<Endpoint> routes() {
        return List.of(new Endpoint(GET, "/hypervisors", ALL, this::hypervisors),
                new Endpoint(GET, "/zones/summary", ALL, this::zoneSummary));
    }
}
