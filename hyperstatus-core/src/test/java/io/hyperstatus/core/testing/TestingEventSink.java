package io.hyperstatus.core.testing;

import io.hyperstatus.core.events.EventSink;
import io.hyperstatus.core.events.ServiceEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event, and whether a transaction was open when it came. */
public final class TestingEventSink implements EventSink {
    private final TestingTransactions transactions;
    private final List<ServiceEvent> events = new ArrayList<>();
    private boolean allInsideTransactions = true;

    public TestingEventSink(TestingTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void publish(ServiceEvent event) {
        allInsideTransactions &= transactions.isOpen();
        events.add(event);
    }

    public List<ServiceEvent> events() {
        return List.copyOf(events);
    }

    public boolean allInsideTransactions() {
        return allInsideTransactions;
    }
}
