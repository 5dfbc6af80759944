package io.hyperstatus.storage;

import io.hyperstatus.core.port.OutageStore;
import io.hyperstatus.domain.DatabaseOutage;
import java.util.Optional;

/** The last database outage recorded in {@code database_outages} (by this or another API server). */
public final class JdbiOutageStore implements OutageStore {
    private final Database database;

    public JdbiOutageStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<DatabaseOutage> lastOutage() {
        return database.jdbi().withHandle(database::lastOutage);
    }
}
