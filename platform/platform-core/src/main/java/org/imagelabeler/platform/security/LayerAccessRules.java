package org.imagelabeler.platform.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.imagelabeler.platform.datadir.AtomicFileWriter;

/**
 * Workspace and layer rules kept in the data dir's {@code security/layers.properties}, in
 * GeoServer's syntax: {@code workspace.layer.mode=ROLE1,ROLE2}, where workspace and layer may be
 * {@code *}, mode is {@code r}, {@code w} or {@code a}, and the role {@code *} means everybody
 * (anonymous included) and {@code AUTHENTICATED} any signed-in user.
 *
 * <p>The most specific rule wins: {@code ws.layer.m}, then {@code ws.*.m}, then {@code *.*.m}. A
 * subject holding none of the rule's roles is denied. The rules abstain only when no rule, not
 * even the global one, names the mode.
 */
public final class LayerAccessRules implements AccessRule {

    public static final String FILE_NAME = "layers.properties";
    public static final String EVERYONE = "*";
    public static final String AUTHENTICATED = "AUTHENTICATED";

    /** Used when the data dir has no rules file: everybody reads, administrators write. */
    public static final Map<String, String> DEFAULTS = Map.of("*.*.r", "*", "*.*.w", "ADMIN", "*.*.a", "ADMIN");

    private final Path file;
    private volatile Map<String, Set<String>> rules;

    public LayerAccessRules(Path securityDir) {
        this.file = securityDir.resolve(FILE_NAME);
        this.rules = Files.isRegularFile(file) ? parse(read(file)) : parse(DEFAULTS);
    }

    @Override
    public int getPriority() {
        return LOWEST;
    }

    @Override
    public AccessDecision decide(Subject subject, AccessTarget target, AccessMode mode) {
        Map<String, Set<String>> current = rules;
        String m = mode.letter();
        Set<String> roles = null;
        if (target.layer() != null) {
            roles = current.get(target.workspace() + "." + target.layer() + "." + m);
        }
        if (roles == null && target.workspace() != null) {
            roles = current.get(target.workspace() + ".*." + m);
        }
        if (roles == null) {
            roles = current.get("*.*." + m);
        }
        if (roles == null) {
            return AccessDecision.ABSTAIN;
        }
        return grants(roles, subject) ? AccessDecision.ALLOW : AccessDecision.DENY;
    }

    private static boolean grants(Set<String> roles, Subject subject) {
        if (roles.contains(EVERYONE)) {
            return true;
        }
        if (subject.isAnonymous()) {
            return false;
        }
        return roles.contains(AUTHENTICATED) || roles.stream().anyMatch(subject::hasRole);
    }

    /** The rules, keyed by rule, with their roles joined by commas. */
    public Map<String, String> asMap() {
        Map<String, String> out = new TreeMap<>();
        rules.forEach((k, v) -> out.put(k, String.join(",", v)));
        return out;
    }

    /** Adds rules; fails without change if one already exists or is malformed. */
    public synchronized void add(Map<String, String> added) {
        Map<String, Set<String>> parsed = parse(added);
        for (String key : parsed.keySet()) {
            if (rules.containsKey(key)) {
                throw new IllegalStateException("rule " + key + " already exists");
            }
        }
        Map<String, Set<String>> next = new TreeMap<>(rules);
        next.putAll(parsed);
        store(next);
    }

    /** Replaces the roles of existing rules; fails without change if one does not exist. */
    public synchronized void update(Map<String, String> changed) {
        Map<String, Set<String>> parsed = parse(changed);
        for (String key : parsed.keySet()) {
            if (!rules.containsKey(key)) {
                throw new java.util.NoSuchElementException("no rule " + key);
            }
        }
        Map<String, Set<String>> next = new TreeMap<>(rules);
        next.putAll(parsed);
        store(next);
    }

    public synchronized void remove(String key) {
        if (!rules.containsKey(key)) {
            throw new java.util.NoSuchElementException("no rule " + key);
        }
        Map<String, Set<String>> next = new TreeMap<>(rules);
        next.remove(key);
        store(next);
    }

    private void store(Map<String, Set<String>> next) {
        StringBuilder text = new StringBuilder("# workspace.layer.mode=roles (mode: r, w or a; role * = everybody)\n");
        next.forEach(
                (k, v) -> text.append(k).append('=').append(String.join(",", v)).append('\n'));
        AtomicFileWriter.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        rules = java.util.Collections.unmodifiableMap(next);
    }

    /** Parses and validates rules; throws {@link IllegalArgumentException} naming the faulty rule. */
    static Map<String, Set<String>> parse(Map<String, String> raw) {
        Map<String, Set<String>> out = new TreeMap<>();
        raw.forEach((key, value) -> {
            String k = key.trim();
            String[] parts = k.split("\\.");
            if (parts.length < 3) {
                throw new IllegalArgumentException("rule '" + k + "': expected workspace.layer.mode");
            }
            String mode = parts[parts.length - 1];
            try {
                AccessMode.ofLetter(mode);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule '" + k + "': " + e.getMessage(), e);
            }
            String workspace = parts[0];
            String layer = k.substring(workspace.length() + 1, k.length() - mode.length() - 1);
            if (workspace.equals("*") && !layer.equals("*")) {
                throw new IllegalArgumentException("rule '" + k + "': a layer rule needs a workspace name");
            }
            if (workspace.isEmpty() || layer.isEmpty()) {
                throw new IllegalArgumentException("rule '" + k + "': empty workspace or layer");
            }
            Set<String> roles = Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(r -> !r.isEmpty())
                    .map(r -> r.equals(EVERYONE) ? r : Subject.normaliseRole(r))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("rule '" + k + "': no roles");
            }
            out.put(k, java.util.Collections.unmodifiableSet(roles));
        });
        return out;
    }

    private static Map<String, String> read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return p.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, p::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read access rules " + file, e);
        }
    }
}
