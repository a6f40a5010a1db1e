package org.lectern.paper;

/** A role of a paper presentation and its time, e.g. the overview for 14 minutes. */
public record PaperRole(int position, String name, int minutes) {
}
