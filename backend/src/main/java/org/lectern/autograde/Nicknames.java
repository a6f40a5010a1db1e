package org.lectern.autograde;

import java.util.List;

/** Stable nicknames for leaderboards that hide names: the same student gets the same one every time. */
final class Nicknames {

    private static final List<String> ADJECTIVES = List.of("Brisk", "Calm", "Clever", "Daring", "Eager", "Gentle", "Lucky", "Nimble",
            "Quiet", "Rapid", "Sturdy", "Swift", "Tidy", "Vivid", "Witty", "Zesty");
    private static final List<String> ANIMALS = List.of("Axolotl", "Badger", "Crane", "Dolphin", "Falcon", "Gecko", "Heron", "Ibex",
            "Koala", "Lynx", "Marmot", "Narwhal", "Otter", "Puffin", "Quokka", "Wombat");

    private Nicknames() {
    }

    static String of(long accountId) {
        long h = accountId * 0x9E3779B97F4A7C15L;
        int a = (int) ((h >>> 40) & 15);
        int b = (int) ((h >>> 20) & 15);
        return ADJECTIVES.get(a) + " " + ANIMALS.get(b) + " " + Long.toString((accountId * 7919) % 1000);
    }
}
