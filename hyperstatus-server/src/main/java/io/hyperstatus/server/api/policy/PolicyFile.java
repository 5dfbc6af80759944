package io.hyperstatus.server.api.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hyperstatus.config.ConfigException;
import io.hyperstatus.config.PolicyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's policy file ({@code [oslo_policy] policy_file}) and the rules in force from it.
 *
 * <p>The file is YAML (or JSON) mapping rule names to check strings. {@link #rules()} is called on every request;
 * at most once per {@link #CHECK_INTERVAL} one caller looks at the file's modification time (and size and
 * identity) and reloads it when that changed, while every other caller goes on with the rules in force and
 * never waits. A file that does not load at start-up stops start-up; later, it is logged with the reason and
 * the last good rules stay in force until the file is fixed.
 */
public final class PolicyFile {
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(PolicyFile.class);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** What identifies one version of the file; {@code null} fields and size -1 (no real file's) when there is none. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
        static final Stamp ABSENT = new Stamp(null, -1, null);
    }

    private final Path path;
    private final boolean required;
    private final LongSupplier nanoClock;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile PolicyRules rules;
    // Only touched by the one caller that holds `checking` (or by the constructor).
    private Stamp seen;
    private volatile long nextCheck;

    private PolicyFile(Path path, boolean required, LongSupplier nanoClock) {
        this.path = path;
        this.required = required;
        this.nanoClock = nanoClock;
        this.nextCheck = nanoClock.getAsLong() + CHECK_INTERVAL.toNanos();
        Result<Stamp> first = stamp();
        if (first.error() != null) {
            throw new ConfigException("Cannot read policy file " + path + ": " + first.error());
        }
        this.seen = first.value();
        if (seen.equals(Stamp.ABSENT)) {
            if (required) {
                throw new ConfigException("Invalid value for option [oslo_policy] policy_file: '" + path
                        + "' does not exist");
            }
            rules = PolicyRules.defaults();
        } else {
            try {
                rules = read(path);
            } catch (PolicyParseException e) {
                throw new ConfigException("Cannot load policy file " + path + ": " + e.getMessage(), e);
            }
            LOG.info("Policy file {} loaded: {} rule(s) overridden", path, overriddenCount(rules));
        }
        rules.warnings().forEach(w -> LOG.warn("Policy file {}: {}", path, w));
    }

    /** Loads the configured file, failing start-up with a message naming the file or option when it cannot. */
    public static PolicyFile open(PolicyOptions options) {
        return open(options, System::nanoTime);
    }

    /** As {@link #open(PolicyOptions)}, with the monotonic clock (in nanoseconds) that paces the looks at the file. */
    public static PolicyFile open(PolicyOptions options, LongSupplier nanoClock) {
        return open(options.policyFile(), options.policyFileSet(), nanoClock);
    }

    static PolicyFile open(Path path, boolean required, LongSupplier nanoClock) {
        return new PolicyFile(path, required, nanoClock);
    }

    public Path path() {
        return path;
    }

    /** The rules in force, after looking for a changed file if the last look is a second old. */
    public PolicyRules rules() {
        if (nanoClock.getAsLong() - nextCheck >= 0 && checking.compareAndSet(false, true)) {
            try {
                nextCheck = nanoClock.getAsLong() + CHECK_INTERVAL.toNanos();
                reloadIfChanged();
            } finally {
                checking.set(false);
            }
        }
        return rules;
    }

    private void reloadIfChanged() {
        Result<Stamp> current = stamp();
        if (current.error() != null) {
            LOG.error("Cannot look at policy file {}; the rules in force stay: {}", path, current.error());
            return;
        }
        Stamp stamp = current.value();
        if (stamp.equals(seen)) {
            return;
        }
        seen = stamp;
        if (stamp.equals(Stamp.ABSENT)) {
            if (required) {
                LOG.error("Policy file {} (set by [oslo_policy] policy_file) is gone; the rules last loaded from it"
                        + " stay in force", path);
            } else {
                rules = PolicyRules.defaults();
                LOG.info("Policy file {} removed: default rules in force", path);
            }
            return;
        }
        try {
            PolicyRules loaded = read(path);
            rules = loaded;
            LOG.info("Policy file {} reloaded: {} rule(s) overridden", path, overriddenCount(loaded));
            loaded.warnings().forEach(w -> LOG.warn("Policy file {}: {}", path, w));
        } catch (PolicyParseException e) {
            LOG.error("Policy file {} not loaded, the previous rules stay in force: {}", path, e.getMessage());
        }
    }

    /** Reads and parses a policy file whole; throws with the reason when any of it is wrong. */
    static PolicyRules read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PolicyParseException("cannot read it: " + e);
        }
        return PolicyRules.withOverrides(parse(text));
    }

    /** The overrides of a policy file's text: rule name to check string. */
    static Map<String, String> parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new PolicyParseException("not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return overrides;
        }
        if (!root.isObject()) {
            throw new PolicyParseException("it must map rule names to check strings, not be "
                    + (root.isArray() ? "a list" : "a single value"));
        }
        root.properties().forEach(field -> {
            if (!field.getValue().isTextual()) {
                throw new PolicyParseException("rule \"" + field.getKey() + "\": the check string must be a string, not "
                        + (field.getValue().isNull() ? "empty" : field.getValue().toString())
                        + " (quote it; an empty string allows everyone)");
            }
            overrides.put(field.getKey(), field.getValue().textValue());
        });
        return overrides;
    }

    private static long overriddenCount(PolicyRules rules) {
        return rules.all().stream().filter(PolicyRules.Effective::overridden).count();
    }

    /** A value, or why there is none. */
    private record Result<T>(T value, String error) {
    }

    private Result<Stamp> stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Result<>(new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()), null);
        } catch (NoSuchFileException e) {
            return new Result<>(Stamp.ABSENT, null);
        } catch (IOException e) {
            return new Result<>(null, e.toString());
        }
    }
}
