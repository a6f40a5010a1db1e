package org.lectern.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * When failed sign-ins lock further tries. Two counters, never one per account alone: one per client
 * address (stops one machine guessing many accounts) and one per account at that address (stops one
 * machine guessing one account). A lock on the account itself would let anyone lock a student out
 * before a quiz, so the student's own address stays open while another address hammers the account.
 * Counters are keyed by the typed e-mail, not by the account, so an unknown address is throttled
 * exactly like an existing one and the answer never tells whether an account exists.
 * <p>A campus behind one NAT address shares the address counter, so one student spraying guesses
 * there would lock everyone out; an e-mail that signed in from this address within
 * {@code trustSuccessFor} is therefore let past the address's lock (its own counter still applies).
 */
public record SignInThrottle(Limit perAddress, Limit perAccountAtAddress, Duration trustSuccessFor) {

    public static final SignInThrottle DEFAULT = new SignInThrottle(
            new Limit(50, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1)),
            new Limit(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
            Duration.ofDays(30));

    /**
     * Free failures first, then a lock that doubles with each further failure up to a ceiling; a
     * counter whose last failure is older than {@code forgetAfter} starts again from zero.
     */
    public record Limit(int freeFailures, Duration firstLock, Duration maxLock, Duration forgetAfter) {

        /** The lock to impose after the given number of consecutive failures, if any. */
        public Optional<Instant> lockedUntil(int consecutiveFailures, Instant now) {
            if (consecutiveFailures < freeFailures) {
                return Optional.empty();
            }
            int doublings = Math.min(consecutiveFailures - freeFailures, 20);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            if (lock.compareTo(maxLock) > 0) {
                lock = maxLock;
            }
            return Optional.of(now.plus(lock));
        }
    }

    /**
     * A stored counter: consecutive failures, the last one's time, the lock they earned, and (for
     * an e-mail at an address) when it last signed in successfully from there.
     */
    public record Counter(int failures, Instant lastFailure, Instant lockedUntil, Instant lastSuccess) {

        public Counter(int failures, Instant lastFailure, Instant lockedUntil) {
            this(failures, lastFailure, lockedUntil, null);
        }
    }

    /** The two counters' keys for a sign-in from this address with this (normalised) e-mail. */
    public record Keys(String address, String accountAtAddress) {
    }

    public static Keys keys(String normalisedEmail, String clientAddress) {
        String address = addressKey(clientAddress);
        return new Keys("address:" + address, "account:" + normalisedEmail + "|" + address);
    }

    /**
     * How long sign-in stays refused given the two counters (absent: not refused). The password is
     * not even checked while refused, for known and unknown e-mails alike.
     */
    public Optional<Duration> refusal(Optional<Counter> address, Optional<Counter> accountAtAddress, Instant now) {
        boolean knownHere = accountAtAddress.map(Counter::lastSuccess)
                .filter(s -> !s.plus(trustSuccessFor).isBefore(now)).isPresent();
        Instant until = null;
        for (Optional<Counter> c : Arrays.asList(knownHere ? Optional.<Counter>empty() : address, accountAtAddress)) {
            if (c.isPresent() && c.get().lockedUntil() != null && c.get().lockedUntil().isAfter(now)
                    && (until == null || c.get().lockedUntil().isAfter(until))) {
                until = c.get().lockedUntil();
            }
        }
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** A counter after one more failure. */
    public static Counter afterFailure(Limit limit, Optional<Counter> previous, Instant now) {
        boolean fresh = previous.isEmpty() || previous.get().lastFailure() == null
                || previous.get().lastFailure().plus(limit.forgetAfter()).isBefore(now);
        int failures = fresh ? 1 : previous.get().failures() + 1;
        return new Counter(failures, now, limit.lockedUntil(failures, now).orElse(null), previous.map(Counter::lastSuccess).orElse(null));
    }

    /**
     * The address a counter is kept for: an IPv4 address as it is, an IPv6 address by its /64
     * network (one subscriber usually holds a whole /64, so single addresses are free to them).
     */
    static String addressKey(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String a = clientAddress.strip();
        if (a.indexOf(':') < 0) {
            return a;
        }
        try {
            String literal = a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
            int zone = literal.indexOf('%');
            if (zone >= 0) {
                literal = literal.substring(0, zone);
            }
            if (!literal.matches("[0-9A-Fa-f:.]+")) {
                return a; // not a literal: never resolve names here
            }
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // an IPv4-mapped IPv6 address
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
