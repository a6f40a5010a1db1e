package org.lectern.assignment;

/** Public tests: results shown at once. Private tests: generalisations, hidden until grades are released. */
public enum Visibility { PUBLIC, PRIVATE }
