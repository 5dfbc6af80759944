package io.hyperstatus.notifications;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Ids that oslo.messaging draws at random (a message's {@code message_id} and {@code _unique_id}), drawn here from
 * a hash of what the message is about instead: a message sent again after a failure has the ids it had, so a
 * consumer can recognise the repeat. They have the form of random (version 4) UUIDs.
 */
final class StableIds {
    private StableIds() {
    }

    /** A version 4 UUID made from the parts. */
    static UUID uuid(String purpose, long eventId, long recordedAtMicros, String variant) {
        byte[] hash = sha256(purpose + "\n" + eventId + "\n" + recordedAtMicros + "\n" + variant);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** The same as 32 hex digits, the form of oslo's {@code _unique_id}. */
    static String hex(String purpose, long eventId, long recordedAtMicros, String variant) {
        UUID uuid = uuid(purpose, eventId, recordedAtMicros, variant);
        return HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
