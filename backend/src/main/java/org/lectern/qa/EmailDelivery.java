package org.lectern.qa;

/** How a person wants Q&A activity by e-mail: not at all, as it happens, or once a day. */
public enum EmailDelivery { NONE, IMMEDIATE, DAILY }
