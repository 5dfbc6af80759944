package io.hyperstatus.core.testing;

import io.hyperstatus.core.notifications.Notice;
import io.hyperstatus.core.notifications.NotificationChannel;
import io.hyperstatus.core.notifications.NotificationChannelException;
import java.util.ArrayList;
import java.util.List;

/** A broker in memory: keeps what it was sent, and refuses sends while it is down. */
public final class TestingNotificationChannel implements NotificationChannel {
    private final List<Notice> received = new ArrayList<>();
    private boolean down;
    private int closes;

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public List<Notice> received() {
        return List.copyOf(received);
    }

    public List<Long> receivedEventIds() {
        return received.stream().map(notice -> notice.event().id()).toList();
    }

    public int closes() {
        return closes;
    }

    @Override
    public void send(List<Notice> notices) {
        if (down) {
            throw new NotificationChannelException("Connection refused (testing broker is down)");
        }
        received.addAll(notices);
    }

    @Override
    public String describe() {
        return "the testing channel";
    }

    @Override
    public void close() {
        closes++;
    }
}
