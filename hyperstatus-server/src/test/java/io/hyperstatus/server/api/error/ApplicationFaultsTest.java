package io.hyperstatus.server.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperstatus.core.AggregateNameExistsException;
import io.hyperstatus.core.ConflictingWriteException;
import io.hyperstatus.core.HostHasInstancesException;
import io.hyperstatus.core.InvalidRequestException;
import io.hyperstatus.core.NotFoundException;
import io.hyperstatus.core.ServiceNotFoundException;
import org.junit.jupiter.api.Test;

class ApplicationFaultsTest {
    @Test
    void notFoundIs404ConflictIs409AndAnInvalidChangeIs400() {
        assertThat(ApplicationFaults.status(new NotFoundException("gone"))).isEqualTo(404);
        assertThat(ApplicationFaults.status(new ServiceNotFoundException("x"))).isEqualTo(404);
        assertThat(ApplicationFaults.status(new HostHasInstancesException())).isEqualTo(409);
        assertThat(ApplicationFaults.status(new AggregateNameExistsException("rack1"))).isEqualTo(409);
        assertThat(ApplicationFaults.status(new ConflictingWriteException("taken", null))).isEqualTo(409);
        assertThat(ApplicationFaults.status(new InvalidRequestException("no"))).isEqualTo(400);
    }
}
