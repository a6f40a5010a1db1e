package org.lectern.lti;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When Lectern's LTI signing keys start, stop and disappear. Platforms cache our key set, so a new key
 * is published {@code prepublish} before it signs anything, and an old key stays published
 * {@code keepAfter} after it last signed (longer than anything we sign lives). Pure: no clock, no database.
 *
 * @param rotateEvery how long a key signs before its successor takes over
 * @param prepublish  how long a key is published before it signs
 * @param keepAfter   how long a key stays published after it stopped signing
 */
public record KeyRotation(Duration rotateEvery, Duration prepublish, Duration keepAfter) {

    public static final KeyRotation DEFAULT = new KeyRotation(Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(1));

    /** A stored key: its id and when it was first published. */
    public record Key(String kid, Instant createdAt) {
    }

    /**
     * @param signer    the key that signs now (null only when there is no key at all)
     * @param published the keys GET /lti/jwks serves, oldest first
     * @param createNew whether a successor must be made now
     * @param retire    keys nobody can need any more: delete them
     */
    public record Plan(String signer, List<String> published, boolean createNew, List<String> retire) {
    }

    public KeyRotation {
        if (prepublish.compareTo(rotateEvery) >= 0) {
            throw new IllegalArgumentException("a key must be published for less than its signing period");
        }
    }

    public Plan plan(List<Key> keys, Instant now) {
        List<Key> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparing(Key::createdAt).thenComparing(Key::kid));
        if (sorted.isEmpty()) {
            return new Plan(null, List.of(), true, List.of());
        }
        // The signer: the newest key published long enough; the very first key signs at once (no one has cached anything).
        Key signer = sorted.getFirst();
        for (Key k : sorted) {
            if (!k.createdAt().plus(prepublish).isAfter(now)) {
                signer = k;
            }
        }
        int s = sorted.indexOf(signer);
        boolean successorExists = s < sorted.size() - 1;
        boolean createNew = !successorExists && !now.isBefore(signer.createdAt().plus(rotateEvery).minus(prepublish));
        List<String> published = new ArrayList<>();
        List<String> retire = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Key k = sorted.get(i);
            if (i < s) {
                // It stopped signing when the next key took over.
                Instant stopped = takeover(sorted.get(i + 1));
                if (!now.isBefore(stopped.plus(keepAfter))) {
                    retire.add(k.kid());
                    continue;
                }
            }
            published.add(k.kid());
        }
        return new Plan(signer.kid(), published, createNew, retire);
    }

    private Instant takeover(Key next) {
        return next.createdAt().plus(prepublish);
    }

    /** The key that signs now, if any. */
    public Optional<String> signer(List<Key> keys, Instant now) {
        return Optional.ofNullable(plan(keys, now).signer());
    }
}
